/** The pull requests a merge group's commit holds, read from the branch's merge queue. */
import type { GitHubClient } from '../github/client.js';
import { mergeQueueEntries, QUEUE_PAGE, type QueueEntry } from '../github/merge-queue.js';
import type { Repository } from '../github/repository.js';

/**
 * The pull requests a merge group's commit holds, from the branch's merge queue: the one the
 * group is named after and every one queued ahead of it, since each group is built on the branch
 * plus the entries ahead. Throws when they cannot all be named, so that the group gets an error,
 * never a verdict on part of it.
 */
export async function mergeGroupPullRequests(
  client: GitHubClient,
  repository: Repository,
  branch: string,
  number: number,
): Promise<number[]> {
  const queue = await mergeQueueEntries(client, repository, branch);
  if (queue === null)
    throw new Error(
      `cannot find the pull requests in merge group #${number}: the branch ${branch} has no merge queue`,
    );
  return groupAhead(queue.entries, queue.total, number, branch);
}

/** The pure step: the entries up to the named one, each named, or an error that says why not. */
export function groupAhead(entries: QueueEntry[], total: number, number: number, branch: string): number[] {
  const unknown = `cannot find every pull request in merge group #${number}`;
  // Entries come in no promised order: only the whole queue shows every entry ahead.
  if (total > entries.length)
    throw new Error(
      `${unknown}: the merge queue of ${branch} holds ${total} entries and only ${QUEUE_PAGE} are read`,
    );
  const own = entries.find((entry) => entry.number === number);
  if (!own) throw new Error(`${unknown}: #${number} is no longer in the merge queue of ${branch}`);
  const ahead = entries.filter((entry) => entry.position <= own.position);
  const named = ahead.flatMap((entry) => (entry.number === null ? [] : [entry.number]));
  if (named.length < ahead.length)
    throw new Error(`${unknown}: the token cannot see every pull request queued ahead of it`);
  return named;
}
