/** The judgement's order: items matched, judged, sections weighed, the report finished. */
import { selectBlock } from '../checklist/block.js';
import type { ChecklistDocument, TaskItem } from '../checklist/task-item.js';
import type { ItemRule, Policy } from '../policy/policy.js';
import { type NotApplicableException, type Report, type ReportItem } from './report.js';
import { ruleName } from './advice.js';
import { conditionHolds } from './conditions.js';
import { applyEmergency } from './emergency.js';
import type { EvaluationContext } from './context.js';
import { notApplicableClaims } from './exception-claims.js';
import { indexItems } from './item-index.js';
import { judgeItem, type JudgeFacts, type ItemVerdict } from './judge-item.js';
import { judgeNotApplicable } from './judge-not-applicable.js';
import { whoKept } from './kept-in-edit.js';
import { almostBoxFix, almostBoxFor, almostBoxProblem, findAlmostBoxes } from './description-lines.js';
import { findMatches } from './match-items.js';
import { nearMissFix } from './near-miss.js';
import { sectionRuleFor, sectionRulesByKey } from './section-rules.js';
import { whoTicked } from './ticked-in-edit.js';
import {
  entry,
  missingEntry,
  notRequired,
  unlistedEntry,
  withOrigin,
  withStrayLink,
} from './report-entries.js';
import { judgeSection } from './section-verdict.js';
import { finish, noChecklistReport } from './finish-report.js';

export { policyErrorReport, policySource } from './finish-report.js';

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
