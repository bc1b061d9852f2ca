/** The items marked not applicable, each with the rule that decides whether it stands. */
import type { NotApplicableRule, Policy } from '../policy/policy.js';
import type { ItemIndex } from './item-index.js';
import { findMatches } from './match-items.js';
import type { NotApplicableForm } from './not-applicable.js';

/** An item its author marked not applicable, and the rule that decides whether that stands. */
export interface NotApplicableClaim {
  form: NotApplicableForm;
  /** The heading that carries the form, when the item's section was marked rather than the item. */
  heading: string | null;
  rule: NotApplicableRule;
}

const STRICTNESS: Record<NotApplicableRule['rule'], number> = {
  'with-reason': 0,
  'with-approval': 1,
  never: 2,
};

function stricter(a: NotApplicableRule, b: NotApplicableRule): NotApplicableRule {
  return STRICTNESS[b.rule] > STRICTNESS[a.rule] ? b : a;
}

/**
 * The items marked not applicable, by item index, each with its rule: its own rule's (the strictest
 * when several name it), or the policy's default for an item no rule names. A marked heading
 * covers the items under it under the strictest rule of them all, and an item that must be
 * approved keeps its own approvers.
 */
export function notApplicableClaims(index: ItemIndex, policy: Policy): Map<number, NotApplicableClaim> {
  const claims = new Map<number, NotApplicableClaim>();
  if (index.notApplicable.size === 0 && index.sectionNotApplicable.size === 0) return claims;
  const ruleOf = new Map<number, NotApplicableRule>();
  for (const rule of policy.items)
    for (const item of findMatches(rule, index)) {
      const known = ruleOf.get(item.index);
      ruleOf.set(item.index, known ? stricter(known, rule.notApplicable) : rule.notApplicable);
    }
  const own = (position: number) => ruleOf.get(position) ?? policy.notApplicable;
  const bySection = new Map<string, NotApplicableRule>();
  for (const [position, marked] of index.sectionNotApplicable) {
    const known = bySection.get(marked.heading);
    bySection.set(marked.heading, known ? stricter(known, own(position)) : own(position));
  }
  for (const item of index.items) {
    const form = index.notApplicable.get(item.index);
    if (form) {
      claims.set(item.index, { form, heading: null, rule: own(item.index) });
      continue;
    }
    const marked = index.sectionNotApplicable.get(item.index);
    if (!marked) continue;
    const section = bySection.get(marked.heading) as NotApplicableRule;
    const mine = own(item.index);
    const rule = mine.rule === section.rule ? mine : section;
    claims.set(item.index, { form: marked.form, heading: marked.heading, rule });
  }
  return claims;
}
