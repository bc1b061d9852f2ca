/** Open pull requests, listed page by page, and those whose head is a given commit. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';
import { toPullRequest, type PullRequest } from './pull-requests.js';

const PAGE_SIZE = 100;

/**
 * Open pull requests, most recently updated first, page by page until `enough` (given each new
 * page) says stop; `complete` is false when pages may be left unread.
 */
export async function listOpenPullRequests(
  client: GitHubClient,
  repository: Repository,
  base: string | null,
  enough: (page: PullRequest[]) => Promise<boolean>,
): Promise<{ pulls: PullRequest[]; complete: boolean }> {
  const pulls: PullRequest[] = [];
  let complete = true;
  for await (const page of client.paginate.iterator('GET /repos/{owner}/{repo}/pulls', {
    ...repository,
    state: 'open',
    sort: 'updated',
    direction: 'desc',
    per_page: PAGE_SIZE,
    ...(base !== null && { base }),
  })) {
    const listed = page.data.map(toPullRequest);
    pulls.push(...listed);
    if (await enough(listed)) {
      complete = page.data.length < PAGE_SIZE && !page.headers.link?.includes('rel="next"');
      break;
    }
  }
  return { pulls, complete };
}

/** At most this many pages of open pull requests are read to find those whose head is a commit. */
export const MAX_OPEN_PAGES = 10;

/**
 * The open pull requests whose head is this commit, into any branch and from any fork. They are
 * found in the listing of open pull requests, whose heads it gives: GitHub's pull requests of a
 * commit (`GET /commits/{sha}/pulls`) leave out those whose head lives in a fork. One request in a
 * repository with up to 100 open pull requests; at most MAX_OPEN_PAGES, and then `complete` is
 * false when more were left unread.
 */
export async function openPullRequestsWithHead(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  listing: OpenListing = () => listEveryOpenPullRequest(client, repository),
): Promise<{ pulls: PullRequest[]; complete: boolean }> {
  const { pulls, complete } = await listing();
  return { pulls: pulls.filter((pull) => pull.headSha === sha), complete };
}

/** Every open pull request, up to MAX_OPEN_PAGES pages. */
export type OpenListing = () => Promise<{ pulls: PullRequest[]; complete: boolean }>;

function listEveryOpenPullRequest(client: GitHubClient, repository: Repository) {
  let pages = 0;
  return listOpenPullRequests(client, repository, null, async () => ++pages >= MAX_OPEN_PAGES);
}

/** The listing read once, on first use, then shared: for a sweep, whose pull requests all ask it. */
export function sharedOpenListing(client: GitHubClient, repository: Repository): OpenListing {
  let listing: ReturnType<OpenListing> | null = null;
  return () => (listing ??= listEveryOpenPullRequest(client, repository));
}
