/** GFM's strikethrough, read as cmark-gfm reads its delimiters. */
import type { Segment } from './inline-text.js';

/** White space as cmark reads it around delimiters: a vertical tab is none. */
const WHITE_SPACE = /[\t\n\f\r \p{Zs}]/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

interface Delimiter {
  at: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

function kindOf(char: string | undefined): 'space' | 'punctuation' | 'other' {
  if (char === undefined || WHITE_SPACE.test(char)) return 'space';
  return PUNCTUATION.test(char) ? 'punctuation' : 'other';
}

/** Runs of one or two "~" in text, with cmark-gfm's flanking rules (as for emphasis). */
function delimiters(all: string, inText: (at: number) => boolean): Delimiter[] {
  const found: Delimiter[] = [];
  for (const match of all.matchAll(/~+/g)) {
    const at = match.index;
    const { length } = match[0];
    if (length > 2 || !inText(at)) continue;
    const before = kindOf(all[at - 1]);
    const after = kindOf(all[at + length]);
    const left = after !== 'space' && (after !== 'punctuation' || before !== 'other');
    const right = before !== 'space' && (before !== 'punctuation' || after !== 'other');
    if (left || right) found.push({ at, length, canOpen: left, canClose: right });
  }
  return found;
}

/**
 * GFM's strikethrough on the top level of a paragraph: "~x~" and "~~x~~" are drawn struck
 * through, without their tildes; a closer takes the nearest opener of its length, and openers
 * between them stay text. Returns the pieces without the paired tildes, and whether every word of
 * the text (links and separators aside) is struck through.
 */
export function strikethrough(pieces: Segment[]): { pieces: Segment[]; struck: boolean } {
  if (!pieces.some((piece) => piece.kind === 'text' && piece.text.includes('~')))
    return { pieces, struck: false };
  const all = pieces.map((piece) => piece.text).join('');
  const markup: boolean[] = [];
  for (const piece of pieces)
    for (let index = 0; index < piece.text.length; index++)
      markup.push(piece.kind === 'text' && piece.literal !== true);
  const removed = new Uint8Array(all.length);
  const struckAt = new Uint8Array(all.length);
  const openers: Delimiter[] = [];
  for (const delimiter of delimiters(all, (at) => markup[at] === true)) {
    const match = delimiter.canClose
      ? openers.findLastIndex((opener) => opener.length === delimiter.length)
      : -1;
    if (match >= 0) {
      const opener = openers[match] as Delimiter;
      openers.length = match;
      removed.fill(1, opener.at, opener.at + opener.length);
      removed.fill(1, delimiter.at, delimiter.at + delimiter.length);
      struckAt.fill(1, opener.at + opener.length, delimiter.at);
    } else if (delimiter.canOpen) openers.push(delimiter);
  }
  let words = 0;
  let unstruck = 0;
  let from = 0;
  const out: Segment[] = [];
  for (const piece of pieces) {
    let text = '';
    for (let index = from; index < from + piece.text.length; index++) {
      if (removed[index] === 1) continue;
      const char = all[index] ?? '';
      text += char;
      if (piece.kind === 'text' && /[\p{L}\p{N}]/u.test(char)) {
        words++;
        if (struckAt[index] !== 1) unstruck++;
      }
    }
    from += piece.text.length;
    out.push({ ...piece, text });
  }
  return { pieces: out, struck: words > 0 && unstruck === 0 };
}
