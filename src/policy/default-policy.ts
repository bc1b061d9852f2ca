/** The policy of a repository that has none: every task item required, each default as defaults.ts says. */
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';
import type { Policy } from './policy.js';

/** Used when a repository has no policy file: every task item in the description is required. */
export function defaultPolicy(): Policy {
  return {
    source: { kind: 'default' },
    gate: { branches: null, releases: DEFAULTS['gate.releases'], pullRequests: null, ignoreAuthors: [] },
    checklist: { required: DEFAULTS['checklist.required'] },
    unlisted: DEFAULTS.unlisted,
    verification: { maxLinks: DEFAULTS['verification.max-links'] },
    notApplicable: { rule: DEFAULTS['not-applicable'], approvers: null },
    emergency: null,
    policyOwners: null,
    sections: [],
    items: [],
  };
}
