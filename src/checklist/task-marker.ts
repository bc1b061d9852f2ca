import type { ListItem } from 'mdast';

/**
 * Whether GitHub draws a list item as a checkbox, and ticked; null for an item without one.
 *
 * This is cmark-gfm's rule, read from the source line of the list marker: only indentation before
 * the marker, then spaces or tabs, then "[ ]", "[x]" or "[X]", then a space or tab on the same line.
 * It differs from micromark's in a few corner cases, each recorded in the conformance tests: a tab
 * inside the brackets, a check followed by a line ending or only by spaces, and anything but white
 * space before the marker (a block quote's ">", or another list marker on the same line).
 */
export function githubTaskState(item: ListItem, source: string): boolean | null {
  const at = checkOffset(item, source);
  return at === null ? null : source[at + 1] !== ' ';
}

/** Where the "[" of a list item's check stands in the source, when GitHub draws a box for it. */
export function checkOffset(item: ListItem, source: string): number | null {
  const marker = item.position?.start.offset;
  if (marker === undefined || item.children[0]?.type !== 'paragraph' || !onlyIndentBefore(marker, source)) {
    return null;
  }
  let at = afterListMarker(marker, source);
  if (at === null) return null;
  const gap = at;
  while (source[at] === ' ' || source[at] === '\t') at++;
  if (at === gap || source[at] !== '[' || source[at + 2] !== ']') return null;
  const mark = source[at + 1];
  if (mark !== ' ' && mark !== 'x' && mark !== 'X') return null;
  const after = source[at + 3];
  if (after !== ' ' && after !== '\t') return null;
  return at;
}

function onlyIndentBefore(offset: number, source: string): boolean {
  for (let at = offset - 1; at >= 0; at--) {
    const char = source[at];
    if (char === '\n' || char === '\r') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** Offset just past a bullet ("-", "+", "*") or an ordered marker ("1." or "1)"). */
function afterListMarker(offset: number, source: string): number | null {
  const char = source[offset];
  if (char === '-' || char === '+' || char === '*') return offset + 1;
  let at = offset;
  while (at < source.length && at - offset < 10 && (source[at] ?? '') >= '0' && (source[at] ?? '') <= '9')
    at++;
  if (at === offset || (source[at] !== '.' && source[at] !== ')')) return null;
  return at + 1;
}

/** The check as it stands at the start of a paragraph micromark did not see as a task. */
export const LEADING_CHECK = /^\[[ xX]\]/;
