/** The job summary's folded copy of the report and its record. */
import { fitReport } from './fit-report.js';
import type { Report } from '../evaluate/report.js';

/**
 * The job summary's copy of the report, folded away below the verdict: with `report-as: status`
 * the status links to the run, and this is where the record is. Cut to `limit` characters.
 */
export function recordSection(report: Report | null, limit: number): string {
  if (report === null) return '';
  const open = '\n<details><summary>Record of this verdict (JSON)</summary>\n\n```json\n';
  const close = '\n```\n\n</details>\n';
  // JSON escapes every control character, so no line of it can close the fence; a run of
  // backticks inside a string could, so they are written as \u0060.
  const json = fitReport(report, limit - open.length - close.length, null).replace(/`/g, '\\u0060');
  return `${open}${json}${close}`;
}
