/** The fix for each failing item, in words the author can act on. */
import type { EvidenceRule, ItemRule } from '../policy/policy.js';

/** Friendly names for the allow-list patterns teams use most. */
const KNOWN_LINKS: [RegExp, string][] = [
  [/\/actions\/runs\//, 'a GitHub Actions run'],
  [/\/pull\/\*?/, 'a pull request'],
  [/\/issues\//, 'an issue'],
  [/\/commit\//, 'a commit'],
  [/\/releases\//, 'a release'],
  [/\/check-runs\//, 'a check run'],
];

/** The evidence an item needs, in words: "a link to the load-test report". */
export function evidenceWords(rule: EvidenceRule): string {
  const count = rule.min > 1 ? `${rule.min} links` : 'a link';
  if (rule.hint !== null) return `${count} to ${rule.hint}`;
  if (rule.allow !== null) {
    const named = rule.allow.map(
      (pattern) => KNOWN_LINKS.find(([shape]) => shape.test(pattern))?.[1] ?? null,
    );
    if (named.every((name) => name !== null)) return `${count} to ${[...new Set(named)].join(' or ')}`;
    return `${count} matching ${rule.allow.join(' or ')}`;
  }
  return `${count} to the evidence (a full http(s) address)`;
}

/** The fix of a plain unticked item: given once above the list, not repeated per item. */
export const TICK_FIX = 'Tick the box once this is done.';

/** How a rule's item is written in the description, for telling authors what to add back. */
export function itemLine(rule: ItemRule): string {
  const text = rule.text ?? rule.id ?? 'the item';
  const marker = rule.id !== null ? ` <!-- id: ${rule.id} -->` : '';
  return `- [ ] ${text}${marker}`;
}

/** A rule's name in messages: its id, text or pattern. */
export function ruleName(rule: ItemRule): string {
  if (rule.id !== null) return rule.id;
  if (rule.text !== null) return `"${rule.text}"`;
  return `/${rule.match ?? ''}/`;
}

/** An open item struck through ("~~Load balancer configured~~") is neither done nor skipped: why, and how a policy skips it. */
export const STRUCK_OPEN_PROBLEM = 'struck through, which does not skip it';
export const STRUCK_OPEN_FIX =
  'Striking an item through does not skip it: tick it once it is done, or make it not required in the policy with required: false on its rule, or a when condition.';

/** A ticked item struck through counts as done, as GitHub draws it ticked; the report says so. */
export function struckTickedNote(item: { line: number; textWithoutLinks: string }): string {
  return `Line ${item.line}, "${item.textWithoutLinks}", is ticked and struck through: it counts as done, as GitHub shows it ticked.`;
}
