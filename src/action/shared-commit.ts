import type { Verdict } from './publish.js';

/** One open pull request's verdict for a commit that may be the head of several. */
export interface CommitVerdict {
  number: number;
  gated: boolean;
  verdict: Verdict;
}

const RANK = { error: 3, failure: 2, success: 1 } as const;

/**
 * A status belongs to the commit, not the pull request: the verdict posted is the strictest over
 * every open pull request whose head it is. "Not gated" is the weakest of all, so it never
 * overwrites a gated pull request's verdict on the same commit.
 */
export function strictest(own: CommitVerdict, others: CommitVerdict[]): CommitVerdict {
  const rank = (entry: CommitVerdict) => RANK[entry.verdict.state] * 2 + (entry.gated ? 1 : 0);
  return others.reduce((best, other) => (rank(other) > rank(best) ? other : best), own);
}
