import type { Policy } from './policy.js';

/** How many distinct evidence links one evaluation verifies through the API, unless the policy says otherwise. */
export const DEFAULT_MAX_VERIFIED_LINKS = 20;

/** Used when a repository has no policy file: every task item in the description is required. */
export function defaultPolicy(): Policy {
  return {
    source: { kind: 'default' },
    gate: { branches: null, releases: true, pullRequests: null, ignoreAuthors: [] },
    checklist: { required: true },
    unlisted: 'required',
    verification: { maxLinks: DEFAULT_MAX_VERIFIED_LINKS },
    notApplicable: { rule: 'never', approvers: null },
    emergency: null,
    policyOwners: null,
    sections: [],
    items: [],
  };
}
