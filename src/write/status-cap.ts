/** GitHub's cap of 1,000 statuses per commit and context, reached: what the gate says and does. */
import { createCheckRun } from '../github/check-runs.js';
import type { GitHubClient } from '../github/client.js';
import { STATUSES_PER_CONTEXT } from '../github/commit-status.js';
import { isForbidden, type Repository } from '../github/repository.js';
import type { PublishSettings } from './publish-settings.js';

/**
 * What to tell the user when GitHub refuses the gate's status because the commit already holds
 * the most statuses it keeps for the context: nothing can change the latest status there again.
 */
export function frozenStatusNotice(checkName: string, sha: string): string {
  return (
    `**The \`${checkName}\` status on ${sha.slice(0, 7)} can no longer be changed.** GitHub keeps at most ` +
    `${STATUSES_PER_CONTEXT.toLocaleString('en-US')} statuses per commit and context, this commit has reached that limit, ` +
    "and it refused the gate's status, so the latest status there stays whatever it says, whoever posted it. " +
    'Push a new commit: its status starts afresh. To make this impossible, require the ' +
    `\`${checkName}\` check run pinned to the gate's GitHub App (\`report-as: check-run\`): no one else can post it, and this limit does not apply to check runs.`
  );
}

/** GitHub refused a status for the limit: the error says what that means and what to do. */
export class StatusFrozen extends Error {
  constructor(checkName: string, sha: string) {
    super(frozenStatusNotice(checkName, sha).replace(/\*\*/g, ''));
    this.name = 'StatusFrozen';
  }
}

/**
 * Posts a failing check run that says the status is frozen, when the token may write checks:
 * a required check run, or anyone looking at the commit's checks, then sees the error.
 */
export async function postFrozenStatusCheck(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  settings: PublishSettings,
  markdown: string,
): Promise<boolean> {
  try {
    await createCheckRun(client, repository, {
      sha,
      name: settings.checkName,
      conclusion: 'failure',
      title: `Error: the ${settings.checkName} status on ${sha.slice(0, 7)} can no longer be changed`,
      summary: markdown,
      text: null,
      detailsUrl: settings.runUrl,
    });
    return true;
  } catch (error) {
    if (isForbidden(error)) return false;
    throw error;
  }
}
