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
    ...unguardedConfiguration(policy),
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
