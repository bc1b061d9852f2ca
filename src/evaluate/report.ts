/** The report's types: the judgement in full, item by item. */
import type { Requirement } from '../policy/policy.js';
import type { EvaluationRecord } from './record.js';

/** How one checklist item stands. Failing statuses: unchecked, missing, no-evidence, bad-evidence, unapproved. */
export type ItemStatus =
  | 'ok'
  | 'unchecked'
  | 'missing'
  | 'no-evidence'
  | 'bad-evidence'
  | 'unapproved'
  | 'optional'
  | 'not-required'
  | 'not-applicable';

export const FAILING_STATUSES: ReadonlySet<ItemStatus> = new Set([
  'unchecked',
  'missing',
  'no-evidence',
  'bad-evidence',
  'unapproved',
]);

export interface ReportItem {
  /** The policy id, or the id marker on the item; null when it has neither. */
  id: string | null;
  text: string;
  checked: boolean;
  required: boolean;
  status: ItemStatus;
  /** Line of the item in the description; null when it is missing from it. */
  line: number | null;
  depth: number | null;
  section: string | null;
  links: string[];
  /** What is wrong, in words; empty when nothing is. */
  problems: string[];
  /** How to fix it; null when nothing needs fixing. */
  fix: string | null;
  /**
   * Only when the policy extends a base or lies over an organisation policy: the policy files the item's rule comes from, the base
   * that locks it first, then each file that tightened it. Absent for an item no rule names.
   */
  ruleFrom?: string[];
  /** Only when true: the item reads like a sign-off, but the policy names no approvers for it. */
  anyoneCanTick?: boolean;
  /** Who ticked the item, where the edit that ticked it was read. */
  tickedBy?: string;
  /** Only when some link counted: the item's links the policy accepted as evidence (and, with verify, the API confirmed). */
  evidence?: string[];
  /** Only when a verified run or job counted: which workflow (its base branch name and file) and event each was. */
  runs?: { url: string; workflow: string; path: string; event: string }[];
}

/** A required item its author marked not applicable ("N/A: reason"), where the policy lets that stand or asks for approval. */
export interface NotApplicableException {
  kind: 'not-applicable';
  id: string | null;
  text: string;
  line: number | null;
  section: string | null;
  /** The heading that carries the form, when the item's section was marked rather than the item. */
  heading: string | null;
  reason: string;
  rule: 'with-reason' | 'with-approval';
  /** With with-approval: who may approve the exception. */
  approvers: string[] | null;
  /** Who approved it: an approving review on the head commit, or an edit that wrote or kept the N/A line. */
  approvedBy: { login: string; by: 'review' | 'edit' } | null;
  /** accepted: it stands; needs-approval: it keeps the gate failing; unchecked: the CLI could not check approval. */
  state: 'accepted' | 'needs-approval' | 'unchecked';
}

/**
 * An emergency release: the policy's label is on the pull request and required items are open.
 * Accepted once an approver approves the current head commit; the open items are then deferred.
 */
export interface EmergencyException {
  kind: 'emergency';
  label: string;
  /** Who may approve the emergency release. */
  approvers: string[];
  /** The approver whose review approves the current head commit. */
  approvedBy: { login: string; by: 'review' } | null;
  /** accepted: the gate passes with the items deferred; needs-approval: no effect yet; unchecked: the CLI reads no reviews. */
  state: 'accepted' | 'needs-approval' | 'unchecked';
  /** The open required items (and failing sections) the emergency release defers. */
  deferred: DeferredItem[];
  /** issue: one issue lists the deferred items once the pull request is merged. */
  followUp: 'issue' | 'none';
}

/** One open requirement an emergency release leaves for later. */
export interface DeferredItem {
  kind: 'item' | 'section' | 'checklist';
  id: string | null;
  text: string;
  /** Line in the description; null when the item is missing from it. */
  line: number | null;
  section: string | null;
  /** Why it is open, in words. */
  problem: string;
}

export type ReportException = NotApplicableException | EmergencyException;

export interface SectionResult {
  heading: string;
  require: Requirement;
  /** Task items under the heading, and how many of them are ticked. */
  total: number;
  ticked: number;
  status: 'ok' | 'failing' | 'not-required';
  problem: string | null;
  fix: string | null;
  /** While the section fails: its unticked items, any of which would count. */
  unticked: { text: string; line: number }[];
}

export interface ReportError {
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

/** The engine's verdict, also its JSON output. The shape is stable: fields are only ever added. */
export interface Report {
  version: 1;
  passed: boolean;
  conclusion: 'pass' | 'fail' | 'error';
  /** One line, such as "3 of 12 required items open". */
  summary: string;
  counts: {
    /** Items in the report. */
    total: number;
    /** Requirements: required items, plus sections that ask for "any" or a number of ticks. */
    required: number;
    done: number;
    open: number;
    optional: number;
    notRequired: number;
    /** Only when some are: required items that stand as not applicable (counted as done). */
    notApplicable?: number;
    /** Only with an approved emergency release: the open requirements it defers (still counted as open). */
    deferred?: number;
  };
  checklist: {
    found: boolean;
    where: string;
    items: number;
    /** When no checklist was found where the policy looks: the task items elsewhere in the description. */
    elsewhere?: { items: number; firstLine: number };
    /** When no checklist was found: lines that look like boxes GitHub does not draw, with what to write. */
    almostBoxes?: { line: number; fix: string }[];
  };
  /**
   * Which policy judged: its file (with extends, the repository's own), or the default. With an
   * organisation policy (org-policy), `organisation` names it: the rules from it say so in ruleFrom.
   */
  policy: { source: 'file' | 'default'; path: string | null; organisation?: string };
  items: ReportItem[];
  sections: SectionResult[];
  errors: ReportError[];
  /** Only when there are some: the exceptions the verdict rests on, such as items marked not applicable. */
  exceptions?: ReportException[];
  /** Facts worth knowing that change nothing, such as a condition taken to hold. */
  notes: string[];
  /** What was evaluated, when and by whom (docs/report.md): present in the action's reports and `check`'s. */
  record?: EvaluationRecord;
  /** Only when the report was cut to fit a limit: how many items were left out, and where the whole report is. */
  truncated?: { items: number; whole: string | null };
}
