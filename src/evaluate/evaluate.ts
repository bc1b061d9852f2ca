import { selectBlock, type ChecklistBlock } from '../checklist/block.js';
import { headingKey } from '../checklist/plain-text.js';
import type { ChecklistDocument, TaskItem } from '../checklist/task-item.js';
import type { ItemRule, Policy, PolicyError, SectionRule } from '../policy/policy.js';
import {
  FAILING_STATUSES,
  type NotApplicableException,
  type Report,
  type ReportItem,
  type SectionResult,
} from './report.js';
import { itemLine, ruleName } from './advice.js';
import { conditionHolds } from './conditions.js';
import { applyEmergency } from './emergency.js';
import type { EvaluationContext } from './context.js';
import { notApplicableClaims } from './exception-claims.js';
import { indexItems, type ItemIndex } from './item-index.js';
import { judgeItem, type JudgeFacts, type ItemVerdict } from './judge-item.js';
import { judgeNotApplicable } from './judge-not-applicable.js';
import { whoKept } from './kept-in-edit.js';
import { sectionKey } from './not-applicable.js';
import {
  almostBoxFix,
  almostBoxFor,
  almostBoxProblem,
  findAlmostBoxes,
  strayLink,
  type AlmostBox,
} from './description-lines.js';
import { checkEvidence } from './evidence.js';
import { findMatches } from './match-items.js';
import { isUnguardedSignoff } from './unguarded-signoffs.js';
import { nearMissFix } from './near-miss.js';
import { isGroupRule, itemsUnder, sectionRuleFor, sectionRulesByKey, ticksNeeded } from './section-rules.js';
import { whoTicked } from './ticked-in-edit.js';

/** The gate's decision: pure, from the parsed description, the policy and what is known of the pull request. */
export function evaluate(doc: ChecklistDocument, policy: Policy, context: EvaluationContext): Report {
  const report = judgeChecklist(doc, policy, context);
  return applyEmergency(report, policy.emergency, context.labels, context.signoffs ?? null);
}

/** The checklist judged item by item, before any emergency release is weighed. */
function judgeChecklist(doc: ChecklistDocument, policy: Policy, context: EvaluationContext): Report {
  const block = selectBlock(doc, policy.checklist);
  const notes: string[] = [];
  if (policy.source.kind === 'default')
    notes.push('No policy file: every task item in the description is required.');
  if (!block.found || block.items.length === 0) {
    const boxes = context.description !== undefined ? findAlmostBoxes(context.description, doc) : [];
    return noChecklistReport(block, doc, policy, notes, boxes);
  }

  const index = indexItems(block.items);
  const facts: JudgeFacts = {
    evidence: context.evidence ?? null,
    signoffs: context.signoffs ?? null,
    tickedBy: whoTicked(block.items, context.signoffs ?? null, policy, notes),
    notes,
  };
  const claims = notApplicableClaims(index, policy);
  const approving = (item: TaskItem) => claims.get(item.index)?.rule.rule === 'with-approval';
  const keptBy =
    claims.size > 0 ? whoKept(block.items, context.signoffs ?? null, policy, approving, notes) : new Map();
  const exceptions = new Map<number, NotApplicableException>();
  /** A required item marked not applicable is judged by its not-applicable rule instead. */
  const judge = (item: TaskItem, required: boolean, rule: ItemRule | null): ItemVerdict => {
    const claim = required ? claims.get(item.index) : undefined;
    if (!claim) return judgeItem(item, required, rule, facts);
    const id = rule?.id ?? item.id;
    const judged = judgeNotApplicable(item, claim, id, { signoffs: context.signoffs ?? null, keptBy, notes });
    if (judged.exception) exceptions.set(item.index, judged.exception);
    return judged.verdict;
  };
  const entries: ReportItem[] = [];
  const claimed = new Set<number>();
  const missing: [ItemRule, ReportItem][] = [];
  for (const rule of policy.items) {
    const matches = findMatches(rule, index);
    for (const item of matches) claimed.add(item.index);
    const condition = conditionHolds(rule.when, context);
    notes.push(...condition.notes.map((note) => `${ruleName(rule)}: ${note}.`));
    const required = rule.required && condition.holds;
    if (matches.length === 0) {
      const absent = withOrigin(missingEntry(rule, required, condition.holds), rule);
      entries.push(absent);
      if (absent.status === 'missing') missing.push([rule, absent]);
      continue;
    }
    for (const item of matches) {
      const judged = condition.holds ? judge(item, required, rule) : notRequired();
      const verdict = withStrayLink(judged, item, rule, doc, context);
      const judgedEntry = withOrigin(entry(item, rule.id ?? item.id, required, verdict), rule);
      // Where the edit history was read: who ticked the item.
      const by = item.checked ? facts.tickedBy.get(item.index) : undefined;
      entries.push(by !== undefined ? { ...judgedEntry, tickedBy: by } : judgedEntry);
    }
  }

  // A missing item's fix names an unmatched item worded nearly like it; the hint never matches.
  if (missing.length > 0)
    nearMissFix(
      missing,
      block.items.filter((item) => !claimed.has(item.index)),
      index,
    );
  // A missing item written as a box GitHub does not draw: say what to write instead.
  if (missing.length > 0 && context.description !== undefined) {
    const boxes = findAlmostBoxes(context.description, doc);
    for (const [rule, absent] of missing) {
      const box = almostBoxFor(boxes, rule);
      if (box === null) continue;
      absent.problems = [almostBoxProblem(box)];
      absent.fix = almostBoxFix(box);
    }
  }

  const sectionResults = policy.sections.map((rule) => judgeSection(rule, index, doc, block, context, notes));
  const resultsByRule = new Map(policy.sections.map((rule, position) => [rule, sectionResults[position]]));
  const rulesByKey = sectionRulesByKey(policy.sections);
  for (const item of block.items) {
    if (claimed.has(item.index)) continue;
    const rule = sectionRuleFor(item, index, rulesByKey);
    const unlisted = unlistedEntry(
      item,
      rule,
      rule ? resultsByRule.get(rule) : undefined,
      policy.unlisted,
      (required) => judge(item, required, null),
    );
    if (unlisted) entries.push(unlisted);
  }
  entries.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  return finish(entries, sectionResults, block, policy, notes, [...exceptions.values()]);
}

function entry(item: TaskItem, id: string | null, required: boolean, verdict: ItemVerdict): ReportItem {
  return {
    id,
    text: item.text,
    checked: item.checked,
    required,
    status: verdict.status,
    line: item.line,
    depth: item.depth,
    section: item.section,
    links: item.links,
    problems: verdict.problems,
    fix: verdict.fix,
    ...(verdict.evidence !== undefined && { evidence: verdict.evidence }),
    ...(verdict.runs !== undefined && { runs: verdict.runs }),
  };
}

/** With extends, each entry says which policy files its rule comes from; an unguarded sign-off says so. */
function withOrigin(reportItem: ReportItem, rule: ItemRule): ReportItem {
  return {
    ...reportItem,
    ...(rule.from && { ruleFrom: rule.from }),
    ...(reportItem.required && isUnguardedSignoff(rule) && { anyoneCanTick: true }),
  };
}

/** A ticked item without evidence whose link sits on the next line, outside the item: say so. */
function withStrayLink(
  verdict: ItemVerdict,
  item: TaskItem,
  rule: ItemRule,
  doc: ChecklistDocument,
  context: EvaluationContext,
): ItemVerdict {
  if (verdict.status !== 'no-evidence' || rule.evidence === null || context.description === undefined)
    return verdict;
  const evidence = rule.evidence;
  const stray = strayLink(
    context.description,
    item,
    doc,
    (url) => checkEvidence([url], evidence).accepted.length > 0,
  );
  if (stray === null) return verdict;
  return {
    ...verdict,
    fix: `The link on line ${stray.line} is not part of this item: indent it under the item, or put it on the item's line.`,
  };
}

function notRequired(): ItemVerdict {
  return { status: 'not-required', problems: [], fix: null };
}

function missingEntry(rule: ItemRule, required: boolean, holds: boolean): ReportItem {
  const text = rule.text ?? (rule.match !== null ? `an item matching /${rule.match}/` : (rule.id ?? ''));
  const base = {
    id: rule.id,
    text,
    checked: false,
    line: null,
    depth: null,
    section: rule.section,
    links: [],
  };
  if (!holds) return { ...base, required: false, ...notRequired() };
  if (!required) return { ...base, required: false, status: 'optional', problems: [], fix: null };
  const where = rule.section !== null ? ` under "${rule.section}"` : '';
  return {
    ...base,
    required: true,
    status: 'missing',
    problems: [`not in the checklist${where}: it was deleted, reworded or never added`],
    fix:
      rule.match !== null && rule.text === null
        ? `Add back a task item matching /${rule.match}/${where}.`
        : `Add it back${where}: ${itemLine(rule)}`,
  };
}

function unlistedEntry(
  item: TaskItem,
  rule: SectionRule | null,
  section: SectionResult | undefined,
  unlisted: Policy['unlisted'],
  judge: (required: boolean) => ItemVerdict,
): ReportItem | null {
  if (rule && section) {
    if (section.status === 'not-required') return entry(item, item.id, false, notRequired());
    if (rule.require === 'all') return entry(item, item.id, true, judge(true));
    if (rule.require === 'none') return entry(item, item.id, false, judge(false));
    // A group rule: the section decides; unticked items fail only while the section falls short.
    if (item.checked || section.status === 'ok') return entry(item, item.id, false, judge(false));
    return entry(item, item.id, false, { status: 'unchecked', problems: ['not ticked'], fix: section.fix });
  }
  if (unlisted === 'ignored') return null;
  return entry(item, item.id, unlisted === 'required', judge(unlisted === 'required'));
}

function judgeSection(
  rule: SectionRule,
  index: ItemIndex,
  doc: ChecklistDocument,
  block: ChecklistBlock,
  context: EvaluationContext,
  notes: string[],
): SectionResult {
  const items = itemsUnder(rule, index);
  const ticked = items.filter((item) => item.checked).length;
  const base = { heading: rule.heading, require: rule.require, total: items.length, ticked, unticked: [] };
  const condition = conditionHolds(rule.when, context);
  notes.push(...condition.notes.map((note) => `section "${rule.heading}": ${note}.`));
  if (!condition.holds) return { ...base, status: 'not-required', problem: null, fix: null };
  if (rule.require === 'none') return { ...base, status: 'ok', problem: null, fix: null };
  const key = headingKey(rule.heading);
  const present = doc.headings.some(
    (heading) =>
      heading.offset >= block.range.start &&
      heading.offset < block.range.end &&
      sectionKey(heading.text) === key,
  );
  if (!present) {
    return {
      ...base,
      status: 'failing',
      problem: `the section "${rule.heading}" is not in the checklist`,
      fix: `Add the heading "${rule.heading}" back, with its task items.`,
    };
  }
  if (items.length === 0) {
    return {
      ...base,
      status: 'failing',
      problem: `the section "${rule.heading}" has no task items`,
      fix: `Add the task items of "${rule.heading}" back under its heading.`,
    };
  }
  if (!isGroupRule(rule)) return { ...base, status: 'ok', problem: null, fix: null };
  const needed = ticksNeeded(rule);
  if (ticked >= needed) return { ...base, status: 'ok', problem: null, fix: null };
  return {
    ...base,
    unticked: items.filter((item) => !item.checked).map((item) => ({ text: item.text, line: item.line })),
    status: 'failing',
    problem: `${ticked} of ${items.length} items under "${rule.heading}" ticked; at least ${needed} must be`,
    fix: `Tick at least ${needed - ticked} more of the items under "${rule.heading}".`,
  };
}

function finish(
  entries: ReportItem[],
  sections: SectionResult[],
  block: ChecklistBlock,
  policy: Policy,
  notes: string[],
  exceptions: NotApplicableException[],
): Report {
  const requiredEntries = entries.filter((item) => item.required);
  const failingEntries = requiredEntries.filter((item) => FAILING_STATUSES.has(item.status));
  const countedSections = sections.filter(
    (section) =>
      section.status === 'failing' ||
      (section.status === 'ok' && (section.require === 'any' || typeof section.require === 'number')),
  );
  const failingSections = sections.filter((section) => section.status === 'failing');
  const required = requiredEntries.length + countedSections.length;
  const open = failingEntries.length + failingSections.length;
  const passed = open === 0;
  const notApplicable = requiredEntries.filter((item) => item.status === 'not-applicable').length;
  const items = `required item${required === 1 ? '' : 's'}`;
  // With exceptions, a pass says how many of the items done were not applicable.
  const summary =
    (passed
      ? notApplicable > 0
        ? `${required} of ${required} ${items} done`
        : `All ${required} ${items} done`
      : `${open} of ${required} ${items} open`) +
    (notApplicable > 0 ? `, ${notApplicable} not applicable` : '');
  return {
    version: 1,
    passed,
    conclusion: passed ? 'pass' : 'fail',
    summary,
    counts: {
      total: entries.length,
      required,
      done: required - open,
      open,
      optional: entries.filter(
        (item) => !item.required && (item.status === 'optional' || item.status === 'ok'),
      ).length,
      notRequired: entries.filter((item) => item.status === 'not-required').length,
      ...(notApplicable > 0 && { notApplicable }),
    },
    checklist: { found: true, where: block.where, items: block.items.length },
    policy: policySource(policy),
    items: entries,
    sections,
    errors: [],
    ...(exceptions.length > 0 && { exceptions: exceptions.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }),
    notes: [...new Set(notes)],
  };
}

/** Which policy judged, for the report. */
export function policySource(policy: Policy): Report['policy'] {
  const organisation = policy.organisation !== undefined && { organisation: policy.organisation };
  return policy.source.kind === 'file'
    ? { source: 'file', path: policy.source.path, ...organisation }
    : { source: 'default', path: null };
}

function noChecklistReport(
  block: ChecklistBlock,
  doc: ChecklistDocument,
  policy: Policy,
  notes: string[],
  boxes: AlmostBox[],
): Report {
  const what = block.found ? `no task items in ${block.where}` : `${block.where} was not found`;
  const first = doc.items[0];
  const allowed = !policy.checklist.required;
  if (allowed) notes.push(`No checklist found (${what}); the policy does not require one.`);
  return {
    version: 1,
    passed: allowed,
    conclusion: allowed ? 'pass' : 'fail',
    summary: allowed ? 'No checklist, and none is required' : `No checklist found: ${what}`,
    counts: {
      total: 0,
      required: allowed ? 0 : 1,
      done: 0,
      open: allowed ? 0 : 1,
      optional: 0,
      notRequired: 0,
    },
    checklist: {
      found: false,
      where: block.where,
      items: block.items.length,
      ...(first !== undefined && { elsewhere: { items: doc.items.length, firstLine: first.line } }),
      ...(boxes.length > 0 && {
        almostBoxes: boxes.map((box) => ({ line: box.line, fix: almostBoxFix(box) })),
      }),
    },
    policy: policySource(policy),
    items: [],
    sections: [],
    errors: [],
    notes,
  };
}

/** The report for a policy that could not be used: the gate fails closed and shows every error. */
export function policyErrorReport(errors: PolicyError[], path: string): Report {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return {
    version: 1,
    passed: false,
    conclusion: 'error',
    summary: `The policy ${path} has ${count}; the gate fails until it is fixed`,
    counts: { total: 0, required: 0, done: 0, open: 0, optional: 0, notRequired: 0 },
    checklist: { found: false, where: 'not evaluated', items: 0 },
    policy: { source: 'file', path },
    items: [],
    sections: [],
    errors: errors.map((error) => ({ ...error })),
    notes: [],
  };
}
