/** The audit for a terminal and as CSV, and the line of counts every format opens with. */
import { cellsOf, HEADERS, rowOf } from './columns.js';
import type { AuditEntry } from './entry.js';
import { countsOf, type Counts } from './summary.js';

/** The counts in one line, for every format's top. */
export function countsLine(counts: Counts): string {
  return (
    `${counts.total} merged pull requests and releases: ${counts.passed} passed, ${counts.bypassed} bypassed, ` +
    `${counts.foreign} foreign, ${counts.exception} with exceptions, ${counts['policy-changed']} changed the policy`
  );
}

/** A table for a terminal: columns padded to their widest cell, the reason last and unpadded. */
export function renderTable(entries: AuditEntry[]): string {
  const rows = [[...HEADERS], ...entries.map((entry) => cellsOf(rowOf(entry)))];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return `${countsLine(countsOf(entries))}\n\n${lines.join('\n')}\n`;
}

/** Comma-separated values (RFC 4180), with a header row. */
export function renderCsv(entries: AuditEntry[]): string {
  const header = [...HEADERS, 'change url', 'verdict url'];
  const rows = entries.map((entry) => {
    const row = rowOf(entry);
    return [...cellsOf(row), row.changeUrl, row.verdictUrl ?? ''];
  });
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A cell quoted when it holds a comma, quote or line break. Text that a spreadsheet would run as
 * a formula (= + - @ at the start) gets a leading apostrophe: titles come from pull requests.
 */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One JSON array, one object per merged pull request or release. */
export function renderJson(entries: AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
