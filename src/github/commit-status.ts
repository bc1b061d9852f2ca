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
