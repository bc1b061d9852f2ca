/** What a valid policy lets through that its author likely did not mean (`validate --strict`). */
import { ruleName } from '../evaluate/advice.js';
import { unguardedSignoffs } from '../evaluate/unguarded-signoffs.js';
import type { Policy } from './policy.js';

/** Something a valid policy lets through that its author likely did not mean; `validate --strict` fails on it. */
export interface PolicyWarning {
  line: number | null;
  message: string;
}

/** What `validate` warns about in a valid policy, in the policy's order. */
export function policyWarnings(policy: Policy): PolicyWarning[] {
  return [
    ...gatesNothing(policy),
    ...skippedPeople(policy),
    ...signoffWarnings(policy),
    ...placeholderApprovers(policy),
    ...unguardedConfiguration(policy),
  ];
}

/** The organisation the ready checklists name in approvers until a team replaces it. */
export const PLACEHOLDER_ORG = 'your-org';

const isPlaceholder = (name: string) => name.toLowerCase().startsWith(`${PLACEHOLDER_ORG}/`);

/**
 * A ready checklist's placeholder team approves no one: until it is set, an exception that needs
 * its approval can never be granted. Said for each item, the emergency rule and the default.
 */
export function placeholderApprovers(policy: Policy): PolicyWarning[] {
  const warn = (where: string, names: string[] | null | undefined, line: number | null) =>
    (names ?? []).filter(isPlaceholder).map((name) => ({
      line,
      message: `${where} names ${name}, a placeholder: no one can approve until it is your team (org/team) or logins.`,
    }));
  return [
    ...warn('not-applicable.approvers', policy.notApplicable.approvers, null),
    ...warn('emergency.approvers', policy.emergency?.approvers, null),
    ...policy.items.flatMap((rule) => [
      ...warn(`${ruleName(rule)}: approvers`, rule.approvers, rule.line),
      // Approvers taken from the item's own list or the default are said there, once.
      ...(rule.notApplicable.approvers === rule.approvers ||
      rule.notApplicable.approvers === policy.notApplicable.approvers
        ? []
        : warn(`${ruleName(rule)}: not-applicable.approvers`, rule.notApplicable.approvers, rule.line)),
    ]),
  ];
}

/** ignore-authors is meant for bots: a person listed there merges without the checklist. */
function skippedPeople(policy: Policy): PolicyWarning[] {
  return policy.gate.ignoreAuthors
    .filter((login) => !/\[bot\]$/i.test(login))
    .map((login) => ({
      line: null,
      message: `gate.pull-requests.ignore-authors lists "${login}", which is not a bot (a GitHub App's login ends in [bot]): every pull request ${login} opens goes ungated.`,
    }));
}

/** A policy with no items and no sections asks for nothing in particular. */
function gatesNothing(policy: Policy): PolicyWarning[] {
  if (policy.items.length > 0 || policy.sections.length > 0) return [];
  const message =
    policy.unlisted === 'required'
      ? 'the policy names no items, so it gates nothing in particular: any description whose boxes are all ticked passes, even one with a single box. List the items a release needs under items: (checklist-gate init --from <your checklist> writes them).'
      : `the policy names no items and unlisted: ${policy.unlisted}, so it gates nothing: every description passes. List the items a release needs under items: (checklist-gate init --from <your checklist> writes them).`;
  return [{ line: null, message }];
}

/** Not an error: a team may mean anyone to tick it. But it should be a choice, not an oversight. */
function signoffWarnings(policy: Policy): PolicyWarning[] {
  return unguardedSignoffs(policy).map((rule) => ({
    line: rule.line,
    message: `${ruleName(rule)} reads like a sign-off, but names no approvers: anyone can tick it, the pull request's author too. Add approvers: [login, org/team].`,
  }));
}

/** Without policy-owners, a pull request that weakens the policy is judged only as any other. */
function unguardedConfiguration(policy: Policy): PolicyWarning[] {
  if (policy.policyOwners !== null) return [];
  return [{ line: null, message: UNGUARDED_CONFIGURATION }];
}

export const UNGUARDED_CONFIGURATION =
  "no policy-owners: nobody guards the gate's configuration, so a pull request that changes the policy or the gate's workflow is judged like any other (and is not gated at all unless it is a release pull request). Add policy-owners: [login, org/team], and CODEOWNERS on .github/.";
