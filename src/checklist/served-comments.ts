/** What the page GitHub serves hides: HTML comments, read as a browser reads them. */
import type { Node } from 'commonmark';
import { walkTree } from './tree-walk.js';

/**
 * What the page GitHub serves hides, read as a browser reads raw HTML (the HTML standard's
 * tokenizer, in the parts that decide what is shown). Markdown text is escaped in that page and
 * holds no "<" nor ">", so only raw HTML (HTML blocks and inline HTML) opens or ends anything:
 * - a comment: "<!--" runs to the next "-->" or "--!>" in later raw HTML, or to the end of the
 *   description; "<!-->" and "<!--->" end at once. An HTML block holding "<!--" without its end
 *   ends at a blank line in Markdown, but not in the page: everything up to the end is not shown;
 * - a quoted attribute value left open ("<div title='x") takes in the page after it, up to the next
 *   quote of its kind wherever it stands (text, or markup GitHub writes): the description is
 *   refused, naming the line (ServedHtml.openQuote), as no box after it can be read for sure.
 * Tags GFM's tagfilter prints as text (`<textarea>`, `<script>`, …) are text here too.
 */
export interface ServedHtml {
  /** Nodes a comment hides. */
  hidden: Set<Node>;
  /** The raw HTML node holding a quoted attribute value left open, and the line of the quote in it (from 0). */
  openQuote: { node: Node; line: number } | null;
}

/** Tags GFM's tagfilter disarms: their "<" is written "&lt;". */
const FILTERED =
  /^<\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?:[ \t\n\v\f\r>]|\/>)/i;
const LETTER = /[A-Za-z]/;
const COMMENT_END = /--!?>/g;

type Outcome = { at: number; inComment: boolean; openQuote?: number };

/** Where a comment that starts at `at` ("<!--") ends, or -1: "<!-->" and "<!--->" end at once. */
function commentEnd(literal: string, at: number): number {
  const body = at + 4;
  if (literal[body] === '>') return body + 1;
  if (literal.startsWith('->', body)) return body + 2;
  COMMENT_END.lastIndex = body;
  const end = COMMENT_END.exec(literal);
  return end === null ? -1 : end.index + end[0].length;
}

/** Reads a tag from `at` ("<" and a letter): where it ends, or where a quoted value it leaves open starts. */
function readTag(literal: string, at: number): Outcome {
  for (let index = at + 1; index < literal.length; index++) {
    const char = literal[index];
    if (char === '>') return { at: index + 1, inComment: false };
    if (char !== '=') continue;
    let value = index + 1;
    while (' \t\n\f\r'.includes(literal[value] ?? 'x')) value++;
    const quote = literal[value];
    if (quote !== '"' && quote !== "'") continue;
    const close = literal.indexOf(quote, value + 1);
    if (close < 0) return { at: literal.length, inComment: false, openQuote: value };
    index = close;
  }
  // A tag left open ends at the next ">" of the page, which GitHub writes before any box.
  return { at: literal.length, inComment: false };
}

/** Reads the raw HTML of one node from the state a comment left: where it leaves the page. */
function readLiteral(literal: string, inComment: boolean): { inComment: boolean; openQuote?: number } {
  let at = 0;
  if (inComment) {
    COMMENT_END.lastIndex = 0;
    const end = COMMENT_END.exec(literal);
    if (end === null) return { inComment: true };
    at = end.index + end[0].length;
  }
  for (;;) {
    const open = literal.indexOf('<', at);
    if (open < 0) return { inComment: false };
    const next = literal[open + 1] ?? '';
    if (literal.startsWith('<!--', open)) {
      const end = commentEnd(literal, open);
      if (end < 0) return { inComment: true };
      at = end;
    } else if (FILTERED.test(literal.slice(open, open + 12))) {
      at = open + 1;
    } else if (LETTER.test(next) || (next === '/' && LETTER.test(literal[open + 2] ?? ''))) {
      const tag = readTag(literal, open);
      if (tag.openQuote !== undefined) return { inComment: false, openQuote: tag.openQuote };
      at = tag.at;
    } else if (next === '!' || next === '?' || next === '/') {
      // A bogus comment or declaration: to the next ">".
      const end = literal.indexOf('>', open);
      at = end < 0 ? literal.length : end + 1;
    } else at = open + 1;
  }
}

/** Walks the tree in document order; `markdown` lets most descriptions, which hold no "<", skip the walk. */
export function servedHtml(tree: Node, markdown: string): ServedHtml {
  const hidden = new Set<Node>();
  if (!markdown.includes('<')) return { hidden, openQuote: null };
  let inComment = false;
  let openQuote: ServedHtml['openQuote'] = null;
  walkTree(tree, (node, entering) => {
    if (!entering) return true;
    if (inComment) hidden.add(node);
    if (node.type !== 'html_block' && node.type !== 'html_inline') return true;
    const literal = node.literal ?? '';
    const read = readLiteral(literal, inComment);
    inComment = read.inComment;
    if (read.openQuote === undefined) return true;
    openQuote = { node, line: literal.slice(0, read.openQuote).split('\n').length - 1 };
    return false;
  });
  return { hidden, openQuote };
}
