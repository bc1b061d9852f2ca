/** Offsets at which the lines of a text start, lines ending as in CommonMark (LF, CR or CRLF). */
export function lineStarts(markdown: string): number[] {
  const starts = [0];
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at];
    if (char === '\n' || (char === '\r' && markdown[at + 1] !== '\n')) starts.push(at + 1);
  }
  return starts;
}

/** Line `number` (from 1) of a text, without its line ending; `starts` from lineStarts. */
export function lineAt(markdown: string, starts: readonly number[], number: number): string {
  const start = starts[number - 1] ?? markdown.length;
  const next = starts[number];
  let end = next === undefined ? markdown.length : next - 1;
  if (markdown[end - 1] === '\r' && markdown[end] === '\n') end--;
  return markdown.slice(start, end);
}

/** The column at which offset `at` of a line stands, tabs to the next stop of four. */
export function columnsTo(line: string, at: number): number {
  let column = 0;
  for (let index = 0; index < at; index++)
    column = line[index] === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** Columns of a line's leading spaces and tabs, tabs to the next stop of four; null for a blank line (cmark's: only spaces and tabs). */
export function indentColumns(line: string): number | null {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else return column;
  }
  return null;
}

/** A description's text with where its lines start: lines by number, and offsets of source positions. */
export class DescriptionLines {
  readonly starts: readonly number[];

  constructor(readonly markdown: string) {
    this.starts = lineStarts(markdown);
  }

  /** Line `number` (from 1), without its line ending. */
  line(number: number): string {
    return lineAt(this.markdown, this.starts, number);
  }

  /** The offset of a source position (line and column, from 1). */
  offset(position: [number, number]): number {
    return (this.starts[position[0] - 1] ?? 0) + position[1] - 1;
  }
}
