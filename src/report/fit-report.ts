/** The JSON report within a limit. */
import type { Report } from '../evaluate/report.js';

/**
 * The report as JSON in at most `limit` characters. When the whole report is longer, items are
 * left out from the end (halving until it fits) and `truncated` says how many and where the whole
 * report is; the record, verdict, counts and sections always stay. The result is always valid JSON.
 */
export function fitReport(report: Report, limit: number, whole: string | null): string {
  const json = JSON.stringify(report);
  if (json.length <= limit) return json;
  let keep = report.items.length;
  let cut = json;
  while (cut.length > limit && keep > 0) {
    keep = Math.floor(keep / 2);
    cut = JSON.stringify({
      ...report,
      items: report.items.slice(0, keep),
      truncated: { items: report.items.length - keep, whole },
    });
  }
  if (cut.length <= limit) return cut;
  // Sections, errors and notes past the limit too: the verdict, counts and record stay.
  return JSON.stringify({
    ...report,
    items: [],
    sections: [],
    errors: [],
    notes: [],
    truncated: { items: report.items.length, whole },
  });
}
