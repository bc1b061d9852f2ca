/** A repository's default branch. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** The repository's default branch, for events whose payload does not name it. */
export async function getDefaultBranch(client: GitHubClient, repository: Repository): Promise<string> {
  const { data } = await client.request('GET /repos/{owner}/{repo}', { ...repository });
  return data.default_branch;
}
