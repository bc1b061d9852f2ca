/** Where cmark-gfm starts an HTML block, in place of commonmark's rule. */
import type { Node } from 'commonmark';
import { closeTag, openTag } from './gfm-html.js';

/**
 * Where cmark-gfm starts an HTML block, in place of commonmark's rule (CommonMark 0.31; cmark-gfm
 * follows 0.29). The differences:
 * - a line holding only a tag after a paragraph's line in a list item or block quote, not indented
 *   under it, starts a block there: cmark-gfm asks whether the innermost block the line continues
 *   is a paragraph, and on such a lazy line it is the item or quote. So `- [ ] a` / `<br>` /
 *   `- [x] b` is one box, and the lines up to a blank line are raw HTML;
 * - `<search>` does not start a block of the sixth kind, `<source>` does;
 * - `<textarea>` starts no block of the first kind, and `</textarea>` ends none;
 * - a declaration is `<!` and a capital letter (`<!doctype` starts none);
 * - white space after a tag name is ASCII only (a no-break space is none), and a tag of the
 *   seventh kind follows the grammar in gfm-html.ts.
 */

const KINDS: readonly RegExp[] = [
  /^<(?:script|pre|style)(?:[ \t\v\f>]|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t\v\f]|[/]?>|$)/i,
];
const SEVENTH = new RegExp(`^(?:${openTag(true)}|${closeTag(true)})[\\t\\f ]*$`);

/** A block of the first kind as cmark-gfm ends it: at a line holding `</script>`, `</pre>` or `</style>`. */
export const RAW_TEXT_BLOCK = 8;
const RAW_TEXT_END = /<\/(?:script|pre|style)>/i;

/** The parts of commonmark's block parser a block start uses (commonmark 0.31.2, lib/blocks.js). */
interface BlockParser {
  indented: boolean;
  currentLine: string;
  nextNonspace: number;
  offset: number;
  closeUnmatchedBlocks(): void;
  addChild(type: string, offset: number): HtmlBlock;
}

/** commonmark's HTML block node, with its kind, and for RAW_TEXT_BLOCK whether a line it took ended it. */
export type HtmlBlock = Node & { _htmlBlockType: number; ended?: boolean };

/** An HTML block start by cmark-gfm's rules: 2 (a leaf started) or 0 (none), as commonmark's block starts answer. */
export function htmlBlockStart(parser: BlockParser, container: Node): 0 | 2 {
  if (parser.indented || parser.currentLine.charCodeAt(parser.nextNonspace) !== 0x3c) return 0;
  const line = parser.currentLine.slice(parser.nextNonspace);
  let kind = KINDS.findIndex((start) => start.test(line)) + 1;
  // Looks at the innermost block the line continues, which on a lazy line is not the paragraph.
  if (kind === 0 && container.type !== 'paragraph' && SEVENTH.test(line)) kind = 7;
  if (kind === 0) return 0;
  parser.closeUnmatchedBlocks();
  // The tag is part of the block: the offset stays where it is.
  const block = parser.addChild('html_block', parser.offset);
  block._htmlBlockType = kind === 1 ? RAW_TEXT_BLOCK : kind;
  if (kind === 1) block.ended = RAW_TEXT_END.test(line);
  return 2;
}

/**
 * commonmark's continuation of an HTML block, for a block of the first kind (RAW_TEXT_BLOCK): it
 * takes the line unless a line it took ended it (1: not taken, 0: taken). The line it takes is
 * looked at now, as it is the current line; commonmark's own check would also end it at `</textarea>`.
 */
export function continueRawTextBlock(parser: { currentLine: string }, block: HtmlBlock): 0 | 1 {
  if (block.ended === true) return 1;
  // The container markers before the block's content ("> ", spaces) hold no "</".
  block.ended = RAW_TEXT_END.test(parser.currentLine);
  return 0;
}
