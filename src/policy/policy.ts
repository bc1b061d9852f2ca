/** A policy as the evaluator uses it: every default filled in. */
export interface Policy {
  /** Where it came from: a file, or the built-in default when the repository has none. */
  source: { kind: 'file'; path: string } | { kind: 'default' };
  /** With extends: the bases it builds on, nearest first, as their files are named in messages. */
  bases?: string[];
  /** With an organisation policy (org-policy): where it is; it lies under the repository's own policy. */
  organisation?: string;
  /** Each file read to make this policy, the policy's own first, then its bases: for the record. */
  read?: { file: string; blob: string }[];
  gate: {
    /** Globs of gated base branches; null means the repository's default branch. */
    branches: string[] | null;
    /** With extends: a base gates the default branch, so it stays gated beside `branches`. */
    alsoDefault?: boolean;
    releases: boolean;
    /** Which pull requests into a gated branch are release pull requests; null means all of them. */
    pullRequests: PullRequestSelector | null;
    /** Logins whose pull requests are not gated (gate.pull-requests.ignore-authors), such as dependabot[bot]. */
    ignoreAuthors: string[];
  };
  checklist: {
    heading?: string;
    start?: string;
    end?: string;
    required: boolean;
  };
  unlisted: 'required' | 'optional' | 'ignored';
  verification: { maxLinks: number };
  /** The not-applicable rule of task items no rule names, and of item rules that set none. */
  notApplicable: NotApplicableRule;
  /** The emergency rule; null when the policy has none or says never. */
  emergency: EmergencyRule | null;
  /**
   * Logins and org/team names whose approving review a change to the gate's own configuration
   * needs (policy-owners); null when the policy names none.
   */
  policyOwners: string[] | null;
  sections: SectionRule[];
  items: ItemRule[];
}

/** Any one entry holding makes a pull request a release pull request. */
export interface PullRequestSelector {
  headBranches: string[] | null;
  labels: string[] | null;
  /** Source of a regular expression the title must match. */
  title: string | null;
}

/** Whether an author may mark a required item not applicable (`N/A: reason`), and who must approve it. */
export interface NotApplicableRule {
  rule: 'never' | 'with-reason' | 'with-approval';
  /** With with-approval: logins and org/team names who may approve the exception; null when none is named. */
  approvers: string[] | null;
}

/** With the label and an approver's approving review on the head, open required items are deferred. */
export interface EmergencyRule {
  label: string;
  /** Logins and org/team names who may approve an emergency release. */
  approvers: string[];
  /** issue: on merge, one issue lists the deferred items. */
  followUp: 'issue' | 'none';
}

export type Requirement = 'all' | 'any' | 'none' | number;

export interface Condition {
  labels?: string[];
  paths?: string[];
  branches?: string[];
  events?: EventKind[];
}

export type EventKind = 'pull_request' | 'release';

export interface SectionRule {
  heading: string;
  require: Requirement;
  when: Condition | null;
  /** Line in the policy file, for messages. */
  line: number | null;
}

export interface EvidenceRule {
  min: number;
  allow: string[] | null;
  hint: string | null;
  /** Check links to the repository's GitHub host through the API. */
  verify: boolean;
  /** With verify: runs and check runs must be on the commit being evaluated. */
  sameCommit: boolean;
  /** With same-commit: other repositories (owner/repo, lower case) whose runs, jobs and check runs count. */
  repositories: string[];
  /** With verify: workflow names or file paths a linked run or job must belong to; null when any counts. */
  workflows: string[] | null;
  /** With verify: who must have closed a linked issue or merged a linked pull request; null when anyone may. */
  closedBy: 'not-author' | string[] | null;
}

export interface ItemRule {
  id: string | null;
  text: string | null;
  /** Source of the regular expression, when the item is matched by one. */
  match: string | null;
  section: string | null;
  required: boolean;
  evidence: EvidenceRule | null;
  when: Condition | null;
  /** Logins and org/team names of who may sign the item; null when anyone may tick it. */
  approvers: string[] | null;
  /** The item's own not-applicable rule, or the policy's default; approvers filled in from the item's. */
  notApplicable: NotApplicableRule;
  line: number | null;
  /** With extends: the files the rule comes from, the base that locks it first, then those that tightened it. */
  from?: string[];
}

/** What went wrong with a policy, pointing at the place in the file. */
export interface PolicyError {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}
