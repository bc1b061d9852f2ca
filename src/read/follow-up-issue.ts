/** The follow-up issue of an emergency release, found again by its hidden marker. */
import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/repository.js';

const PAGE_SIZE = 100;
/** How many pages of issues updated since the merge are read before giving up. */
const MAX_PAGES = 10;

/** An issue the gate opened to follow up an emergency release. */
export interface FollowUpIssue {
  number: number;
  htmlUrl: string;
}

/** The hidden line that names the pull request a follow-up issue belongs to: how a re-run finds it. */
export function followUpMarker(repository: Repository, pullNumber: number): string {
  return `<!-- checklist-gate:follow-up ${repository.owner}/${repository.repo}#${pullNumber} -->`;
}

/**
 * The follow-up issue already opened for a pull request, if any: an issue (in any state) that the
 * gate's own login opened, whose body carries the marker. It was opened after the merge, so only
 * issues updated since then are listed. An issue someone else wrote with the marker does not count:
 * it cannot stand in for the gate's. The list API is current at once; the search API's index lags,
 * so a quick re-run could miss the issue and open a second.
 */
export async function findFollowUpIssue(
  client: GitHubClient,
  repository: Repository,
  search: { marker: string; author: string; mergedAt: string },
): Promise<FollowUpIssue | null> {
  const pages = client.paginate.iterator('GET /repos/{owner}/{repo}/issues', {
    ...repository,
    state: 'all',
    since: search.mergedAt,
    sort: 'created',
    direction: 'asc',
    per_page: PAGE_SIZE,
  });
  let read = 0;
  for await (const { data } of pages) {
    const found = data.find(
      (issue) =>
        issue.pull_request === undefined &&
        issue.user?.login === search.author &&
        (issue.body ?? '').includes(search.marker),
    );
    if (found) return { number: found.number, htmlUrl: found.html_url };
    // Unsure whether the issue exists, the gate opens none rather than risk a second one.
    if (++read >= MAX_PAGES && data.length === PAGE_SIZE)
      throw new Error(
        `more than ${MAX_PAGES * PAGE_SIZE} issues were updated since the merge, so the gate cannot tell whether it already opened the follow-up issue; it opens none`,
      );
  }
  return null;
}
