/** The lock on an item's evidence: tightened only. */
import type { Place } from './load-policy.js';
import type { Path, RawEvidence, Refuse } from './layer-types.js';
import { globsOf, sameValue } from './lock-values.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/** A base item's evidence with the local file's laid over it: fewer links, globs or workflows only. */
export function tightenEvidence(
  base: RawEvidence | undefined,
  local: RawEvidence,
  name: string,
  path: Path,
  lock: (field: string) => Place | undefined,
  refuse: Refuse,
): RawEvidence {
  // No evidence in the base: any evidence asked here only adds to it.
  if (base === undefined) return local;
  const merged: RawEvidence = { ...base };
  for (const field of Object.keys(local) as (keyof RawEvidence)[]) {
    const at = [...path, field];
    switch (field) {
      case 'min': {
        const baseMin = base.min ?? DEFAULTS['items[].evidence.min'];
        if ((local.min ?? baseMin) < baseMin)
          refuse(
            at,
            lock('evidence/min'),
            `${name}: evidence.min: ${local.min ?? ''} is lower than the base policy's ${baseMin}`,
          );
        else merged.min = local.min;
        break;
      }
      case 'allow': {
        const wider = base.allow
          ? (local.allow ?? []).filter((glob) => !globsOf(base.allow).includes(glob))
          : [];
        if (wider.length > 0)
          refuse(
            at,
            lock('evidence/allow'),
            `${name}: evidence.allow ${wider.map((glob) => `"${glob}"`).join(', ')} is not among the base policy's globs; list only some of them (${(base.allow ?? []).join(', ')})`,
          );
        else merged.allow = local.allow;
        break;
      }
      case 'repositories': {
        // More repositories whose runs count is looser; fewer is stricter.
        const named = (base.repositories ?? []).map((repository) => repository.toLowerCase());
        const wider = (local.repositories ?? []).filter(
          (repository) => !named.includes(repository.toLowerCase()),
        );
        if (wider.length > 0)
          refuse(
            at,
            lock('evidence/repositories'),
            `${name}: evidence.repositories ${wider.map((repository) => `"${repository}"`).join(', ')} is not among the base policy's repositories; list only some of them (${named.join(', ') || 'none'})`,
          );
        else merged.repositories = local.repositories;
        break;
      }
      case 'workflows':
      case 'closed-by': {
        // Fewer workflows or closers is stricter; any the base does not list, or "not-author" over a list (or the reverse), is looser.
        const listed = (value: RawEvidence[typeof field]): string[] => (Array.isArray(value) ? value : []);
        const lower = (value: RawEvidence[typeof field]) => listed(value).map((entry) => entry.toLowerCase());
        const baseValue = base[field];
        const wider =
          baseValue === undefined
            ? []
            : typeof baseValue === 'string' || typeof local[field] === 'string'
              ? baseValue === local[field]
                ? []
                : [String(local[field])]
              : listed(local[field]).filter((entry) => !lower(baseValue).includes(entry.toLowerCase()));
        if (wider.length > 0)
          refuse(
            at,
            lock(`evidence/${field}`),
            `${name}: evidence.${field} ${wider.map((entry) => `"${entry}"`).join(', ')} is not among the base policy's; list only some of them (${Array.isArray(baseValue) ? baseValue.join(', ') : String(baseValue)})`,
          );
        else merged[field] = local[field] as never;
        break;
      }
      case 'verify':
      case 'same-commit':
        if (local[field] === false && base[field] === true)
          refuse(
            at,
            lock(`evidence/${field}`),
            `${name}: evidence.${field}: false drops a check the base policy makes`,
          );
        else if (local[field] === true) merged[field] = true;
        break;
      case 'hint':
        // Words shown to the author, not a rule.
        merged.hint = local.hint;
        break;
      default:
        if (!sameValue(local[field], base[field]))
          refuse(
            at,
            lock(`evidence/${String(field)}`),
            `${name}: evidence.${String(field)} is locked by the base policy`,
          );
    }
  }
  return merged;
}
