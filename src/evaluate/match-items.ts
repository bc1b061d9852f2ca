import { headingKey, matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { ItemRule } from '../policy/policy.js';
import { isUnder, type ItemIndex } from './item-index.js';

/** Longest item text a policy regular expression is run on; keeps a costly pattern bounded. */
const MAX_MATCHED_TEXT = 2000;

/** The task items a policy item names: by id marker first, then by text or regular expression. */
export function findMatches(rule: ItemRule, index: ItemIndex): TaskItem[] {
  const section = rule.section === null ? null : headingKey(rule.section);
  const inSection = (item: TaskItem) => section === null || isUnder(index, item, section);
  if (rule.id !== null) {
    const byId = (index.byId.get(rule.id.toLowerCase()) ?? []).filter(inSection);
    if (byId.length > 0) return byId;
  }
  if (rule.text !== null) return (index.byText.get(matchKey(rule.text)) ?? []).filter(inSection);
  if (rule.match !== null) {
    const pattern = new RegExp(rule.match, 'i');
    return index.items.filter((item) => inSection(item) && pattern.test(item.text.slice(0, MAX_MATCHED_TEXT)));
  }
  return [];
}
