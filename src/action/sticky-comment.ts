import type { GitHubClient } from '../github/client.js';
import {
  createComment,
  deleteComment,
  listComments,
  updateComment,
  type IssueComment,
} from '../github/comments.js';
import type { Repository } from '../github/repository.js';
import { truncate } from '../report/safe-text.js';

/** GitHub's limit on a comment body. */
export const COMMENT_LIMIT = 65536;

export function commentMarker(checkName: string): string {
  return `<!-- checklist-gate:${checkName} -->`;
}

const STAMP = /<!-- checklist-gate-evaluated: (\S+) -->/;

/** The gate's own comments: the marker, and written by a bot. A person pasting the marker is not mistaken for it. */
export function gateComments(comments: IssueComment[], checkName: string): IssueComment[] {
  const marker = commentMarker(checkName);
  return comments
    .filter((comment) => comment.authorIsBot && comment.body.includes(marker))
    .sort((a, b) => a.id - b.id);
}

/** When the description that a comment reports on was last edited. */
export function evaluatedAt(comment: IssueComment): string | null {
  return STAMP.exec(comment.body)?.[1] ?? null;
}

export function commentBody(checkName: string, descriptionUpdatedAt: string, markdown: string): string {
  const head = `${commentMarker(checkName)}\n<!-- checklist-gate-evaluated: ${descriptionUpdatedAt} -->\n`;
  return head + truncate(markdown, COMMENT_LIMIT - head.length);
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'none';

/**
 * Keeps one living comment: updates the oldest of the gate's comments in place, or creates one.
 * After creating, duplicates that a concurrent run may have created are removed, keeping the oldest.
 */
export async function syncComment(
  client: GitHubClient,
  repository: Repository,
  number: number,
  existing: IssueComment | null,
  body: string,
  checkName: string,
): Promise<CommentAction> {
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await updateComment(client, repository, existing.id, body);
    return 'updated';
  }
  const created = await createComment(client, repository, number, body);
  const ours = gateComments(await listComments(client, repository, number), checkName);
  const keep = ours[0];
  if (keep && keep.id !== created) {
    await updateComment(client, repository, keep.id, body);
  }
  await Promise.all(
    ours
      .filter((comment) => comment.id !== keep?.id)
      .map((comment) => deleteComment(client, repository, comment.id)),
  );
  return 'created';
}
