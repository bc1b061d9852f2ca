/** A pull request that changes the gate's own configuration needs a policy owner's approval. */
import { parseBaseReference } from '../policy/base-reference.js';
import type { Policy } from '../policy/policy.js';
import { approverTest, approverWords, unreadableTeams } from './approvers.js';
import { policySource } from './evaluate.js';
import { NOTHING_COUNTED } from './finish-report.js';
import type { SignoffFacts } from './facts.js';
import type { Report, ReportItem } from './report.js';

/** A pull request that changes the gate's own configuration: which files, and who must approve it. */
export interface GateChange {
  /** The changed files that configure the gate (the policy, its bases here, the gate's workflows). */
  files: string[];
  /** policy-owners; null when the policy names none (then nobody guards the change). */
  owners: string[] | null;
  /** Whether the pull request is gated by the normal rules too (a release pull request): then its checklist counts as well. */
  checklistGated: boolean;
}

/** The implicit item's id, as `missing` lists it. */
export const GATE_CHANGE_ID = 'policy-owners';
export const GATE_CHANGE_TEXT = "The gate's configuration change is approved by a policy owner";

/** Where GitHub keeps workflow files: only these run. */
const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** A workflow step that runs this action, at any owner and ref: `uses: owner/checklist-gate@ref`. */
const USES_GATE = /^\s*-?\s*uses\s*:\s*["']?[A-Za-z0-9_.-]+\/checklist-gate(?:\/[^@\s"']*)?@/m;

export function isWorkflowFile(path: string): boolean {
  return WORKFLOW_FILE.test(path);
}

/** Whether a workflow file's text runs the gate. */
export function usesGate(workflowText: string): boolean {
  return USES_GATE.test(workflowText);
}

/**
 * The files whose change always changes the gate, known without reading them: the policy file,
 * the policies it builds on that live in this repository (owner/repo, any ref), and the running
 * workflow when it lives here.
 */
export function knownGateFiles(
  policy: Policy,
  policyPath: string,
  repository: string,
  runningWorkflow: string | null,
): string[] {
  const here = repository.toLowerCase();
  const bases = [...(policy.bases ?? []), ...(policy.organisation !== undefined ? [policy.organisation] : [])]
    .map((label) => parseBaseReference(label))
    .flatMap((base) =>
      'problem' in base || `${base.owner}/${base.repo}`.toLowerCase() !== here ? [] : [base.path],
    );
  return [...new Set([policyPath, ...bases, ...(runningWorkflow !== null ? [runningWorkflow] : [])])];
}

/** The implicit item: an approving review by a policy owner on the current head commit. */
export function gateChangeItem(owners: string[], files: string[], signoffs: SignoffFacts | null): ReportItem {
  const isOwner = signoffs ? approverTest(owners, signoffs) : () => false;
  const approver = signoffs?.approvedBy.find((login) => isOwner(login)) ?? null;
  const changed = `This pull request changes the gate's configuration (${files.join(', ')})`;
  const base = {
    id: GATE_CHANGE_ID,
    text: GATE_CHANGE_TEXT,
    required: true,
    line: null,
    depth: null,
    section: null,
    links: [],
  };
  if (approver !== null)
    return { ...base, checked: true, status: 'ok', problems: [], fix: null, tickedBy: approver };
  const teams = signoffs ? unreadableTeams(owners, signoffs) : ['the reviews were not read'];
  return {
    ...base,
    checked: false,
    status: 'unapproved',
    problems: [`${changed}, and no policy owner has approved its current head commit.`, ...teams],
    fix: `Ask ${approverWords(owners)} (policy-owners) to approve the pull request: a review on its current head commit.`,
  };
}

/**
 * The verdict with the gate's configuration change in it. With policy-owners, the implicit item
 * is added: alone, when the pull request is not otherwise gated (no checklist is asked for), or
 * beside the checklist's items. Without, the report warns that nobody guards the change.
 */
export function withGateChange(report: Report, change: GateChange, signoffs: SignoffFacts | null): Report {
  if (report.conclusion === 'error') return report;
  if (change.owners === null)
    return {
      ...report,
      notes: [
        ...report.notes,
        `This pull request changes the gate's configuration (${change.files.join(', ')}), but the policy names no policy-owners: nobody guards it beyond the rules above. Add policy-owners, and CODEOWNERS on .github/.`,
      ],
    };
  const item = gateChangeItem(change.owners, change.files, signoffs);
  const done = item.status === 'ok';
  if (!change.checklistGated)
    return {
      ...report,
      passed: done,
      conclusion: done ? 'pass' : 'fail',
      summary: done
        ? "The gate's configuration change is approved by a policy owner"
        : "The gate's configuration change needs a policy owner's approval",
      counts: { total: 1, required: 1, done: done ? 1 : 0, open: done ? 0 : 1, optional: 0, notRequired: 0 },
      checklist: {
        found: true,
        where: "not asked for: only the gate's configuration change is gated",
        items: 0,
      },
      items: [item],
      sections: [],
      notes: [],
    };
  const counts = {
    ...report.counts,
    total: report.counts.total + 1,
    required: report.counts.required + 1,
    done: report.counts.done + (done ? 1 : 0),
    open: report.counts.open + (done ? 0 : 1),
  };
  // An emergency release defers checklist items, never this one: it keeps the gate failing.
  const passed = report.passed && done;
  const items = `required item${counts.required === 1 ? '' : 's'}`;
  const notApplicable = counts.notApplicable ? `, ${counts.notApplicable} not applicable` : '';
  const summary = !report.checklist.found
    ? passed || !report.passed
      ? report.summary
      : "The gate's configuration change needs a policy owner's approval"
    : passed
      ? `${notApplicable ? `${counts.done} of ${counts.required}` : `All ${counts.required}`} ${items} done${notApplicable}`
      : `${counts.open} of ${counts.required} ${items} open${notApplicable}`;
  return {
    ...report,
    passed,
    conclusion: passed ? 'pass' : 'fail',
    summary,
    counts,
    items: [...report.items, item],
  };
}

/** The verdict on a pull request gated only because it changes the gate's configuration: no checklist asked for. */
export function gateChangeReport(policy: Policy, change: GateChange, signoffs: SignoffFacts | null): Report {
  const empty: Report = {
    version: 1,
    passed: false,
    conclusion: 'fail',
    summary: '',
    counts: { ...NOTHING_COUNTED },
    checklist: { found: false, where: '', items: 0 },
    policy: policySource(policy),
    items: [],
    sections: [],
    errors: [],
    notes: [],
  };
  return withGateChange(empty, { ...change, checklistGated: false }, signoffs);
}
