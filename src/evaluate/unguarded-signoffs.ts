/** Sign-off items that name no approvers: warned about. */
import type { ItemRule, Policy } from '../policy/policy.js';

/** Words that make an item a sign-off or an approval, which only certain people should give. */
const SIGNOFF_WORDS = /\b(?:sign(?:ed)?[- ]?offs?|approv(?:al|als|ed|es|e)|signed by)\b/i;

/** Whether a rule reads like a sign-off but names no approvers, so that anyone (the author too) can tick it. */
export function isUnguardedSignoff(rule: ItemRule): boolean {
  if (rule.approvers !== null) return false;
  const words = [rule.text, rule.id, rule.match].filter((part): part is string => part !== null).join(' ');
  return SIGNOFF_WORDS.test(words.replace(/-/g, ' '));
}

/** The policy's sign-off items that name no approvers. */
export function unguardedSignoffs(policy: Policy): ItemRule[] {
  return policy.items.filter(isUnguardedSignoff);
}
