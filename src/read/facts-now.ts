import type { GitHubClient } from '../github/client.js';
import { fetchLinkFacts } from '../github/linked-facts.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getPullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { approversOfHead } from '../github/reviews.js';
import { evidenceDigest, factsRead, gitBlobSha, type FactsRead } from './facts-stamp.js';
import type { PullRequestReading } from './read-pull-request.js';

/** The facts a reading's verdict was computed from: the pull request, its approvers, the policy and the evidence. */
export function factsOfReading(reading: PullRequestReading): FactsRead {
  return factsRead(reading.pr, reading.readsReviews ? (reading.facts?.signoffs.approvedBy ?? []) : null, {
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
): Promise<FactsRead> {
  const { number, headSha, baseRef } = reading.pr;
  const [fresh, policy, approvers, links] = await Promise.all([
    getPullRequest(client, repository, number),
    readFileAtRef(client, repository, policyPath, baseRef),
    reading.readsReviews ? approversOfHead(client, repository, number, headSha) : Promise.resolve(null),
    Promise.all(
      reading.evidenceLinks.map(
        async (link) =>
          [
            link.key,
            await fetchLinkFacts(client, link, {
              jobWorkflow: reading.evidenceReads?.workflows ?? false,
              merger: reading.evidenceReads?.closers ?? false,
            }),
          ] as const,
      ),
    ),
  ]);
  // A retargeted pull request changes its facts anyway: its base is part of them.
  return factsRead(fresh, approvers, {
    policyBlob: gitBlobSha(policy),
    evidence: evidenceDigest(links.length > 0 ? new Map(links) : null),
  });
}
