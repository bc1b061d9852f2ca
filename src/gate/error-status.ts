/** An evaluation that throws leaves an `error` status where one can be posted: an error never becomes success. */
import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/repository.js';
import type { GateOutcome } from './outcome.js';
import { PermissionProblems, publishVerdict, type PublishSettings } from '../write/publish.js';

/**
 * Runs an evaluation; if it throws, posts an `error` status where it can (on the commit known by
 * then, `status.sha`) before passing the error on, so that a required check never stays green.
 */
export async function withErrorStatus(
  client: GitHubClient,
  repository: Repository,
  status: { sha: string | null },
  settings: PublishSettings,
  work: () => Promise<GateOutcome>,
): Promise<GateOutcome> {
  try {
    return await work();
  } catch (error) {
    if (status.sha !== null) {
      const description = `checklist-gate could not finish: ${(error as Error).message}`;
      await publishVerdict(
        client,
        repository,
        { sha: status.sha, state: 'error', description, markdown: description },
        settings,
        new PermissionProblems(),
      ).catch(() => undefined);
    }
    throw error;
  }
}
