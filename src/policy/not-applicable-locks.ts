/** The lock on `not-applicable`: tightened only. */
import type { RawNotApplicable } from './load-policy.js';
import type { NotApplicableRule } from './policy.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/** How much a not-applicable rule asks: never is the tightest. */
const RANK: Record<NotApplicableRule['rule'], number> = { 'with-reason': 0, 'with-approval': 1, never: 2 };

/** A rule as written, with the approvers it falls back on (the item's, the default's). */
export function effectiveRule(
  raw: RawNotApplicable | undefined,
  approvers: string[] | undefined,
): NotApplicableRule {
  const rule = (typeof raw === 'string' ? raw : raw?.rule) ?? DEFAULTS['not-applicable'];
  const named = typeof raw === 'object' ? raw.approvers : undefined;
  return { rule, approvers: rule === 'with-approval' ? (named ?? approvers ?? null) : null };
}

/**
 * Why a local not-applicable rule would loosen the base's, or null when it only tightens it: a
 * looser rule, or with-approval with approvers the base does not name.
 */
export function loosened(base: NotApplicableRule, local: NotApplicableRule): string | null {
  if (RANK[local.rule] < RANK[base.rule])
    return `not-applicable: ${local.rule} is looser than the base policy's ${base.rule}`;
  if (local.rule !== 'with-approval' || base.rule !== 'with-approval' || base.approvers === null) return null;
  const allowed = base.approvers.map((name) => name.toLowerCase());
  const wider = (local.approvers ?? []).filter((name) => !allowed.includes(name.toLowerCase()));
  return wider.length === 0
    ? null
    : `not-applicable approvers ${wider.join(', ')} would widen who may approve an exception; list only some of the base policy's (${base.approvers.join(', ')})`;
}

/** The stricter of two rules as written: the local one when it does not loosen the base's. */
export function stricterRaw(
  base: RawNotApplicable | undefined,
  local: RawNotApplicable | undefined,
): RawNotApplicable | undefined {
  if (local === undefined) return base;
  if (base === undefined) return local;
  return loosened(effectiveRule(base, undefined), effectiveRule(local, undefined)) === null ? local : base;
}
