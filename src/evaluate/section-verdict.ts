/** A section rule's verdict. */
import type { ChecklistBlock } from '../checklist/block.js';
import { headingKey } from '../checklist/plain-text.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { SectionRule } from '../policy/policy.js';
import type { SectionResult } from './report.js';
import { conditionHolds } from './conditions.js';
import type { EvaluationContext } from './context.js';
import type { ItemIndex } from './item-index.js';
import { sectionKey } from './not-applicable.js';
import { isGroupRule, itemsUnder, ticksNeeded } from './section-rules.js';

/**
 * A section rule's verdict: how many items under its heading are ticked against how many it
 * requires (all, any, none or a number), when its conditions hold.
 */
export function judgeSection(
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
