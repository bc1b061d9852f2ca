/** A GFM table's delimiter row: cells of "-" with optional ":" either side, split by "|" (one at least). */
/** A line that can be a table's delimiter row (given a header row of as many cells). */
export const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Cells of a table row, as GFM splits them: at each "|" not escaped, leading and trailing ones aside. */
export function cellCount(row: string): number {
  const trimmed = row.trim();
  let count = 1;
  for (let at = 0; at < trimmed.length; at++) {
    if (trimmed[at] === '\\') at++;
    else if (trimmed[at] === '|') count++;
  }
  if (trimmed.startsWith('|')) count--;
  // A lone "|" is both the leading and the trailing one: no cell.
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) count--;
  return count;
}

/**
 * The line (0-based, of `lines`) at which cmark-gfm turns a paragraph into a table: the line before
 * a delimiter row with as many cells, not a lazy line. The paragraph's text ends before it. Null for
 * no table.
 */
export function tableStart(lines: string[], lazy: (line: string) => boolean): number | null {
  for (let at = 1; at < lines.length; at++) {
    const row = lines[at] ?? '';
    if (
      row.includes('|') &&
      DELIMITER_ROW.test(row) &&
      !lazy(row) &&
      cellCount(row) === cellCount(lines[at - 1] ?? '')
    )
      return at - 1;
  }
  return null;
}
