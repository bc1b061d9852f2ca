/** Which pull requests are gated. */
import picomatch from 'picomatch';
import type { Policy, PullRequestSelector } from '../policy/policy.js';

/** What the gating decision reads of a pull request. */
export interface PullRequestFacts {
  baseRef: string;
  headRef: string;
  title: string;
  labels: string[];
  /** The login of who opened it; null or absent when unknown. */
  author?: string | null;
}

/** Whether a pull request is gated, and when not, the "Not gated" description that says why. */
export type Gating = { gated: true } | { gated: false; description: string };

/** A release is gated only when the policy says so. */
export const RELEASES_NOT_GATED = 'Not gated: the policy does not gate releases';

/**
 * A pull request is gated when its base branch is gated, its author is not one the policy skips,
 * and it is a release pull request: any one of gate.pull-requests holding (head branch, label,
 * title), or every pull request when that is not set.
 */
export function gatingOf(policy: Policy, pr: PullRequestFacts, defaultBranch: string): Gating {
  if (!branchGated(policy, pr.baseRef, defaultBranch)) return baseNotGated(pr.baseRef);
  const skipped = skippedAuthor(policy, pr.author ?? null);
  if (skipped !== null) return authorNotGated(skipped);
  const selector = policy.gate.pullRequests;
  if (selector === null || isReleasePullRequest(selector, pr)) return { gated: true };
  return notRelease(selector);
}

/** The base branch is gated: listed in gate.branches, or the default branch a base policy keeps gated. */
export function branchGated(policy: Policy, baseRef: string, defaultBranch: string): boolean {
  if (policy.gate.alsoDefault === true && baseRef === defaultBranch) return true;
  return picomatch(policy.gate.branches ?? [defaultBranch])(baseRef);
}

/** The entry of gate.pull-requests.ignore-authors the author is (logins compare case-insensitively), or null. */
export function skippedAuthor(policy: Policy, author: string | null): string | null {
  if (author === null) return null;
  return policy.gate.ignoreAuthors.find((login) => login.toLowerCase() === author.toLowerCase()) ?? null;
}

export function isReleasePullRequest(
  selector: PullRequestSelector,
  pr: Omit<PullRequestFacts, 'baseRef'>,
): boolean {
  if (selector.headBranches && picomatch(selector.headBranches)(pr.headRef)) return true;
  if (selector.labels) {
    const wanted = new Set(selector.labels.map((label) => label.toLowerCase()));
    if (pr.labels.some((label) => wanted.has(label.toLowerCase()))) return true;
  }
  // The policy loader has refused a title that is no valid regular expression.
  return selector.title !== null && new RegExp(selector.title).test(pr.title);
}

export function baseNotGated(baseRef: string): Gating {
  return { gated: false, description: `Not gated: the policy does not gate the base branch ${baseRef}` };
}

export function authorNotGated(login: string): Gating {
  return {
    gated: false,
    description: `Not gated: pull requests by ${login} are not gated (gate.pull-requests.ignore-authors)`,
  };
}

export function notRelease(selector: PullRequestSelector): Gating {
  return {
    gated: false,
    description: `Not gated: not a release pull request (one needs a ${describeSelector(selector)})`,
  };
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
