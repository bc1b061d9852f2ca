/** An organisation's repositories. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** Every repository of an organisation the token can read, 100 a page, archived ones included. */
export async function organisationRepositories(client: GitHubClient, org: string): Promise<Repository[]> {
  const repositories = await client.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 });
  return repositories.map((repository) => ({ owner: repository.owner.login, repo: repository.name }));
}
