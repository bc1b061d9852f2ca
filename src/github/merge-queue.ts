/** A branch's merge queue (GraphQL). */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** One pull request waiting in a branch's merge queue, and where it waits (1 merges next). */
export interface QueueEntry {
  /** Null when the token may not see the entry's pull request. */
  number: number | null;
  position: number;
}

/** How many entries are read: GraphQL's largest page. A queue longer than this is not read further. */
export const QUEUE_PAGE = 100;

/**
 * The entries of a branch's merge queue, in one GraphQL request; null when the branch has no
 * merge queue. `total` is how many entries the queue holds, which may be more than were read.
 */
export async function mergeQueueEntries(
  client: GitHubClient,
  repository: Repository,
  branch: string,
): Promise<{ entries: QueueEntry[]; total: number } | null> {
  const answer = await client.graphql<{
    repository: {
      mergeQueue: {
        entries: {
          totalCount: number;
          nodes: ({ position: number; pullRequest: { number: number } | null } | null)[] | null;
        };
      } | null;
    } | null;
  }>(
    `query ($owner: String!, $name: String!, $branch: String!) {
  repository(owner: $owner, name: $name) {
    mergeQueue(branch: $branch) {
      entries(first: ${QUEUE_PAGE}) {
        totalCount
        nodes { position pullRequest { number } }
      }
    }
  }
}`,
    { owner: repository.owner, name: repository.repo, branch },
  );
  const queue = answer.repository?.mergeQueue ?? null;
  if (queue === null) return null;
  const entries = (queue.entries.nodes ?? []).flatMap((node) =>
    node ? [{ number: node.pullRequest?.number ?? null, position: node.position }] : [],
  );
  return { entries, total: queue.entries.totalCount };
}
