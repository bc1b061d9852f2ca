/** What the API said about a linked thing; the evaluator judges it. */
export type LinkFacts =
  | { found: false; reason: 'not-found' | 'unreadable' | 'failed'; detail: string }
  | {
      found: true;
      kind: 'run' | 'job' | 'check-run';
      status: string;
      conclusion: string | null;
      headSha: string;
      /** The workflow the run (or the job's run) belongs to; null or absent when not read (a check run names none). */
      workflow?: RunWorkflow | null;
    }
  | { found: true; kind: 'pull'; merged: boolean; state: string; mergedBy?: string | null }
  | {
      found: true;
      kind: 'issue';
      state: string;
      stateReason: string | null;
      /** Set when the issue is a pull request: whether it was merged. */
      pullRequestMerged: boolean | null;
      /** Who closed it, or, for a pull request, who merged it (when that was read); null or absent when unknown. */
      closedBy?: string | null;
    }
  | { found: true; kind: 'commit' }
  | { found: true; kind: 'release'; draft: boolean };

/** What a workflow run says of its workflow (GitHub's workflow run object: path, name, event). */
export interface RunWorkflow {
  /** The workflow file as the run names it, such as .github/workflows/ci.yml (or with @ref). */
  path: string;
  /** The name the run shows, from the workflow file it ran (which may be the pull request's own). */
  name: string | null;
  /** The event that triggered the run, such as push or pull_request. */
  event: string;
}

/** A workflow file on the base branch (the default branch for another repository), by repository and path. */
/**
 * A workflow file as the base branch has it. `changedAt`: the commits linked runs ran on whose copy
 * of the file differs from the base branch's (or could not be read there): a pull request's
 * `pull_request` run runs the copy on its head, which the pull request can rewrite.
 */
export type WorkflowFile = { found: true; name: string; changedAt: string[] } | { found: false };

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
  /** The branch whose workflow files prove a run of the repository under review; null for the default branch. */
  baseBranch: string | null;
  /** Workflow files read for the runs linked, by workflowFileKey. */
  workflowFiles: Map<string, WorkflowFile>;
  /** Who wrote the pull request or release under review, for closed-by: not-author; null when unknown. */
  author: string | null;
}

/** Where a workflow file's facts are kept: the repository (owner/repo, lower case) and the path. */
export function workflowFileKey(repository: string, path: string): string {
  return `${repository.toLowerCase()}\n${path}`;
}

/** An `edited` event's change to a description: who made it, the description before it and the one it produced. */
export interface PullRequestEdit {
  sender: string;
  previousBody: string;
  body: string;
}

/** Facts for sign-offs, gathered by the action; null in the CLI. */
export interface SignoffFacts {
  /** Logins (lower case) whose latest review approves the current head commit. */
  approvedBy: string[];
  /** Members (lower case) of each org/team an approver list names, or why they could not be read. */
  teams: Map<string, { members: string[] } | { error: string }>;
  /** The edit that triggered this run. */
  edit: PullRequestEdit | null;
  /**
   * The description's revisions from GitHub's edit history, oldest first; null when they could not
   * be read. A revision whose body is null is unknown: deleted from the history, or older than the
   * revisions read.
   */
  history: { editor: string; body: string | null }[] | null;
}

/** Everything read for one evaluation besides the description and the policy. */
export interface GatheredFacts {
  evidence: EvidenceFacts;
  signoffs: SignoffFacts;
  changedPaths: string[] | null;
  changedPathsCapped: boolean;
}
