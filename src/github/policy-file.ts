/** A file's text at a ref, through the contents API. */
import type { GitHubClient } from './client.js';
import { isNotFound, type Repository } from './repository.js';

/** A file's text at a branch (without one, the default branch), or null when the branch has none. */
export async function readFileAtRef(
  client: GitHubClient,
  repository: Repository,
  path: string,
  ref: string | undefined,
): Promise<string | null> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repository,
      path,
      ref,
      mediaType: { format: 'raw' },
    });
    return typeof response.data === 'string' ? response.data : String(response.data);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
