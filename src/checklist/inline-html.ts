/** Inline raw HTML read as cmark-gfm reads it. */
import { Node } from 'commonmark';
import { INLINE_HTML } from './gfm-html.js';

/** The parts of commonmark's inline parser raw HTML is read with (commonmark 0.31.2, lib/inlines.js). */
interface InlineParser {
  subject: string;
  pos: number;
  /** Added here: the searches of this parser's description (one parser per parse, see gfmParser). */
  htmlEnds?: NextEnds;
}

/** Where each end a tag needs was last found: a failed search is not repeated for each later "<". */
class NextEnds {
  /** The block whose text was searched: compared by identity, as comparing its text costs its length. */
  private block: Node | null = null;
  private readonly found = new Map<string, number>();

  /** Whether `end` occurs in `subject`, the text of `block`, at `from` or later. */
  occursFrom(block: Node, subject: string, end: string, from: number): boolean {
    if (block !== this.block) {
      this.block = block;
      this.found.clear();
    }
    let at = this.found.get(end);
    if (at === undefined || (at !== -1 && at < from)) {
      at = subject.indexOf(end, from);
      this.found.set(end, at);
    }
    return at !== -1;
  }
}

/**
 * Reads raw inline HTML at "<" by cmark-gfm's grammar (gfm-html.ts) in place of commonmark's:
 * "<!-->" or "<!doctype html>" in a paragraph is text on GitHub, so it neither opens nor ends a
 * comment in the page served. Answers as commonmark's own parseHtmlTag does.
 */
export function parseInlineHtml(this: InlineParser, block: Node): boolean {
  const { subject, pos } = this;
  // Kept on the parser, not in this module: a module-wide one kept the last description's tree alive.
  const ends = (this.htmlEnds ??= new NextEnds());
  // Every tag ends in ">"; these two need their own end, which a long run of openers may lack.
  if (!ends.occursFrom(block, subject, '>', pos)) return false;
  if (subject.startsWith('<?', pos) && !ends.occursFrom(block, subject, '?>', pos)) return false;
  if (subject.startsWith('<![CDATA[', pos) && !ends.occursFrom(block, subject, ']]>', pos)) return false;
  INLINE_HTML.lastIndex = pos;
  const match = INLINE_HTML.exec(subject);
  if (match === null) return false;
  const node = new Node('html_inline');
  node.literal = match[0];
  block.appendChild(node);
  this.pos = pos + match[0].length;
  return true;
}
