/** Whether an item's or a section's `when:` holds for this pull request or release. */
import type { Condition } from '../policy/policy.js';
import type { EvaluationContext } from './context.js';
import { globMatcher } from './glob-matcher.js';

export interface ConditionResult {
  holds: boolean;
  /** Why a condition was taken to hold without being checked. */
  notes: string[];
}

/** A `when:` holds when each of its lists holds; a list holds when any entry matches. Unknown facts count as holding, so the gate stays closed. */
export function conditionHolds(when: Condition | null, context: EvaluationContext): ConditionResult {
  const notes: string[] = [];
  if (!when) return { holds: true, notes };
  if (when.events && !when.events.includes(context.event)) return { holds: false, notes };
  if (when.labels) {
    const wanted = new Set(when.labels.map((label) => label.toLowerCase()));
    if (!context.labels.some((label) => wanted.has(label.toLowerCase()))) return { holds: false, notes };
  }
  if (when.branches) {
    if (context.baseBranch === null)
      notes.push('the base branch is unknown, so its branch condition was taken to hold');
    else if (!globMatcher(when.branches, false)(context.baseBranch)) return { holds: false, notes };
  }
  if (when.paths) {
    if (context.changedPaths === null) {
      notes.push('the changed files are unknown, so its path condition was taken to hold');
    } else if (context.changedPathsCapped) {
      notes.push('GitHub lists at most 3,000 changed files, so its path condition was taken to hold');
    } else {
      const matches = globMatcher(when.paths, true);
      if (!context.changedPaths.some((path) => matches(path))) return { holds: false, notes };
    }
  }
  return { holds: true, notes };
}
