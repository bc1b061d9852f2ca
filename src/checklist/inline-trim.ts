/** A block's text trimmed as cmark-gfm trims it. */
import type { Node } from 'commonmark';
import { joinAdjacentText } from './joined-text.js';
import { noteLastClosers, type OpenerParser } from './unclosable-openers.js';

/** The parts of commonmark's inline parser a block's text is read with (commonmark 0.31.2, lib/inlines.js). */
interface InlineParser extends OpenerParser {
  delimiters: unknown;
  brackets: unknown;
  parseInline(block: Node): boolean;
  processEmphasis(bottom: null): void;
}

/** White space as cmark-gfm trims it from a block's text: ASCII only (space, tab, line endings, vertical tab, form feed). */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** The text without ASCII white space at its ends; read from the ends, as a pattern would try every space within. */
function trimAscii(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * Reads the inline content of a paragraph or heading, its text trimmed of ASCII white space only,
 * as cmark-gfm trims it. commonmark trims with JavaScript's trim(), which also takes a no-break
 * space (and other Unicode white space) off the ends: `https://x.org/a` and a no-break space at
 * the end of an item is a link that ends after that space on GitHub. Adjacent text is then joined
 * (joined-text.ts).
 */
export function parseInlines(this: InlineParser, block: Node & { _string_content: string | null }): void {
  this.subject = trimAscii(block._string_content ?? '');
  this.pos = 0;
  noteLastClosers(this);
  this.delimiters = null;
  this.brackets = null;
  while (this.parseInline(block));
  // The raw text is no longer needed, as in commonmark's own parse.
  block._string_content = null;
  this.processEmphasis(null);
  joinAdjacentText(block);
}
