/** The latest status and check run with one context on a commit. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** The latest status or check run with one context on a commit, and who posted it. */
export interface PostedVerdict {
  kind: 'status' | 'check run';
  /** The state of a status, or the conclusion of a check run. */
  state: string;
  description: string;
  /** A status's creator login; for a check run, its app's bot login (`<slug>[bot]`). */
  author: string;
  /** Whether the author is a bot (an app); a check run's always is. */
  authorIsBot: boolean;
}

/** The latest commit status with this context on the commit (GitHub lists them newest first), or null. */
export async function latestStatus(
  client: GitHubClient,
  repository: Repository,
  ref: string,
  context: string,
): Promise<PostedVerdict | null> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/statuses', {
    ...repository,
    ref,
    per_page: 100,
  });
  const status = data.find((candidate) => candidate.context === context);
  return status
    ? {
        kind: 'status',
        state: status.state,
        description: status.description ?? '',
        author: status.creator?.login ?? '',
        authorIsBot: status.creator?.type === 'Bot',
      }
    : null;
}

/** The latest check run with this name on the commit, or null. */
export async function latestCheckRun(
  client: GitHubClient,
  repository: Repository,
  ref: string,
  name: string,
): Promise<PostedVerdict | null> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    ...repository,
    ref,
    check_name: name,
    filter: 'latest',
    per_page: 100,
  });
  const run = [...data.check_runs].sort((a, b) => Number(b.id) - Number(a.id))[0];
  return run
    ? {
        kind: 'check run',
        state: run.conclusion ?? run.status,
        description: run.output?.title ?? '',
        author: run.app?.slug ? `${run.app.slug}[bot]` : '',
        authorIsBot: true,
      }
    : null;
}
