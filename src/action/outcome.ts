import type { Report } from '../report/report.js';
import { FAILING_STATUSES } from '../report/report.js';

/** What one run of the action decided and did. */
export interface GateOutcome {
  result: 'pass' | 'fail' | 'skip' | 'error';
  report: Report | null;
  /** The Markdown report, for the job summary. */
  markdown: string;
  /** Ids, or texts where an item has none, of the required items that fail; failing sections as "section: <heading>". */
  missing: string[];
  /** One line for logs and the status description. */
  description: string;
  /** Each pull request evaluated, by number: the `results` output. */
  results?: Record<string, GateOutcome['result']>;
  /** A sweep: the job fails only when an evaluation errors, whatever `fail-job` says. */
  sweep?: boolean;
}

export function missingOf(report: Report): string[] {
  const items = report.items
    .filter((item) => item.required && FAILING_STATUSES.has(item.status))
    .map((item) => item.id ?? item.text);
  const sections = report.sections
    .filter((section) => section.status === 'failing')
    .map((section) => `section: ${section.heading}`);
  return [...items, ...sections];
}
