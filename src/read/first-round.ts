import type { GitHubClient } from '../github/client.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import type { PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { readRunOverview, type CommitAsked } from '../github/run-overview.js';
import { identityFrom, type GateIdentity } from './identity.js';
import type { ReadSettings } from './read-settings.js';

/** What the first read round's GraphQL request said about the commit; a null part is read by REST. */
export interface CommitOverview {
  /** Every open pull request (one page held them all), or null. */
  openPulls: PullRequest[] | null;
  /** The latest status and check run with the gate's context: undefined for none, null when unread. */
  status: PostedVerdict | undefined | null;
  checkRun: PostedVerdict | undefined | null;
}

/**
 * The overview of a commit, given once: to the first read of the run, for the commit it was asked
 * about. A run that evaluates again, or reads another commit, reads afresh by REST (null).
 */
export type CommitOverviewOnce = (sha: string) => Promise<CommitOverview | null>;

/**
 * The pull request the event names, as the first round's GraphQL request gave it, given once:
 * null when it did not (then it is read by REST), and for a run that evaluates again.
 */
export type PullRequestOnce = (number: number) => Promise<PullRequest | null>;

/**
 * The first read round's GraphQL request: whom the token acts as and the newest releases, the
 * pull request the event names, and, for its commit, the open pull requests and latest verdicts,
 * which then cost no REST request of their own. If the request fails the identity is asked alone
 * (identityFrom), and the pull request and the commit are read by REST.
 */
export function firstRound(
  client: GitHubClient,
  repository: Repository | undefined,
  commit: CommitAsked | null,
  pullNumber: number | null = null,
): { identity: Promise<GateIdentity>; commit: CommitOverviewOnce; pull: PullRequestOnce } {
  const overview = repository
    ? readRunOverview(client, repository, commit, pullNumber).catch(() => null)
    : Promise.resolve(null);
  const identity: Promise<GateIdentity> = identityFrom(client, overview);
  let given = false;
  let pullGiven = false;
  return {
    identity,
    commit: async (sha) => {
      if (given || commit === null || sha !== commit.sha) return null;
      given = true;
      const answer = await overview;
      return answer && { openPulls: answer.openPulls, status: answer.status, checkRun: answer.checkRun };
    },
    pull: async (number) => {
      if (pullGiven || number !== pullNumber) return null;
      pullGiven = true;
      return (await overview)?.pull ?? null;
    },
  };
}

/**
 * What to ask about a pull request event's commit: its open pull requests (not for a merge
 * group's commit, which is no pull request's head) and the verdicts the gate reports as.
 */
export function commitAsked(
  request: { statusSha: string | null; payloadHeadSha: string | null },
  settings: Pick<ReadSettings, 'checkName' | 'reportAs'>,
): CommitAsked | null {
  const sha = request.statusSha ?? request.payloadHeadSha;
  if (sha === null) return null;
  return {
    sha,
    openPulls: request.statusSha === null,
    statusContext: settings.reportAs !== 'check-run' ? settings.checkName : null,
    checkName: settings.reportAs !== 'status' ? settings.checkName : null,
  };
}
