/** The facts stamp: what a verdict was computed from, as a short hash the comment records. */
import { createHash } from 'node:crypto';
import type { PullRequest } from '../github/pull-requests.js';

/**
 * What a verdict on a pull request was computed from, as the comment's hidden stamp records it:
 * the edit time, and a hash of the description, labels, head commit, approvers, the policy and the
 * linked evidence, so that two edits in the same second, a label, a review, a push of the policy
 * or a re-run of linked evidence are told apart even when the pull request's time is not.
 */
export interface FactsRead {
  evaluated: string;
  facts: string;
}

/** What a verdict depends on besides the pull request itself. */
export interface OutsideFacts {
  /** The git blob SHA of the policy file at the base branch (null: there is none). */
  policyBlob: string | null;
  /** A digest of what the linked evidence said (null: the policy verified none). */
  evidence: string | null;
}

export function factsRead(
  pr: PullRequest,
  approvers: string[] | null,
  outside: OutsideFacts = { policyBlob: null, evidence: null },
): FactsRead {
  const hash = createHash('sha256')
    .update(
      // The title and base decide whether the pull request is gated at all.
      JSON.stringify([
        pr.headSha,
        [...pr.labels].sort(),
        approvers ? [...approvers].sort() : null,
        pr.body,
        pr.title,
        pr.baseRef,
        outside.policyBlob,
        outside.evidence,
      ]),
    )
    .digest('hex')
    .slice(0, 24);
  return { evaluated: pr.updatedAt, facts: hash };
}

/** The SHA git gives a file with this text: the policy's blob SHA, computed from what was read. */
export function gitBlobSha(text: string | null): string | null {
  if (text === null) return null;
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A digest of what each linked piece of evidence said, in a stable order. */
export function evidenceDigest(links: ReadonlyMap<string, unknown> | null): string | null {
  if (links === null || links.size === 0) return null;
  const entries = [...links].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 24);
}

export function sameFacts(a: FactsRead, b: FactsRead): boolean {
  return a.evaluated === b.evaluated && a.facts === b.facts;
}
