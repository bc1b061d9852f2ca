/**
 * The events, and their actions, after which a verdict may change: the workflow `init` writes and
 * the App's deliveries listen for the same ones.
 */

/** A pull request's actions that change its description, commit, labels or readiness. */
export const PULL_REQUEST_ACTIONS = [
  'opened',
  'edited',
  'reopened',
  'synchronize',
  'ready_for_review',
  'labeled',
  'unlabeled',
] as const;

/** The merge: a merged pull request may owe its emergency release's follow-up issue. */
export const MERGED_ACTION = 'closed';

/** A review may sign an item or approve an exception, and a dismissal takes that back. */
export const REVIEW_ACTIONS = ['submitted', 'edited', 'dismissed'] as const;

/** A release's description is judged once published, and again when edited. */
export const RELEASE_ACTIONS = ['published', 'edited'] as const;

/** A run linked as evidence counts once it has completed. */
export const WORKFLOW_RUN_ACTIONS = ['completed'] as const;
