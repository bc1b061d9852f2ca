/** What the API said about a linked thing; the evaluator judges it. */
export type LinkFacts =
  | { found: false; reason: 'not-found' | 'unreadable' | 'failed'; detail: string }
  | {
      found: true;
      kind: 'run' | 'job' | 'check-run';
      status: string;
      conclusion: string | null;
      headSha: string;
    }
  | { found: true; kind: 'pull'; merged: boolean; state: string }
  | {
      found: true;
      kind: 'issue';
      state: string;
      stateReason: string | null;
      /** Set when the issue is a pull request: whether it was merged. */
      pullRequestMerged: boolean | null;
    }
  | { found: true; kind: 'commit' }
  | { found: true; kind: 'release'; draft: boolean };

/** Facts for verifying evidence links, gathered by the action; null in the CLI, which does not call the API. */
export interface EvidenceFacts {
  /** The repository's GitHub host, such as github.com: only links there are verified. */
  host: string;
  /** The commit being evaluated, for `same-commit`. */
  commit: string | null;
  /** The repository under review (owner/repo), whose runs alone prove its commit unless a rule names others. */
  repository: string;
  /** By link key (see GitHubLink). A link with no entry was past the verification limit. */
  links: Map<string, LinkFacts>;
  maxLinks: number;
}

/** Facts for sign-offs, gathered by the action; null in the CLI. */
export interface SignoffFacts {
  /** Logins (lower case) whose latest review approves the current head commit. */
  approvedBy: string[];
  /** Members (lower case) of each org/team an approver list names, or why they could not be read. */
  teams: Map<string, { members: string[] } | { error: string }>;
  /** The edit that triggered this run: who made it, the description before it and the one it produced. */
  edit: { sender: string; previousBody: string; body: string } | null;
  /**
   * The description's revisions from GitHub's edit history, oldest first; null when they could not
   * be read. A revision whose body is null is unknown: deleted from the history, or older than the
   * revisions read.
   */
  history: { editor: string; body: string | null }[] | null;
}
