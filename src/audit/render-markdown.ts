/** The audit as a Markdown table. */
import { safeInline } from '../report/safe-text.js';
import { rowOf, HEADERS } from './columns.js';
import type { AuditEntry } from './entry.js';
import { countsLine } from './render-text.js';
import { countsOf } from './summary.js';

/** A Markdown table with links, for an issue or a job summary. */
export function renderMarkdown(entries: AuditEntry[]): string {
  const lines = [
    '## checklist-gate audit',
    '',
    countsLine(countsOf(entries)),
    '',
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => ' --- ').join('|')}|`,
  ];
  for (const entry of entries) {
    const row = rowOf(entry);
    const mark = entry.classification === 'bypassed' || entry.classification === 'foreign' ? '**' : '';
    lines.push(
      `| ${[
        cell(row.repository),
        `[${cell(row.change)}](${row.changeUrl})`,
        cell(row.at),
        cell(row.by),
        `\`${row.headSha}\``,
        row.verdictUrl ? `[${cell(row.verdict)}](${row.verdictUrl})` : cell(row.verdict),
        cell(row.postedBy),
        `${mark}${row.classification}${mark}`,
        cell(row.reason),
      ].join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Text from pull requests and statuses, kept inside its cell and inert (no mention, link or HTML). */
function cell(text: string): string {
  return safeInline(text, 500);
}
