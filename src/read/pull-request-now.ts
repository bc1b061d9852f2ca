import type { GitHubClient } from '../github/client.js';
import { readFactsQuery, type FactsAnswer } from '../github/facts-query.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getPullRequest, type PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { policyBlobSha } from './facts-stamp.js';
import { postedVerdicts } from './posted-verdicts.js';
import type { ReadSettings } from './read-settings.js';

/** The pull request as it is now, the policy's blob at the base it was read from, and the commit's latest verdicts. */
export interface PullRequestNow {
  pr: PullRequest;
  /** The git blob SHA of the policy file at the base branch (null: none there). */
  policyBlob: string | null;
  /** Null when not asked for. */
  posted: PostedVerdict[] | null;
}

/** What was read before: the pull request and its base, the policy's blob there, the commit verdicts go on. */
export interface ReadBefore {
  pr: Pick<PullRequest, 'number' | 'baseRef'>;
  policyBlob: string | null;
  statusSha: string;
}

/**
 * Reads again, in one GraphQL request, the pull request, the policy file's blob at the base the
 * verdict was judged on, and (with `verdicts`) the latest verdicts on its commit. Each part
 * GitHub does not answer is read by REST, never guessed; the request failing reads all by REST.
 *
 * The policy's blob is taken from GraphQL only when it is the blob read before: a blob that
 * differs (a push, or a file REST reads through a symbolic link, which GraphQL names as the link
 * itself) is read by REST, so the stamp always holds what a REST read gives.
 */
export async function pullRequestNow(
  client: GitHubClient,
  repository: Repository,
  before: ReadBefore,
  settings: Pick<ReadSettings, 'policyPath' | 'checkName' | 'reportAs'>,
  verdicts: boolean,
): Promise<PullRequestNow> {
  const { number, baseRef } = before.pr;
  const asked = verdicts
    ? {
        sha: before.statusSha,
        statusContext: settings.reportAs !== 'check-run' ? settings.checkName : null,
        checkName: settings.reportAs !== 'status' ? settings.checkName : null,
      }
    : null;
  const answer: FactsAnswer | null = await readFactsQuery(client, repository, {
    number,
    policy: { ref: baseRef, path: settings.policyPath },
    verdicts: asked,
  }).catch(() => null);
  const sameBlob = answer?.policy != null && answer.policy.blob === before.policyBlob;
  const [pr, policyBlob, posted] = await Promise.all([
    answer?.pull ?? getPullRequest(client, repository, number),
    sameBlob
      ? before.policyBlob
      : readFileAtRef(client, repository, settings.policyPath, baseRef).then(policyBlobSha),
    verdicts ? postedVerdicts(client, repository, before.statusSha, settings, answer) : Promise.resolve(null),
  ]);
  return { pr, policyBlob, posted };
}
