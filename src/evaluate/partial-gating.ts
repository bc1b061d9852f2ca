/** Gating decided offline, from the facts the CLI was given. */
import type { Policy } from '../policy/policy.js';
import {
  authorNotGated,
  baseNotGated,
  branchGated,
  isReleasePullRequest,
  notRelease,
  RELEASES_NOT_GATED,
  skippedAuthor,
  type Gating,
} from './gating.js';

/** What is known of a pull request or release offline: each fact null when it was not given. */
export interface KnownFacts {
  event: 'pull_request' | 'release';
  base: string | null;
  head: string | null;
  title: string | null;
  /** Null when no label was given. */
  labels: string[] | null;
  author: string | null;
  defaultBranch: string;
}

/**
 * The action's gating with the facts given, where a fact that is not given is taken to gate (an
 * unknown base branch is a gated one; with no head, title or label, the pull request is a release
 * pull request), and each such assumption said in a sentence. With no fact at all, that is: a
 * gated release pull request.
 */
export function gatingOfKnown(policy: Policy, known: KnownFacts): { gating: Gating; assumed: string[] } {
  if (known.event === 'release')
    return {
      gating: policy.gate.releases ? { gated: true } : { gated: false, description: RELEASES_NOT_GATED },
      assumed: [],
    };
  const assumed: string[] = [];
  const given = [known.base, known.head, known.title, known.labels, known.author].some(
    (fact) => fact !== null,
  );
  // Said only where the policy gates some pull requests and not others.
  const { gate } = policy;
  const decides = gate.branches !== null || gate.pullRequests !== null || gate.ignoreAuthors.length > 0;
  if (!given)
    return {
      gating: { gated: true },
      assumed: decides
        ? [
            'No --base, --head, --title, --label or --author was given: judged as a gated release pull request.',
          ]
        : [],
    };
  if (known.base === null) assumed.push('No --base was given: the base branch was taken to be gated.');
  else if (!branchGated(policy, known.base, known.defaultBranch))
    return { gating: baseNotGated(known.base), assumed };
  const skipped = skippedAuthor(policy, known.author);
  if (skipped !== null) return { gating: authorNotGated(skipped), assumed };
  const selector = policy.gate.pullRequests;
  if (selector === null) return { gating: { gated: true }, assumed };
  if (known.head === null && known.title === null && known.labels === null) {
    assumed.push(
      'No --head, --title or --label was given: the pull request was taken to be a release pull request.',
    );
    return { gating: { gated: true }, assumed };
  }
  const release = isReleasePullRequest(selector, {
    headRef: known.head ?? '',
    title: known.title ?? '',
    labels: known.labels ?? [],
  });
  return { gating: release ? { gated: true } : notRelease(selector), assumed };
}
