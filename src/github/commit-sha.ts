/** The commit a ref points at. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** The commit a ref (a tag, a branch) points at: GitHub answers with the bare SHA, not the commit and its files. */
export async function commitSha(client: GitHubClient, repository: Repository, ref: string): Promise<string> {
  const response = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', {
    ...repository,
    ref,
    mediaType: { format: 'sha' },
  });
  return String(response.data as unknown).trim();
}
