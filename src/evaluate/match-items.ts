/** The policy's items matched to the checklist's task items. */
import { markdownToPlainText } from '../checklist/parse.js';
import { headingKey, matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { ItemRule } from '../policy/policy.js';
import { isUnder, type ItemIndex } from './item-index.js';

/** Longest item text a policy regular expression is run on; keeps a costly pattern bounded. */
const MAX_MATCHED_TEXT = 2000;

/**
 * The task items a policy item names: those carrying its id marker, and those with its text or
 * matching its pattern. Every one of them must satisfy the rule, so a decoy carrying the id cannot
 * stand in for the real item, and a reworded item keeps its rule as long as it keeps its id.
 */
export function findMatches(rule: ItemRule, index: ItemIndex): TaskItem[] {
  const section = rule.section === null ? null : headingKey(rule.section);
  const found = new Set<TaskItem>();
  if (rule.id !== null) for (const item of index.byId.get(rule.id.toLowerCase()) ?? []) found.add(item);
  if (rule.text !== null) {
    for (const item of index.byText.get(matchKey(markdownToPlainText(rule.text))) ?? []) found.add(item);
  }
  if (rule.match !== null) {
    const pattern = new RegExp(rule.match, 'i');
    const matches = (text: string) => pattern.test(text.slice(0, MAX_MATCHED_TEXT));
    for (const item of index.items) if (matches(item.text) || matches(item.textWithoutLinks)) found.add(item);
  }
  return [...found]
    .filter((item) => section === null || isUnder(index, item, section))
    .sort((a, b) => a.index - b.index);
}
