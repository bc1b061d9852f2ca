/** What one run decided and did (GateOutcome), made from a report, a skip or a verdict that stands. */
import type { PolicyLoad } from '../policy/load-policy.js';
import { renderMarkdown } from '../report/markdown.js';
import { recordOf, type RecordFacts } from '../evaluate/record.js';
import { FAILING_STATUSES, type Report } from '../evaluate/report.js';
import { renderTemplate } from '../template/render-template.js';
import { GATE_VERSION } from '../version.js';
import type { Stamp } from '../read/comment-stamp.js';
import type { Verdict } from '../write/publish.js';

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

/** Links the comment carries: the policy at the ref it was read from, and the workflow run. */
export interface ReportLinks {
  policyUrl: string | null;
  runUrl: string | null;
}

/** The policy file on GitHub, from the repository's web address, the ref and the path. */
export function policyUrl(repositoryUrl: string, ref: string, path: string): string {
  const segments = (text: string) => text.split('/').map(encodeURIComponent).join('/');
  return `${repositoryUrl}/blob/${segments(ref)}/${segments(path)}`;
}

export function outcomeOf(
  report: Report,
  checkName: string,
  load: PolicyLoad,
  links: ReportLinks = { policyUrl: null, runUrl: null },
): GateOutcome {
  // Offered to paste when no checklist was found; the default policy names no items to offer.
  const template = load.ok && load.policy.items.length > 0 ? renderTemplate(load.policy) : null;
  // The default policy has no file to link to, nor one here when the organisation policy stands alone.
  const fromFile =
    load.ok && load.policy.source.kind === 'file' && load.policy.source.path !== load.policy.organisation;
  return {
    result: report.conclusion,
    report,
    markdown: renderMarkdown(report, {
      title: checkName,
      template,
      policyUrl: fromFile ? links.policyUrl : null,
      runUrl: links.runUrl,
    }),
    missing: missingOf(report),
    description: report.summary,
  };
}

export function verdictOf(report: Report, sha: string, markdown: string): Verdict {
  const state = report.passed ? 'success' : report.conclusion === 'error' ? 'error' : 'failure';
  return { sha, state, description: report.summary, markdown, report };
}

/** The report with the record of what it judged, stamped now with this gate's version. */
export function recorded(report: Report, facts: Omit<RecordFacts, 'now' | 'version'>): Report {
  return { ...report, record: recordOf({ ...facts, now: new Date(), version: GATE_VERSION }) };
}

/** The loaded policy, for the record; null when it could not be loaded. */
export function loadedPolicy(load: PolicyLoad) {
  return load.ok ? load.policy : null;
}

export function skipped(description: string): GateOutcome {
  return {
    result: 'skip',
    report: null,
    markdown: `### checklist-gate\n\n${description}\n`,
    missing: [],
    description,
  };
}

const STAMP_RESULT: Record<Stamp['state'], GateOutcome['result']> = {
  success: 'pass',
  failure: 'fail',
  error: 'error',
};

/**
 * A run that read an older edit than the verdict already posted writes nothing, and ends as that
 * verdict: its own reading is stale, so it neither fails the job on old facts nor passes it.
 */
export function standingOutcome(stamp: Stamp): GateOutcome {
  const description = `${stamp.description} (the verdict of a run that read newer facts, ${stamp.evaluated})`;
  return {
    result: STAMP_RESULT[stamp.state],
    report: null,
    markdown:
      `A run that read the pull request as edited at ${stamp.evaluated} has already posted its verdict: ` +
      `${stamp.description}. This run read an older edit, so it wrote nothing; the gate's comment shows the verdict that stands.\n`,
    missing: [],
    description,
  };
}
