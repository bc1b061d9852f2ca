/** The gate's one comment on a pull request: its body with the hidden stamp, created, updated or kept. */
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
import type { GateIdentity } from '../read/identity.js';
import { commentMarker, gateComments, type Stamp } from '../read/comment-stamp.js';

/** GitHub's limit on a comment body. */
export const COMMENT_LIMIT = 65536;

export function commentBody(checkName: string, stamp: Stamp, markdown: string): string {
  // "-" is escaped so that no "--" can end the hidden comment early.
  const json = JSON.stringify(stamp).replace(/-/g, '\\u002d');
  const head = `${commentMarker(checkName)}\n<!-- checklist-gate-verdict: ${json} -->\n`;
  return head + truncate(markdown, COMMENT_LIMIT - head.length);
}

export type CommentAction = 'created' | 'updated' | 'unchanged';

export interface CommentSync {
  action: CommentAction;
  /** The comment kept, when runs created one at the same time: the one `pick` chose. */
  kept: IssueComment | null;
}

/**
 * Keeps one living comment: updates the oldest of the gate's comments in place, or creates one.
 * After creating, it settles with runs that created one at the same time: the oldest comment is
 * kept, it shows the body `pick` chooses among them (the verdict on the newest facts), and the
 * others are removed.
 */
export async function syncComment(
  client: GitHubClient,
  repository: Repository,
  number: number,
  existing: IssueComment | null,
  body: string,
  author: { checkName: string; identity: GateIdentity },
  pick: (mine: IssueComment, rivals: IssueComment[]) => Promise<IssueComment>,
): Promise<CommentSync> {
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', kept: null };
    await updateComment(client, repository, existing.id, body);
    return { action: 'updated', kept: null };
  }
  const created = await createComment(client, repository, number, body);
  const listed = await listComments(client, repository, number);
  // The comment just created is the gate's whoever GitHub says wrote it.
  const ours = listed
    .filter(
      (comment) =>
        comment.id === created || gateComments([comment], author.checkName, author.identity).length > 0,
    )
    .sort((a, b) => a.id - b.id)
    .map((comment) => (comment.id === created ? { ...comment, body } : comment));
  const keep = ours[0];
  const mine = ours.find((comment) => comment.id === created);
  if (!keep || !mine) return { action: 'created', kept: null };
  const rivals = ours.filter((comment) => comment.id !== created);
  const winner = rivals.length === 0 ? mine : await pick(mine, rivals);
  if (winner.body !== keep.body) await updateComment(client, repository, keep.id, winner.body);
  await Promise.all(
    ours
      .filter((comment) => comment.id !== keep.id)
      .map((comment) => deleteComment(client, repository, comment.id)),
  );
  return { action: 'created', kept: winner };
}
