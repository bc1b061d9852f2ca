/** Section rules by heading. */
import { headingKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { SectionRule } from '../policy/policy.js';
import { isUnder, type ItemIndex } from './item-index.js';

/** Section rules by heading key; the first rule for a heading wins. */
export function sectionRulesByKey(rules: SectionRule[]): Map<string, SectionRule> {
  const byKey = new Map<string, SectionRule>();
  for (const rule of rules) {
    const key = headingKey(rule.heading);
    if (!byKey.has(key)) byKey.set(key, rule);
  }
  return byKey;
}

/** The section rule that governs an item: the one for the innermost heading it is under. */
export function sectionRuleFor(
  item: TaskItem,
  index: ItemIndex,
  rules: Map<string, SectionRule>,
): SectionRule | null {
  const keys = index.headingKeys.get(item.index) ?? [];
  for (let depth = keys.length - 1; depth >= 0; depth--) {
    const rule = rules.get(keys[depth] ?? '');
    if (rule) return rule;
  }
  return null;
}

/** Task items under a section rule's heading, at any depth of sub-heading. */
export function itemsUnder(rule: SectionRule, index: ItemIndex): TaskItem[] {
  const key = headingKey(rule.heading);
  return index.items.filter((item) => isUnder(index, item, key));
}

/** How many ticks a group rule ("any" or a number) asks for. */
export function ticksNeeded(rule: SectionRule): number {
  if (rule.require === 'any') return 1;
  return typeof rule.require === 'number' ? rule.require : 0;
}

export function isGroupRule(rule: SectionRule): boolean {
  return rule.require === 'any' || typeof rule.require === 'number';
}
