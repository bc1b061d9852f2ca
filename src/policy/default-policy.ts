import type { Policy } from './policy.js';

/** Used when a repository has no policy file: every task item in the description is required. */
export function defaultPolicy(): Policy {
  return {
    source: { kind: 'default' },
    gate: { branches: null, releases: true },
    checklist: { required: true },
    unlisted: 'required',
    sections: [],
    items: [],
  };
}
