/**
 * cmark-gfm's task-list rule (its tasklist extension), applied to the whole source line of a list
 * item: white space, one list marker, white space, then "[ ]", "[x]" or "[X]", then white space
 * on the same line. White space here is cmark-gfm's: space, tab, vertical tab or form feed; so
 * "[ ]" followed by "\v" is a box. Anything else before the marker on the line (a block quote's
 * ">", a second list marker) means no box.
 */
const TASK_LINE = /^[ \t\v\f]*(?:[-+*]|\d{1,9}[.)])([ \t\v\f]+)\[([ xX])\][ \t\v\f]/;

/** A line cmark-gfm reads as a task line; GitHub draws its box ticked when it holds "[x]" or "[X]" anywhere. */
export interface TaskLine {
  /** Whether the check itself is ticked. */
  ticked: boolean;
  /** Whether cmark-gfm would draw it ticked: "[x]" anywhere on the line ticks it ("- [ ] a [x]"). */
  drawnTicked: boolean;
}

export function readTaskLine(line: string): TaskLine | null {
  const match = TASK_LINE.exec(line);
  if (!match) return null;
  return {
    ticked: match[2] !== ' ',
    drawnTicked: line.includes('[x]') || line.includes('[X]'),
  };
}

/** The three characters cmark-gfm skips after an item's content start when it reads a check. */
export const CHECK_LENGTH = 3;

/**
 * Columns of white space between the end of a list marker at `from` and the first other character,
 * tabs to the next stop of four: an item's content starts there when they are at most four, and
 * more make indented code (then cmark-gfm reads no check).
 */
export function gapColumns(line: string, from: number): { columns: number; contentAt: number } {
  let column = 0;
  for (let at = 0; at < from; at++) column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
  const start = column;
  let at = from;
  while (line[at] === ' ' || line[at] === '\t') {
    column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
    at++;
  }
  return { columns: column - start, contentAt: at };
}

/** Offset just past the list marker that starts `line` after its indentation, or null. */
export function afterListMarker(line: string): number | null {
  let at = 0;
  while (line[at] === ' ' || line[at] === '\t') at++;
  const char = line[at];
  if (char === '-' || char === '+' || char === '*') return at + 1;
  const start = at;
  while (at - start < 10 && (line[at] ?? '') >= '0' && (line[at] ?? '') <= '9') at++;
  if (at === start || (line[at] !== '.' && line[at] !== ')')) return null;
  return at + 1;
}
