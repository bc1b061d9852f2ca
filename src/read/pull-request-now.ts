import type { GitHubClient } from '../github/client.js';
import { readFactsQuery, type FactsAnswer } from '../github/facts-query.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getPullRequest, type PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { factsStamp, policyBlobSha, sameFacts } from './facts-stamp.js';
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

/** What was read before: the pull request, the policy's blob at its base, the commit verdicts go on. */
export interface ReadBefore {
  pr: PullRequest;
  policyBlob: string | null;
  statusSha: string;
}

/**
 * Reads again, in one GraphQL request, the pull request, the policy file's blob at the base the
 * verdict was judged on, and (with `verdicts`) the latest verdicts on its commit. Each part
 * GitHub does not answer is read by REST, never guessed; the request failing reads all by REST.
 *
 * The answer is taken where it confirms what was read before: the same facts of the pull request
 * (its stamp), the same policy blob. Where it differs, REST decides: a move is then certain and
 * read as REST gives it, so a stamp never depends on GraphQL wording a fact as REST does
 * (a file REST reads through a symbolic link, which GraphQL names as the link itself; a sweep's
 * pull requests, which come from a REST listing). In the typical run nothing differs and nothing
 * more is read; when the facts did move, one or two REST reads precede the evaluation again.
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
  const samePull =
    answer?.pull != null && sameFacts(factsStamp(answer.pull, null), factsStamp(before.pr, null));
  const [pr, policyBlob, posted] = await Promise.all([
    samePull && answer?.pull ? answer.pull : getPullRequest(client, repository, number),
    sameBlob
      ? before.policyBlob
      : readFileAtRef(client, repository, settings.policyPath, baseRef).then(policyBlobSha),
    verdicts ? postedVerdicts(client, repository, before.statusSha, settings, answer) : Promise.resolve(null),
  ]);
  return { pr, policyBlob, posted };
}
