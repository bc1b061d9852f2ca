/** Each task item's or rule's entry in the report. */
import type { ChecklistDocument, TaskItem } from '../checklist/task-item.js';
import type { ItemRule, Policy, SectionRule } from '../policy/policy.js';
import { type ReportItem, type SectionResult } from './report.js';
import { itemLine } from './advice.js';
import type { EvaluationContext } from './context.js';
import type { ItemVerdict } from './judge-item.js';
import { strayLink } from './description-lines.js';
import { checkEvidence } from './evidence.js';
import { isUnguardedSignoff } from './unguarded-signoffs.js';

/** The report's entry for each task item or policy rule: what it is, and why it passes or fails. */
export function entry(
  item: TaskItem,
  id: string | null,
  required: boolean,
  verdict: ItemVerdict,
): ReportItem {
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
export function withOrigin(reportItem: ReportItem, rule: ItemRule): ReportItem {
  return {
    ...reportItem,
    ...(rule.from && { ruleFrom: rule.from }),
    ...(reportItem.required && isUnguardedSignoff(rule) && { anyoneCanTick: true }),
  };
}

/** A ticked item without evidence whose link sits on the next line, outside the item: say so. */
export function withStrayLink(
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

export function notRequired(): ItemVerdict {
  return { status: 'not-required', problems: [], fix: null };
}

export function missingEntry(rule: ItemRule, required: boolean, holds: boolean): ReportItem {
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

export function unlistedEntry(
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
