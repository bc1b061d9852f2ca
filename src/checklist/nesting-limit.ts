/** The nesting refusal: a description nested deeper than GitHub draws boxes is refused, not guessed at. */
import { UnreadableDescriptionError } from './unreadable-description.js';

/** Most block quote and list markers one line may nest; GitHub draws no checkbox on such a line. */
const MAX_MARKERS_ON_A_LINE = 100;
/**
 * Deepest list nesting read, in levels. Each level indents an item by two columns or more, so a list
 * marker at column 200 or later may be nested deeper; commonmark scans a line's indentation again
 * for each list around it, so deeper nesting costs time out of all proportion.
 */
const MAX_LIST_LEVELS = 100;
const MAX_MARKER_COLUMN = 2 * MAX_LIST_LEVELS;

/**
 * Refuses lines that open more than MAX_MARKERS_ON_A_LINE quotes or lists, or whose list marker
 * stands at MAX_MARKER_COLUMN or later: they cost the parser time and stack out of all proportion.
 */
export function refuseDeepNesting(markdown: string): void {
  let line = 1;
  let markers = 0;
  let column = 0;
  let counting = true;
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at] ?? '';
    if (char === '\n') {
      line++;
      markers = 0;
      column = 0;
      counting = true;
      continue;
    }
    if (!counting) continue;
    if (char === ' ' || char === '\t') {
      column = char === '\t' ? column + 4 - (column % 4) : column + 1;
      continue;
    }
    const next = markdown[at + 1] ?? ' ';
    let list = false;
    if (char === '>') markers++;
    else if ('-*+'.includes(char) && (next === ' ' || next === '\t')) {
      markers++;
      list = true;
    } else if (char >= '0' && char <= '9') {
      let end = at;
      while ((markdown[end] ?? '') >= '0' && (markdown[end] ?? '') <= '9') end++;
      if ((markdown[end] === '.' || markdown[end] === ')') && (markdown[end + 1] ?? ' ').trim() === '') {
        markers++;
        list = true;
        column += end - at;
        at = end;
      } else counting = false;
    } else counting = false;
    if (markers > MAX_MARKERS_ON_A_LINE) {
      throw new UnreadableDescriptionError(
        `line ${line} of the description nests more than ${MAX_MARKERS_ON_A_LINE} block quotes or list markers; ` +
          'checklist-gate reads at most that many, and GitHub draws no checkbox on such a line',
      );
    }
    if (list && column >= MAX_MARKER_COLUMN) {
      throw new UnreadableDescriptionError(
        `line ${line} of the description has a list marker at column ${column + 1}; ` +
          `checklist-gate reads list markers up to column ${MAX_MARKER_COLUMN} (lists nested up to ${MAX_LIST_LEVELS} levels deep), as deeper ones cost the parser time out of all proportion`,
      );
    }
    column++;
  }
}
