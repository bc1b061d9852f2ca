/** A commit status, and GitHub's limits on statuses. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

export interface CommitStatus {
  sha: string;
  state: 'success' | 'failure' | 'error';
  context: string;
  description: string;
  targetUrl: string | null;
}

/** GitHub's limit on a status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export async function createCommitStatus(
  client: GitHubClient,
  repository: Repository,
  status: CommitStatus,
): Promise<void> {
  const description =
    status.description.length > STATUS_DESCRIPTION_LIMIT
      ? `${status.description.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`
      : status.description;
  await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
    ...repository,
    sha: status.sha,
    state: status.state,
    context: status.context,
    description,
    ...(status.targetUrl !== null && { target_url: status.targetUrl }),
  });
}

/** GitHub keeps at most this many statuses per commit and context; the next one is refused. */
export const STATUSES_PER_CONTEXT = 1000;

/**
 * Whether GitHub refused a status because the commit already holds the most statuses it keeps
 * for the context: a 422 whose error says "This SHA and context has reached the maximum number
 * of statuses". No later write can change the latest status there.
 */
export function isStatusCapReached(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string };
  return status === 422 && /maximum number of statuses/i.test(String(message ?? ''));
}
