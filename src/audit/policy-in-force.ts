/** The policy in force when a change went out, from the policy file's history. */
import type { PolicyVersion } from './policy-version.js';

/**
 * The policy file's text when a change went out: the newest version committed before that moment,
 * leaving out the change's own commits (a pull request is judged by its base's policy, not the one
 * it brings). Null when there was no policy file then.
 */
export function policyInForce(history: PolicyVersion[], at: string, pull: number | null): string | null {
  const moment = Date.parse(at);
  const version = history
    .filter(
      (entry) => Date.parse(entry.committedAt) <= moment && (pull === null || !entry.pulls.includes(pull)),
    )
    .sort((a, b) => Date.parse(b.committedAt) - Date.parse(a.committedAt))[0];
  return version?.text ?? null;
}
