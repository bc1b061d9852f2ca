/** One commit, several verdicts: the strictest stands, and a merge group's result says whose it is. */
import type { Verdict } from '../write/publish.js';
import type { GateOutcome } from './outcome.js';

/** One open pull request's verdict, or a release's, for a commit that may be the head of several. */
export interface CommitVerdict {
  /** The pull request's number; null for a release. */
  number: number | null;
  /** The release's tag, when the verdict is a release's. */
  release?: string;
  gated: boolean;
  verdict: Verdict;
}

const RANK = { error: 3, failure: 2, success: 1 } as const;

/**
 * A status belongs to the commit, not the pull request: the verdict posted is the strictest over
 * every open pull request whose head it is, and the gated release whose tag points at it. "Not
 * gated" is the weakest of all, so it never overwrites a gated verdict on the same commit.
 */
export function strictest(own: CommitVerdict, others: CommitVerdict[]): CommitVerdict {
  const rank = (entry: CommitVerdict) => RANK[entry.verdict.state] * 2 + (entry.gated ? 1 : 0);
  return others.reduce((best, other) => (rank(other) > rank(best) ? other : best), own);
}

/** A merge group's job fails with the group: a workflow may require the job rather than the status. */
export function groupResult(posting: CommitVerdict): Pick<GateOutcome, 'result' | 'description'> {
  const { state, description } = posting.verdict;
  const result = state === 'error' ? 'error' : state === 'failure' ? 'fail' : 'pass';
  return { result, description: `#${posting.number}: ${description}` };
}
