/** The flow of a merged pull request: judged once more, and an emergency release's follow-up issue opened. */
import type { GitHubClient } from '../../github/client.js';
import { verdictFor } from '../commit-verdicts.js';
import { skipped, type GateOutcome } from '../outcome.js';
import type { GateIdentity } from '../../read/identity.js';
import { findFollowUpIssue, followUpMarker } from '../../read/follow-up-issue.js';
import type { PolicyReader } from '../../read/policy-reader.js';
import { readPullRequest } from '../../read/read-pull-request.js';
import { followUpDue, followUpIssue } from '../../report/follow-up-issue.js';
import type { GateLog, GateSettings } from '../settings.js';
import type { Target } from '../target.js';
import { openFollowUpIssue } from '../../write/follow-up-issue.js';

/**
 * A merged pull request: judged once more as it was merged, and when an approved emergency
 * release with `follow-up: issue` let it through, the issue that lists the deferred items is
 * opened, once. A re-run finds the issue by its marker and opens nothing. Nothing is posted on
 * the pull request: its verdict was settled before the merge.
 */
export async function gateMerged(
  client: GitHubClient,
  target: Extract<Target, { kind: 'merged' }>,
  settings: GateSettings,
  log: GateLog,
  run: { policies: PolicyReader; identity: Promise<GateIdentity> },
): Promise<GateOutcome> {
  const { repository, number } = target;
  const reading = await readPullRequest(
    client,
    {
      repository,
      number,
      defaultBranch: target.defaultBranch,
      payloadBase: target.payloadBase,
      payloadHeadSha: target.payloadHeadSha,
      statusSha: null,
      edit: null,
      verdictOnly: true,
    },
    { ...settings, comment: 'never' },
    run.policies,
    run.identity,
  );
  const { outcome } = verdictFor(reading, settings);
  const emergency = outcome.report === null ? null : followUpDue(outcome.report);
  if (emergency === null)
    return skipped(
      `Pull request #${number} was merged without an emergency release that asks for a follow-up issue; nothing to do.`,
    );
  const marker = followUpMarker(repository, number);
  const { pr, identity } = reading;
  const existing = await findFollowUpIssue(client, repository, {
    marker,
    author: identity.login,
    mergedAt: target.mergedAt,
  });
  const done = (verb: string, issue: { number: number; htmlUrl: string }): GateOutcome => {
    const description = `Follow-up issue #${issue.number} ${verb} for the emergency release of #${number} (${emergency.deferred.length} deferred)`;
    log.info(`${description}: ${issue.htmlUrl}`);
    return {
      result: 'pass',
      report: outcome.report,
      markdown: `### ${settings.checkName}\n\n${description}: ${issue.htmlUrl}\n`,
      missing: [],
      description,
    };
  };
  if (existing !== null) return done('already opened', existing);
  const issue = followUpIssue(
    emergency,
    { number, title: pr.title, htmlUrl: pr.htmlUrl, headSha: pr.headSha },
    marker,
  );
  return done('opened', await openFollowUpIssue(client, repository, issue));
}
