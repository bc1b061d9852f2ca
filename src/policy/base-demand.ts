/** What a base demands of task items that no rule names. */
import { headingKey } from '../checklist/plain-text.js';
import type { Place } from './load-policy.js';
import type { LayeredPolicy } from './layer-types.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/** What a base demands of task items that no rule names, and where it says so; null when nothing. */
export interface BaseDemand {
  what: string;
  at: Place | undefined;
}

/** An item or section a local file adds over such a base must not ask less than the base does of it. */
export function baseDemand(base: LayeredPolicy): BaseDemand | null {
  const baseUnlisted = base.raw.unlisted ?? DEFAULTS.unlisted;
  const allSection = (base.raw.sections ?? []).findIndex(
    (section) => (section.require ?? DEFAULTS['sections[].require']) === 'all',
  );
  return baseUnlisted === 'required'
    ? {
        what: 'makes every task item that no rule names required (unlisted: required)',
        at: base.places.get('unlisted'),
      }
    : allSection >= 0
      ? {
          what: `requires every task item under "${base.raw.sections?.[allSection]?.heading ?? ''}"`,
          at: base.places.get(`section:${headingKey(base.raw.sections?.[allSection]?.heading ?? '')}`),
        }
      : null;
}
