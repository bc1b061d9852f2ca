/** How a merged pull request or a published release stands when it went out. */
export type Classification = 'passed' | 'bypassed' | 'foreign' | 'exception' | 'policy-changed';

export const CLASSIFICATIONS: readonly Classification[] = [
  'passed',
  'bypassed',
  'foreign',
  'exception',
  'policy-changed',
];

/** Classifications that make `audit` exit 1: the gate did not pass what went out. */
export const ALARMING: ReadonlySet<Classification> = new Set(['bypassed', 'foreign']);

/** One status or check run with the gate's name on a commit, as posted. */
export interface PostedVerdict {
  kind: 'status' | 'check run';
  /** A status's state, or a check run's conclusion (its status while it has none). */
  state: string;
  description: string;
  postedBy: string;
  postedByBot: boolean;
  /** ISO 8601. */
  createdAt: string;
  /** The check run's page, or the status's target (the workflow run whose summary holds the record). */
  url: string | null;
  /** The report a check run carries in its text, when it is one; null otherwise. */
  record: { exceptions?: unknown } | null;
}

/** What went out: a merged pull request or a published release. */
export interface Shipped {
  repository: string;
  kind: 'pull_request' | 'release';
  number: number | null;
  tag: string | null;
  title: string;
  url: string;
  /** The branch merged into; null for a release. */
  baseRef: string | null;
  /** Who merged it, or who published the release. */
  by: string | null;
  /** When it was merged or published, ISO 8601. */
  at: string;
  mergeCommit: string | null;
  /** The commit the gate judged: the pull request's head, the release tag's commit. */
  headSha: string;
  /** The pull request changed the policy file it was judged by. */
  policyChanged: boolean;
}

export interface AuditEntry extends Shipped {
  /** The gate's latest verdict on the head commit posted before `at`; null when there was none. */
  verdict: PostedVerdict | null;
  classification: Classification;
  /** Why, in words. */
  reason: string;
  /** The exceptions the record lists (not-applicable items, an emergency release), when it lists any. */
  exceptions: unknown;
}
