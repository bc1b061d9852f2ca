import type { GitHubClient } from '../github/client.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { fetchLinkFacts } from '../github/linked-facts.js';
import type { Repository } from '../github/repository.js';
import { approversOfHead } from '../github/reviews.js';
import { evidenceDigest, factsStamp, type FactsStamp } from './facts-stamp.js';
import { pullRequestNow } from './pull-request-now.js';
import type { PullRequestReading } from './read-pull-request.js';
import type { ReadSettings } from './read-settings.js';

/** The facts a reading's verdict was computed from: the pull request, its approvers, the policy and the evidence. */
export function factsOfReading(reading: PullRequestReading): FactsStamp {
  return factsStamp(reading.pr, reading.readsReviews ? (reading.facts?.signoffs.approvedBy ?? []) : null, {
    policyBlob: reading.policyBlob,
    evidence: evidenceDigest(
      reading.evidenceLinks.length > 0 ? (reading.facts?.evidence.links ?? null) : null,
    ),
  });
}

type FactsNowSettings = Pick<ReadSettings, 'policyPath' | 'checkName' | 'reportAs'>;

/**
 * The same facts as they are now, read afresh in one concurrent round: the pull request and the
 * policy at its base (never the run's cached copy) in one GraphQL request (pull-request-now.ts),
 * and, only when the verdict depended on them, its approvers and the linked evidence.
 */
export async function readFactsNow(
  client: GitHubClient,
  repository: Repository,
  reading: PullRequestReading,
  settings: FactsNowSettings,
): Promise<FactsStamp> {
  return (await readNow(client, repository, reading, settings, false)).facts;
}

/** The facts as they are now and, asked in the same GraphQL request, the latest verdicts on the commit. */
export async function readFactsAndVerdictsNow(
  client: GitHubClient,
  repository: Repository,
  reading: PullRequestReading,
  settings: FactsNowSettings,
): Promise<{ facts: FactsStamp; posted: PostedVerdict[] }> {
  const { facts, posted } = await readNow(client, repository, reading, settings, true);
  return { facts, posted: posted ?? [] };
}

async function readNow(
  client: GitHubClient,
  repository: Repository,
  reading: PullRequestReading,
  settings: FactsNowSettings,
  verdicts: boolean,
): Promise<{ facts: FactsStamp; posted: PostedVerdict[] | null }> {
  const { number, headSha } = reading.pr;
  const [now, approvers, links] = await Promise.all([
    pullRequestNow(client, repository, reading, settings, verdicts),
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
  const facts = factsStamp(now.pr, approvers, {
    policyBlob: now.policyBlob,
    evidence: evidenceDigest(links.length > 0 ? new Map(links) : null),
  });
  return { facts, posted: now.posted };
}
