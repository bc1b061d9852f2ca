/** The facts a pull request's verdict was computed from, and the same facts read again now. */
import type { GitHubClient } from '../github/client.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getPullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { approversOfHead } from '../github/reviews.js';
import { evidenceDigest, factsStamp, policyBlobSha, type FactsStamp } from './facts-stamp.js';
import { evidenceNow } from './evidence-now.js';
import type { PullRequestReading } from './read-pull-request.js';

/** A reading that verified no link asked for nothing beyond the linked objects. */
const NO_EXTRA_READS = { workflows: false, closers: false };

/** The facts a reading's verdict was computed from: the pull request, its approvers, the policy and the evidence. */
export function factsOfReading(reading: PullRequestReading): FactsStamp {
  return factsStamp(reading.pr, reading.readsReviews ? (reading.facts?.signoffs.approvedBy ?? []) : null, {
    policyBlob: reading.policyBlob,
    evidence: evidenceDigest(
      reading.evidenceLinks.length > 0 ? (reading.facts?.evidence.links ?? null) : null,
    ),
  });
}

/**
 * The same facts as they are now, read afresh in one concurrent round: the pull request, the
 * policy at its base (never the run's cached copy), and, only when the verdict depended on them,
 * its approvers and the linked evidence.
 */
export async function readFactsNow(
  client: GitHubClient,
  repository: Repository,
  reading: PullRequestReading,
  policyPath: string,
): Promise<FactsStamp> {
  const { number, headSha, baseRef } = reading.pr;
  const [fresh, policy, approvers, links] = await Promise.all([
    getPullRequest(client, repository, number),
    readFileAtRef(client, repository, policyPath, baseRef),
    reading.readsReviews ? approversOfHead(client, repository, number, headSha) : Promise.resolve(null),
    evidenceNow(client, reading.evidenceLinks, reading.evidenceReads ?? NO_EXTRA_READS),
  ]);
  // A retargeted pull request changes its facts anyway: its base is part of them.
  return factsStamp(fresh, approvers, {
    policyBlob: policyBlobSha(policy),
    evidence: evidenceDigest(links),
  });
}
