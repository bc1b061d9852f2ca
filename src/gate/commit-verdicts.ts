/** The verdicts of every pull request on one commit: this one's own, and the others' that share it. */
import type { GitHubClient } from '../github/client.js';
import { mergeGroupPullRequests } from '../read/merge-group.js';
import { MAX_OPEN_PAGES } from '../github/pull-request-list.js';
import type { PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { judge } from '../evaluate/judge.js';
import { loadedPolicy, outcomeOf, policyUrl, recorded, skipped, verdictOf } from './outcome.js';
import type { GateIdentity } from '../read/identity.js';
import type { GateOutcome } from './outcome.js';
import type { PolicyReader } from '../read/policy-reader.js';
import {
  readPullRequest,
  type PullRequestReading,
  type PullRequestRequest,
} from '../read/read-pull-request.js';
import type { GateSettings } from './settings.js';
import type { CommitVerdict } from './shared-commit.js';

/** Where the other pull requests on a commit are read, and with what. */
export interface OtherPullsContext {
  repository: Repository;
  defaultBranch: string;
  settings: GateSettings;
  policies: PolicyReader;
  identity: Promise<GateIdentity>;
}

/** One pull request's own verdict for its head commit, gated or not. */
export function verdictFor(
  reading: PullRequestReading,
  settings: GateSettings,
): CommitVerdict & { outcome: GateOutcome; passed: boolean } {
  const { pr } = reading;
  if (!reading.gating.gated) {
    const { description } = reading.gating;
    const outcome = skipped(description);
    return {
      number: pr.number,
      gated: false,
      passed: true,
      outcome,
      verdict: { sha: reading.statusSha, state: 'success', description, markdown: outcome.markdown },
    };
  }
  const report = recorded(
    judge(reading.doc, reading.load, settings.policyPath, reading.context, reading.facts, reading.gateChange),
    {
      repository: `${reading.repository.owner}/${reading.repository.repo}`,
      pullRequest: pr.number,
      headSha: reading.statusSha,
      baseSha: pr.baseSha,
      baseRef: pr.baseRef,
      policy: loadedPolicy(reading.load),
      policyPath: settings.policyPath,
      policyRef: pr.baseRef,
      description: pr.body,
      labels: pr.labels,
      event: settings.eventName ?? 'check',
      postedAs: reading.identity.login,
    },
  );
  const outcome = outcomeOf(report, settings.checkName, reading.load, {
    policyUrl: policyUrl(pr.htmlUrl.replace(/\/pull\/\d+$/, ''), pr.baseRef, settings.policyPath),
    runUrl: settings.runUrl,
  });
  return {
    number: pr.number,
    gated: true,
    passed: report.passed,
    outcome,
    verdict: verdictOf(report, reading.statusSha, outcome.markdown),
  };
}

/** Another pull request's verdict, read and judged as its own run would, with nothing posted. */
export async function otherVerdict(
  client: GitHubClient,
  context: OtherPullsContext,
  pull: PullRequest | number,
): Promise<CommitVerdict> {
  const listed = typeof pull === 'number' ? undefined : pull;
  const reading = await readPullRequest(
    client,
    {
      repository: context.repository,
      number: listed?.number ?? (pull as number),
      defaultBranch: context.defaultBranch,
      payloadBase: listed?.baseRef ?? null,
      payloadHeadSha: listed?.headSha ?? null,
      statusSha: null,
      edit: null,
      listed,
      verdictOnly: true,
    },
    { ...context.settings, comment: 'never' },
    context.policies,
    context.identity,
  );
  return verdictFor(reading, context.settings);
}

/**
 * The error for a commit whose other pull requests cannot all be listed: "Not gated", or one
 * pull request's success, might otherwise stand over a gated pull request's failure.
 */
export function tooManyToTell(sha: string): Error {
  return new Error(
    `cannot tell which open pull requests share the commit ${sha.slice(0, 7)}: the repository has more than ${MAX_OPEN_PAGES * 100}, and a success is posted only when every one is known`,
  );
}

/**
 * The other pull requests whose verdict counts on the commit: those GitHub associates with the
 * head, or, on a merge group's commit, every pull request queued ahead in the group.
 */
export async function commitVerdicts(
  client: GitHubClient,
  request: PullRequestRequest,
  reading: PullRequestReading,
  settings: GateSettings,
  run: { policies: PolicyReader; identity: Promise<GateIdentity> },
): Promise<CommitVerdict[]> {
  const others: (PullRequest | number)[] =
    request.statusSha === null
      ? reading.sharingHead
      : (
          await mergeGroupPullRequests(client, request.repository, reading.pr.baseRef, reading.pr.number)
        ).filter((number) => number !== reading.pr.number);
  return Promise.all(
    others.map((other) => otherVerdict(client, otherPullsContext(request, settings, run), other)),
  );
}

function otherPullsContext(
  request: PullRequestRequest,
  settings: GateSettings,
  run: { policies: PolicyReader; identity: Promise<GateIdentity> },
): OtherPullsContext {
  const { repository, defaultBranch } = request;
  return { repository, defaultBranch, settings, policies: run.policies, identity: run.identity };
}
