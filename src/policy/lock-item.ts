/** The lock on a base item: tightened only. */
import type { Place, RawNotApplicable } from './load-policy.js';
import type { Path, RawItem, Refuse } from './layer-types.js';
import { tightenEvidence } from './lock-evidence.js';
import { sameValue } from './lock-values.js';
import { effectiveRule, loosened } from './not-applicable-locks.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/** One base item with the local file's entry for the same id laid over it. */
export function tightenItem(
  base: RawItem,
  local: RawItem,
  name: string,
  path: Path,
  places: Map<string, Place>,
  refuse: Refuse,
  baseDefault: RawNotApplicable | undefined,
): RawItem {
  const id = base.id ?? '';
  const lock = (field: string) => places.get(`item:${id}:${field}`) ?? places.get(`item:${id}`);
  const merged: RawItem = { ...base };
  for (const field of Object.keys(local) as (keyof RawItem)[]) {
    switch (field) {
      case 'id':
        break;
      case 'required':
        if (local.required === false && (base.required ?? DEFAULTS['items[].required']))
          refuse(
            [...path, 'required'],
            lock('required'),
            `${name}: required: false makes a locked item optional`,
          );
        else if (local.required === true) merged.required = true;
        break;
      case 'when':
        if (!sameValue(local.when, base.when))
          refuse(
            [...path, 'when'],
            lock('when'),
            `${name}: a when makes a locked item required less often; the base policy's conditions stand as written`,
          );
        break;
      case 'approvers': {
        const allowed = base.approvers?.map((login) => login.toLowerCase());
        const wider = allowed
          ? (local.approvers ?? []).filter((login) => !allowed.includes(login.toLowerCase()))
          : [];
        if (wider.length > 0)
          refuse(
            [...path, 'approvers'],
            lock('approvers'),
            `${name}: approvers ${wider.join(', ')} would widen who may sign a locked item; list only some of the base policy's approvers (${(base.approvers ?? []).join(', ')})`,
          );
        else merged.approvers = local.approvers;
        break;
      }
      case 'not-applicable': {
        // The base item's rule: its own, or the base's default, with the approvers it falls back on.
        const own = base['not-applicable'];
        const baseRule = effectiveRule(own ?? baseDefault, undefined);
        if (baseRule.rule === 'with-approval')
          baseRule.approvers = ownApprovers(own) ?? base.approvers ?? ownApprovers(baseDefault) ?? null;
        const problem = loosened(
          baseRule,
          effectiveRule(local['not-applicable'], local.approvers ?? base.approvers),
        );
        if (problem !== null)
          refuse(
            [...path, 'not-applicable'],
            lock('not-applicable') ?? places.get('not-applicable'),
            `${name}: ${problem}`,
          );
        else merged['not-applicable'] = local['not-applicable'];
        break;
      }
      case 'evidence':
        merged.evidence = tightenEvidence(
          base.evidence,
          local.evidence ?? {},
          name,
          [...path, 'evidence'],
          lock,
          refuse,
        );
        break;
      default:
        // How the item is found (text, match, section) and any key not listed above: locked as written.
        if (!sameValue(local[field], base[field]))
          refuse(
            [...path, field],
            lock(field),
            `${name}.${field} is locked by the base policy: it decides which task item the rule applies to`,
          );
    }
  }
  return merged;
}

function ownApprovers(raw: RawNotApplicable | undefined): string[] | undefined {
  return typeof raw === 'object' ? raw.approvers : undefined;
}
