/** What of a description GitHub shows in no item: hidden comments and footnote definitions. */
import type { Node } from 'commonmark';
import { footnotes, type Footnotes } from './footnotes.js';
import { enclosingBlock } from './item-paragraph.js';
import type { DescriptionLines } from './lines.js';
import { servedHtml } from './served-comments.js';
import { UnreadableDescriptionError } from './unreadable-description.js';

/**
 * What of a parsed description GitHub shows in no item: what its served HTML hides (comments) and
 * the footnote definitions it moves to the bottom. A description where that cannot be told, or
 * where a box would be drawn among the footnotes, is refused rather than guessed at.
 */
export function unshownContent(
  tree: Node,
  lines: DescriptionLines,
): { hidden: ReadonlySet<Node>; notes: Footnotes } {
  const { hidden: comments, openQuote } = servedHtml(tree, lines.markdown);
  if (openQuote !== null) {
    const line = enclosingBlock(openQuote.node).sourcepos[0][0] + openQuote.line;
    throw new UnreadableDescriptionError(
      `line ${line} of the description opens a quoted attribute value in raw HTML and never closes it; ` +
        'the page GitHub serves reads what follows, checkboxes included, as part of that value up to the next ' +
        'such quote, so checklist-gate cannot tell which boxes are shown: close the quote',
    );
  }
  const notes = footnotes(
    tree,
    lines.markdown,
    (number) => lines.line(number),
    lines.starts.length,
    comments,
  );
  if (notes.boxInNote !== null) {
    const { line, label } = notes.boxInNote;
    throw new UnreadableDescriptionError(
      `line ${line} of the description holds a checkbox inside footnote [^${label}]; GitHub shows it among ` +
        'the footnotes at the bottom, apart from the checklist, and checklist-gate reads no boxes there: ' +
        'move the item into the checklist',
    );
  }
  const hidden = notes.nodes.size === 0 ? comments : new Set([...comments, ...notes.nodes]);
  return { hidden, notes };
}
