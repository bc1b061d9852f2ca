/** A commit at GitHub's cap on statuses: the run ends in error, and the comment says why. */
import { STATUSES_PER_CONTEXT } from '../github/commit-status.js';
import type { GitHubClient } from '../github/client.js';
import { listComments } from '../github/comments.js';
import { gateComments, type Stamp } from '../read/comment-stamp.js';
import type { PullRequestReading, PullRequestRequest } from '../read/read-pull-request.js';
import { writeWithPermissions } from '../write/publish.js';
import { frozenStatusNotice, postFrozenStatusCheck } from '../write/status-cap.js';
import { commentBody, syncComment } from '../write/sticky-comment.js';
import type { GateLog, GateSettings } from './settings.js';
import type { GateOutcome } from './outcome.js';

/** The run's outcome when its status was refused for the limit: an error, whatever the verdict. */
export function frozenStatusOutcome(outcome: GateOutcome, checkName: string, sha: string): GateOutcome {
  return {
    ...outcome,
    result: 'error',
    markdown: `${outcome.markdown}\n${frozenStatusNotice(checkName, sha)}\n`,
    description: `The ${checkName} status on ${sha.slice(0, 7)} can no longer be changed: the commit has GitHub's limit of ${STATUSES_PER_CONTEXT.toLocaleString('en-US')} statuses for it. Push a new commit.`,
  };
}

/**
 * GitHub refused the status because the commit holds the most statuses it keeps for the context:
 * the run fails loudly. The comment and the job summary say the status can no longer be changed
 * and what to do, a failing check run says so where checks are writable, and the job fails.
 */
export async function frozenStatus(
  client: GitHubClient,
  request: PullRequestRequest,
  reading: PullRequestReading,
  settings: GateSettings,
  log: GateLog,
  frozen: { outcome: GateOutcome; stamp: Stamp },
): Promise<GateOutcome> {
  const sha = reading.statusSha;
  const outcome = frozenStatusOutcome(frozen.outcome, settings.checkName, sha);
  log.warning(frozenStatusNotice(settings.checkName, sha).replace(/\*\*/g, ''));
  await writeWithPermissions(log, (problems) =>
    Promise.all([
      postFrozenStatusCheck(client, request.repository, sha, settings, outcome.markdown).then((posted) => {
        if (!posted) log.info('The token may not write checks: no check run says the status is frozen.');
      }),
      settings.comment === 'never'
        ? Promise.resolve()
        : problems.attempt('pull-requests: write', async () => {
            const comments = gateComments(
              await listComments(client, request.repository, reading.pr.number),
              settings.checkName,
              reading.identity,
            );
            const body = commentBody(settings.checkName, frozen.stamp, outcome.markdown);
            await syncComment(
              client,
              request.repository,
              reading.pr.number,
              comments[0] ?? null,
              body,
              { checkName: settings.checkName, identity: reading.identity },
              async (mine) => mine,
            );
          }),
    ]),
  );
  return outcome;
}
