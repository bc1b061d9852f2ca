/** The facts a release's verdict was computed from, and the same facts read again now. */
import { createHash } from 'node:crypto';
import type { GitHubClient } from '../github/client.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getRelease, type Release } from '../github/releases.js';
import type { Repository } from '../github/repository.js';
import { evidenceDigest, policyBlobSha, type FactsStamp } from './facts-stamp.js';
import { evidenceNow } from './evidence-now.js';
import type { ReleaseReading } from './read-release.js';

/**
 * What a verdict on a release was computed from: its edit time, and a hash of its description,
 * tag, draft state, the policy file's blob SHA and what the linked evidence said.
 */
function releaseStamp(release: Release, policyBlob: string | null, evidence: string | null): FactsStamp {
  const facts = createHash('sha256')
    .update(JSON.stringify([release.body, release.tagName, release.draft, policyBlob, evidence]))
    .digest('hex')
    .slice(0, 24);
  return { evaluated: release.updatedAt, facts };
}

/** The facts a release reading's verdict was computed from. */
export function factsOfRelease(reading: ReleaseReading): FactsStamp {
  const links = reading.evidenceLinks.length > 0 ? (reading.facts?.evidence.links ?? null) : null;
  return releaseStamp(reading.release, reading.policyBlob, evidenceDigest(links));
}

/**
 * The same facts as they are now, in one concurrent round: the release, the policy on the default
 * branch (never the run's cached copy) and, when the verdict verified links, what they say now.
 */
export async function readReleaseFactsNow(
  client: GitHubClient,
  repository: Repository,
  reading: ReleaseReading,
  defaultBranch: string,
  policyPath: string,
): Promise<FactsStamp> {
  const [release, policy, links] = await Promise.all([
    getRelease(client, repository, reading.release.id),
    readFileAtRef(client, repository, policyPath, defaultBranch),
    evidenceNow(client, reading.evidenceLinks, reading.evidenceReads),
  ]);
  return releaseStamp(release, policyBlobSha(policy), evidenceDigest(links));
}
