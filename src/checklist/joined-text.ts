/** A block's adjacent text nodes joined into one, as soon as its inline content is read. */
import type { Node } from 'commonmark';
import { walkTree } from './tree-walk.js';

/** Joins `first` and the text nodes right after it into `first`. */
function joinRun(first: Node): void {
  const pieces = [first.literal ?? ''];
  for (let next = first.next; next !== null && next.type === 'text'; next = first.next) {
    pieces.push(next.literal ?? '');
    next.unlink();
  }
  first.literal = pieces.join('');
}

/**
 * commonmark adds a text node for every bracket, "!", quote or delimiter it tried and for each run
 * between them: "[x] Step verified" is four nodes, and 65,536 characters of unclosed brackets are
 * 56,000. The reader takes adjacent text as one (links are found across it, see inline-text.ts),
 * and every walk of the tree paid for each node, most of it in waiting on memory (about 100 ns a
 * node on a tree of that size). Joined once here, while the block's nodes are new, each later walk
 * meets one. The page rendered is the same (gfm-parser.test.ts).
 */
export function joinAdjacentText(block: Node): void {
  walkTree(block, (node, entering) => {
    // A container's children are joined when it is entered: the walk steps into its first child,
    // which a join keeps, and from each child to the next as it is then.
    if (!entering || !node.isContainer) return;
    for (let child = node.firstChild; child !== null; child = child.next)
      if (child.type === 'text' && child.next?.type === 'text') joinRun(child);
  });
}
