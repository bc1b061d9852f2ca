/** A pull request's reviews: who approves its head commit. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** Logins (lower case) whose latest decisive review approves the pull request at its current head commit. */
export async function approversOfHead(
  client: GitHubClient,
  repository: Repository,
  number: number,
  headSha: string,
): Promise<string[]> {
  const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repository,
    pull_number: number,
    per_page: 100,
  });
  // A later "changes requested" or dismissal replaces an approval; comments do not.
  const latest = new Map<string, { state: string; commit: string | null }>();
  for (const review of reviews) {
    const login = review.user?.login?.toLowerCase();
    if (!login || review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(login, { state: review.state, commit: review.commit_id ?? null });
  }
  return [...latest]
    .filter(([, review]) => review.state === 'APPROVED' && review.commit === headSha)
    .map(([login]) => login);
}
