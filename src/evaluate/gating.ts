import picomatch from 'picomatch';
import type { Policy, PullRequestSelector } from '../policy/policy.js';

/** What the gating decision reads of a pull request. */
export interface PullRequestFacts {
  baseRef: string;
  headRef: string;
  title: string;
  labels: string[];
}

/** Whether a pull request is gated, and when not, the "Not gated" description that says why. */
export type Gating = { gated: true } | { gated: false; description: string };

/**
 * A pull request is gated when its base branch is gated and it is a release pull request: any one
 * of gate.pull-requests holding (head branch, label, title), or every pull request when that is not set.
 */
export function gatingOf(policy: Policy, pr: PullRequestFacts, defaultBranch: string): Gating {
  if (!branchGated(policy, pr.baseRef, defaultBranch))
    return { gated: false, description: `Not gated: the policy does not gate the base branch ${pr.baseRef}` };
  const selector = policy.gate.pullRequests;
  if (selector === null || isReleasePullRequest(selector, pr)) return { gated: true };
  return {
    gated: false,
    description: `Not gated: not a release pull request (one needs a ${describeSelector(selector)})`,
  };
}

/** The base branch is gated: listed in gate.branches, or the default branch a base policy keeps gated. */
function branchGated(policy: Policy, baseRef: string, defaultBranch: string): boolean {
  if (policy.gate.alsoDefault === true && baseRef === defaultBranch) return true;
  return picomatch(policy.gate.branches ?? [defaultBranch])(baseRef);
}

export function isReleasePullRequest(selector: PullRequestSelector, pr: PullRequestFacts): boolean {
  if (selector.headBranches && picomatch(selector.headBranches)(pr.headRef)) return true;
  if (selector.labels) {
    const wanted = new Set(selector.labels.map((label) => label.toLowerCase()));
    if (pr.labels.some((label) => wanted.has(label.toLowerCase()))) return true;
  }
  // The policy loader has refused a title that is no valid regular expression.
  return selector.title !== null && new RegExp(selector.title).test(pr.title);
}

/** What makes a release pull request, short enough for a status description. */
export function describeSelector(selector: PullRequestSelector): string {
  const parts = [
    ...(selector.headBranches ? [`head branch ${selector.headBranches.join(', ')}`] : []),
    ...(selector.labels ? [`label ${selector.labels.join(', ')}`] : []),
    ...(selector.title !== null ? [`title matching ${selector.title}`] : []),
  ];
  const last = parts.pop() ?? '';
  return parts.length > 0 ? `${parts.join(', ')} or ${last}` : last;
}
