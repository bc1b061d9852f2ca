/** The report finished: totals, summary and conclusion. */
import type { ChecklistBlock } from '../checklist/block.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { Policy, PolicyError } from '../policy/policy.js';
import {
  FAILING_STATUSES,
  type NotApplicableException,
  type Report,
  type ReportItem,
  type SectionResult,
} from './report.js';
import { almostBoxFix, type AlmostBox } from './description-lines.js';

/** The report from the judged entries: counts, summary, conclusion; and the reports with no checklist or no usable policy. */
export function finish(
  entries: ReportItem[],
  sections: SectionResult[],
  block: ChecklistBlock,
  policy: Policy,
  notes: string[],
  exceptions: NotApplicableException[],
): Report {
  const requiredEntries = entries.filter((item) => item.required);
  const failingEntries = requiredEntries.filter((item) => FAILING_STATUSES.has(item.status));
  const countedSections = sections.filter(
    (section) =>
      section.status === 'failing' ||
      (section.status === 'ok' && (section.require === 'any' || typeof section.require === 'number')),
  );
  const failingSections = sections.filter((section) => section.status === 'failing');
  const required = requiredEntries.length + countedSections.length;
  const open = failingEntries.length + failingSections.length;
  const passed = open === 0;
  const notApplicable = requiredEntries.filter((item) => item.status === 'not-applicable').length;
  const items = `required item${required === 1 ? '' : 's'}`;
  // With exceptions, a pass says how many of the items done were not applicable.
  const summary =
    (passed
      ? notApplicable > 0
        ? `${required} of ${required} ${items} done`
        : `All ${required} ${items} done`
      : `${open} of ${required} ${items} open`) +
    (notApplicable > 0 ? `, ${notApplicable} not applicable` : '');
  return {
    version: 1,
    passed,
    conclusion: passed ? 'pass' : 'fail',
    summary,
    counts: {
      total: entries.length,
      required,
      done: required - open,
      open,
      optional: entries.filter(
        (item) => !item.required && (item.status === 'optional' || item.status === 'ok'),
      ).length,
      notRequired: entries.filter((item) => item.status === 'not-required').length,
      ...(notApplicable > 0 && { notApplicable }),
    },
    checklist: { found: true, where: block.where, items: block.items.length },
    policy: policySource(policy),
    items: entries,
    sections,
    errors: [],
    ...(exceptions.length > 0 && { exceptions: exceptions.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }),
    notes: [...new Set(notes)],
  };
}

/** Which policy judged, for the report. */
export function policySource(policy: Policy): Report['policy'] {
  const organisation = policy.organisation !== undefined && { organisation: policy.organisation };
  return policy.source.kind === 'file'
    ? { source: 'file', path: policy.source.path, ...organisation }
    : { source: 'default', path: null };
}

export function noChecklistReport(
  block: ChecklistBlock,
  doc: ChecklistDocument,
  policy: Policy,
  notes: string[],
  boxes: AlmostBox[],
): Report {
  const what = block.found ? `no task items in ${block.where}` : `${block.where} was not found`;
  const first = doc.items[0];
  const allowed = !policy.checklist.required;
  if (allowed) notes.push(`No checklist found (${what}); the policy does not require one.`);
  return {
    version: 1,
    passed: allowed,
    conclusion: allowed ? 'pass' : 'fail',
    summary: allowed ? 'No checklist, and none is required' : `No checklist found: ${what}`,
    counts: {
      total: 0,
      required: allowed ? 0 : 1,
      done: 0,
      open: allowed ? 0 : 1,
      optional: 0,
      notRequired: 0,
    },
    checklist: {
      found: false,
      where: block.where,
      items: block.items.length,
      ...(first !== undefined && { elsewhere: { items: doc.items.length, firstLine: first.line } }),
      ...(boxes.length > 0 && {
        almostBoxes: boxes.map((box) => ({ line: box.line, fix: almostBoxFix(box) })),
      }),
    },
    policy: policySource(policy),
    items: [],
    sections: [],
    errors: [],
    notes,
  };
}

/** The counts of a report that judged no item. */
export const NOTHING_COUNTED: Report['counts'] = {
  total: 0,
  required: 0,
  done: 0,
  open: 0,
  optional: 0,
  notRequired: 0,
};

/** The report for a policy that could not be used: the gate fails closed and shows every error. */
export function policyErrorReport(errors: PolicyError[], path: string): Report {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return {
    version: 1,
    passed: false,
    conclusion: 'error',
    summary: `The policy ${path} has ${count}; the gate fails until it is fixed`,
    counts: { ...NOTHING_COUNTED },
    checklist: { found: false, where: 'not evaluated', items: 0 },
    policy: { source: 'file', path },
    items: [],
    sections: [],
    errors: errors.map((error) => ({ ...error })),
    notes: [],
  };
}
