/** A link reference definition after an item's check: read as cmark-gfm reads it. */
import type { Node } from 'commonmark';
import { walkTree } from './tree-walk.js';

/** The parts of commonmark's parser a link reference definition is read with (commonmark 0.31.2). */
interface DefiningParser {
  refmap: Record<string, unknown>;
  inlineParser: { parseReference(text: string, refmap: Record<string, unknown>): number };
}

type Paragraph = Node & { _string_content: string | null };

const CHECK_THEN_SPACE = /^\[[ xX]\][ \t\v\f]/;

/** Whether a paragraph starts an item on the item's own line, which nothing but white space precedes: cmark-gfm reads a check there. */
function startsTaskLine(paragraph: Node): boolean {
  const item = paragraph.parent;
  if (item?.type !== 'item' || item.firstChild !== paragraph) return false;
  const line = item.sourcepos[0][0];
  if (paragraph.sourcepos[0][0] !== line) return false;
  for (let outer = item.parent; outer !== null; outer = outer.parent) {
    if (outer.type === 'block_quote') return false;
    if (outer.type === 'item' && outer.sourcepos[0][0] === line) return false;
  }
  return true;
}

/** Reads the link reference definitions at the start of `text` into the parser's map; the first of a label stands. */
function define(parser: DefiningParser, text: string): void {
  let rest = text;
  while (rest.startsWith('[')) {
    const read = parser.inlineParser.parseReference(rest, parser.refmap);
    if (read === 0) return;
    rest = rest.slice(read);
  }
}

/**
 * The definitions right after a check ("- [x] [ci]: https://…") define their labels on GitHub,
 * as cmark-gfm takes the check off first: "[ci]" elsewhere is a link to that address. Before
 * commonmark reads the definitions at the start of paragraphs (when the document ends), this
 * reads them in document order together with those after a check, so that the first of each
 * label stands, as in cmark-gfm; commonmark's own parse then adds none.
 */
export function defineAfterChecks(parser: DefiningParser, document: Node): void {
  const paragraphs: Paragraph[] = [];
  let afterCheck = false;
  walkTree(document, (each, entering) => {
    const node = each as Paragraph;
    if (!entering || node.type !== 'paragraph') return;
    paragraphs.push(node);
    const text = node._string_content ?? '';
    afterCheck ||=
      CHECK_THEN_SPACE.test(text) && text.slice(3).trimStart().startsWith('[') && startsTaskLine(node);
  });
  // Most descriptions have none: commonmark's own parse is then the same.
  if (!afterCheck) return;
  for (const paragraph of paragraphs) {
    const text = paragraph._string_content ?? '';
    if (CHECK_THEN_SPACE.test(text) && startsTaskLine(paragraph))
      define(parser, text.slice(3).replace(/^[ \t]+/, ''));
    else define(parser, text);
  }
}
