/** What the evaluator knows of the pull request or release besides its description. */
import type { EventKind } from '../policy/policy.js';
import type { EvidenceFacts, SignoffFacts } from './facts.js';

/** What the evaluator knows about the pull request or release besides its description. */
export interface EvaluationContext {
  event: EventKind;
  /** The pull request's base branch; null when unknown (a release, or the CLI without --base). */
  baseBranch: string | null;
  labels: string[];
  /** Files changed by the pull request; null when unknown, in which case path conditions hold. */
  changedPaths: string[] | null;
  /** True when GitHub's list of changed files was cut short, so path conditions hold. */
  changedPathsCapped?: boolean;
  /** What the API said of evidence links; absent or null where the API is not called (the CLI). */
  evidence?: EvidenceFacts | null;
  /** Reviews, team members and the triggering edit, for sign-offs; absent or null in the CLI. */
  signoffs?: SignoffFacts | null;
  /** The description as written, for hints on lines GitHub draws no box for; absent: no such hints. */
  description?: string;
}
