/** The gate's verdict on a change at the moment it went out, from what was posted on its commit. */
import type { PostedVerdict } from './entry.js';

const STRICTNESS: Record<string, number> = { error: 4, failure: 3, pending: 2, success: 1 };

/**
 * The gate's verdict when a change went out: the latest of its statuses and check runs created
 * before that moment. Posted at the same second, the stricter counts, so a tie never hides a failure.
 */
export function verdictAt(posted: PostedVerdict[], at: string): PostedVerdict | null {
  const moment = Date.parse(at);
  const before = posted.filter((verdict) => Date.parse(verdict.createdAt) <= moment);
  let latest: PostedVerdict | null = null;
  for (const verdict of before) {
    if (latest === null) latest = verdict;
    else {
      const later = Date.parse(verdict.createdAt) - Date.parse(latest.createdAt);
      if (later > 0 || (later === 0 && strictness(verdict) > strictness(latest))) latest = verdict;
    }
  }
  return latest;
}

function strictness(verdict: PostedVerdict): number {
  return STRICTNESS[verdict.state] ?? STRICTNESS['error'] ?? 0;
}
