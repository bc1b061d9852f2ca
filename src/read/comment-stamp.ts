/** The gate's comment as read back: its marker, who wrote it, and the verdict stamp hidden in it. */
import type { IssueComment } from '../github/comments.js';
import { isGateAuthor, type GateIdentity } from './identity.js';

export function commentMarker(checkName: string): string {
  return `<!-- checklist-gate:${checkName} -->`;
}

/**
 * The verdict a comment carries, hidden: which edit of the pull request it judged (its time, and
 * a hash of the facts read, see facts-stamp.ts), and the status it posted.
 */
export interface Stamp {
  evaluated: string;
  facts?: string;
  state: 'success' | 'failure' | 'error';
  description: string;
}

const STAMP = /<!-- checklist-gate-verdict: (\{.*?\}) -->/;

/**
 * The gate's own comments: the marker, written by the identity the gate posts as. A person, or
 * another app that echoes the marker, is not mistaken for it.
 */
export function gateComments(
  comments: IssueComment[],
  checkName: string,
  identity: GateIdentity,
): IssueComment[] {
  const marker = commentMarker(checkName);
  return comments
    .filter(
      (comment) =>
        isGateAuthor(identity, { login: comment.authorLogin, isBot: comment.authorIsBot }) &&
        comment.body.includes(marker),
    )
    .sort((a, b) => a.id - b.id);
}

export function stampOf(comment: IssueComment): Stamp | null {
  const json = STAMP.exec(comment.body)?.[1];
  if (!json) return null;
  try {
    const stamp = JSON.parse(json) as Partial<Stamp>;
    return typeof stamp.evaluated === 'string' &&
      typeof stamp.state === 'string' &&
      typeof stamp.description === 'string'
      ? (stamp as Stamp)
      : null;
  } catch {
    return null;
  }
}
