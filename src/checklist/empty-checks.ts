/** Items holding only their check: the text rewritten so that commonmark reads them as cmark-gfm does. */
import { columnsTo, indentColumns } from './lines.js';
import { CHECK_LENGTH } from './task-marker.js';

/**
 * Items holding only their check ("- [x] " and nothing after it). cmark-gfm steps over the check
 * and is left with an item that starts blank: it takes no lazy line, and ends at a blank line.
 * commonmark reads the same structure when the check is written over (spaces, or a thematic break
 * "___" where spaces would not do), so such checks are rewritten in the text it parses; lines and
 * lengths stay the same.
 */

/** What to write over an item's check before commonmark reads it. */
export interface Rewrite {
  at: number;
  text: string;
  /**
   * The item comes before a blank line but could not be blanked: commonmark keeps lines after
   * the blank line in it that GitHub shows outside it. Boxes there are read open, never ticked.
   */
  openAfter: boolean;
}

/** What is written over a check: spaces, or a thematic break, as long as the check. */
const SPACES = ' '.repeat(CHECK_LENGTH);
const BREAK = '_'.repeat(CHECK_LENGTH);

/**
 * The rewrite of a check at offset `at`. Before a blank line, spaces: a blank item ends there, as
 * cmark-gfm's does. Otherwise, or where a blank item would not be an item (`canBlank` false: it
 * cannot interrupt a paragraph), a thematic break: an item that holds a leaf takes no lazy line.
 */
export function rewriteOfCheck(at: number, beforeBlankLine: boolean, canBlank: boolean): Rewrite {
  const blank = beforeBlankLine && canBlank;
  return {
    at,
    text: blank ? SPACES : BREAK,
    openAfter: beforeBlankLine && !blank,
  };
}

/**
 * Whether an item holding only its check comes before a blank line that ends it (or no line): in
 * cmark a blank line as wide as the item's content column continues the item, where commonmark
 * ends a blank item at any blank line; the item then takes a thematic break, which keeps it open.
 */
export function beforeEndingBlankLine(nextLine: string | null, contentColumn: number): boolean {
  if (nextLine === null) return true;
  return indentColumns(nextLine) === null && columnsTo(nextLine, nextLine.length) < contentColumn;
}

export function sameRewrites(a: ReadonlyMap<number, Rewrite>, b: ReadonlyMap<number, Rewrite>): boolean {
  if (a.size !== b.size) return false;
  for (const [line, rewrite] of a) {
    const other = b.get(line);
    if (other?.text !== rewrite.text || other.openAfter !== rewrite.openAfter || other.at !== rewrite.at)
      return false;
  }
  return true;
}

/** The text commonmark parses: the description with each rewrite written over its check. */
export function rewrittenText(markdown: string, rewrites: ReadonlyMap<number, Rewrite>): string {
  if (rewrites.size === 0) return markdown;
  // One pass in offset order: splicing each rewrite into the whole text would copy it per rewrite.
  const sorted = [...rewrites.values()].sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let from = 0;
  for (const { at, text } of sorted) {
    pieces.push(markdown.slice(from, at), text);
    from = at + text.length;
  }
  pieces.push(markdown.slice(from));
  return pieces.join('');
}
