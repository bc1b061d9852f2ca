/** A paragraph's top level read into text and links, as the checklist reads them. */
import type { Node } from 'commonmark';
import { autolinks } from './autolink.js';
import { isFootnoteReference, isReferenceLink, withoutReferences } from './footnote-references.js';
import { plainText } from './plain-text.js';

/** A piece of a paragraph's top level, as the checklist reads it. */
export interface Segment {
  kind: 'text' | 'link' | 'html';
  text: string;
  /** Text that holds no markup of its own (a code span): no "~" in it strikes anything through. */
  literal?: boolean;
}

/**
 * The character GitHub reads before a run of text, as far as links care: white space at the start
 * of a line, an emphasis delimiter after emphasis, and ")" (no white space) after anything else.
 */
function charBefore(first: Node): string {
  const previous = first.prev;
  if (previous === null || previous.type === 'softbreak' || previous.type === 'linebreak') return ' ';
  return previous.type === 'emph' || previous.type === 'strong' ? '*' : ')';
}

/**
 * A run of text split where GitHub links it, footnote references to `notes` left out of the text
 * between links (see footnote-references.ts). A link literal is read first, as cmark-gfm does: it can take a
 * "[^1]" right after it into its address.
 */
function linkedRun(text: string, into: Segment[], notes: ReadonlySet<string>, before: string): void {
  const plain = (to: number) => {
    for (const piece of withoutReferences(text.slice(from, to), notes))
      if (piece !== '') into.push({ kind: 'text', text: piece });
  };
  let from = 0;
  for (const link of autolinks(text, before)) {
    plain(link.index);
    into.push({ kind: 'link', text: text.slice(link.index, link.lastIndex) });
    from = link.lastIndex;
  }
  plain(text.length);
}

/**
 * The top level of a paragraph or heading, after `skip` characters that cmark-gfm's task-list
 * rule steps over (the check): a node only partly stepped over is dropped whole. What `hidden`
 * holds (commented out, see served-comments.ts) ends it, and so does the end of its first `lines`
 * lines (where cmark-gfm starts a table, see table-rows.ts). `notes`: labels of the footnotes defined.
 */
export function segments(
  block: Node,
  skip: number,
  hidden: ReadonlySet<Node>,
  lines = Infinity,
  notes: ReadonlySet<string> = new Set(),
): Segment[] {
  const found: Segment[] = [];
  let node = block.firstChild;
  let left = skip;
  let breaks = 0;
  while (node !== null && !hidden.has(node) && lines > 0) {
    if ((node.type === 'softbreak' || node.type === 'linebreak') && ++breaks >= lines) break;
    if (node.type === 'text') {
      // A run of text is one node: the parser joins adjacent text (joined-text.ts).
      const text = node.literal ?? '';
      const taken = Math.min(left, text.length);
      left -= taken;
      linkedRun(text.slice(taken), found, notes, taken > 0 ? (text[taken - 1] ?? ' ') : charBefore(node));
      node = node.next;
      continue;
    }
    if (left > 0) {
      left = 0;
    } else if (isReferenceLink(node, notes)) {
      // A footnote reference: a superscript number on GitHub, no word of the text.
      if (!isFootnoteReference(node)) found.push({ kind: 'text', text: `[${plainText(node)}]` });
    } else if (node.type === 'link') {
      found.push({ kind: 'link', text: plainText(node) });
    } else if (node.type === 'html_inline') {
      found.push({ kind: 'html', text: '' });
    } else if (node.type === 'code') {
      found.push({ kind: 'text', text: plainText(node), literal: true });
    } else {
      found.push({ kind: 'text', text: plainText(node) });
    }
    node = node.next;
  }
  return found;
}

/** No nodes: shared, as most items skip none (read only). */
export const NO_NODES: ReadonlySet<Node> = new Set();

/** Nodes that stand for no links of their own: the check stepped over (see segments). At most one. */
export function skippedNodes(block: Node, skip: number): ReadonlySet<Node> {
  let left = skip;
  for (let node = block.firstChild; node !== null && left > 0; node = node.next) {
    if (node.type !== 'text') return new Set([node]);
    left -= (node.literal ?? '').length;
  }
  return NO_NODES;
}

/**
 * A link's address with the percent-encoding commonmark adds taken off again ("<run-id>", not
 * "%3Crun-id%3E"), so that reports show it as written; left encoded when it does not decode.
 */
function asWritten(url: string): string {
  if (!url.includes('%')) return url;
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * URLs of links inside `node`, in order, GFM's autolink literals included; none from code or what
 * `leaveOut` names, and none from footnote references to `notes`: the note is not in the item.
 */
export function collectLinks(
  node: Node,
  into: string[],
  leaveOut: (node: Node) => boolean,
  hidden: ReadonlySet<Node>,
  notes: ReadonlySet<string> = new Set(),
  lines = Infinity,
): void {
  let child = node.firstChild;
  // `lines`: only from the node's first lines, counted by its own line breaks.
  let breaks = 0;
  while (child !== null) {
    if ((child.type === 'softbreak' || child.type === 'linebreak') && ++breaks >= lines) break;
    if (hidden.has(child) || leaveOut(child)) {
      child = child.next;
      continue;
    }
    if (child.type === 'text') {
      const text = child.literal ?? '';
      const found = autolinks(text, charBefore(child));
      for (const link of found) into.push(link.url);
      child = child.next;
      // A link literal runs on to white space in what GitHub reads: a link written right after it is part of its address.
      if (found.at(-1)?.lastIndex === text.length && child?.type === 'link') child = child.next;
      continue;
    }
    if (child.type === 'link' || child.type === 'image') {
      if (child.type === 'link' && child.destination !== null && !isReferenceLink(child, notes))
        into.push(asWritten(child.destination));
    } else if (child.firstChild !== null) collectLinks(child, into, leaveOut, hidden, notes);
    child = child.next;
  }
}
