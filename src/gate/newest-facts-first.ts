/** Step 2 of a pull request's attempt: no run that read newer facts is overwritten by this one. */
import { stampOf } from '../read/comment-stamp.js';
import { sameFacts, type FactsStamp } from '../read/facts-stamp.js';
import { compareStamp, settleWithFresh } from './newest-facts.js';
import { standingOutcome, type GateOutcome } from './outcome.js';
import { EVALUATE_AGAIN, mayAskAgain, type Attempt, type Judged } from './pull-request-attempt.js';

/**
 * A run whose facts are older than this when it is about to write reads them again first, so a
 * stale verdict is rarely posted at all (the confirming round replaces one that is). Counted from
 * GitHub's answer with the pull request (PullRequestReading.readAt): time a run waited before its
 * reads were answered (queued behind other requests, say) does not make its facts older.
 */
const SLOW_RUN_MS = 2000;

/**
 * The comment may carry a verdict on newer facts, and a slow run may have been overtaken: a
 * fresh read decides whether this run writes, writes nothing (a newer verdict stands), or
 * evaluates again.
 */
export async function newestFactsFirst(
  attempt: Pick<Attempt, 'log' | 'number'>,
  judged: Pick<Judged, 'reading' | 'mine' | 'freshFacts' | 'readAt'>,
): Promise<'write' | GateOutcome | typeof EVALUATE_AGAIN> {
  const { log } = attempt;
  const { reading, mine, freshFacts, readAt } = judged;
  const askAgain = mayAskAgain(attempt);
  const changed = (now: FactsStamp) =>
    log.info(`The pull request changed while this run evaluated it (${now.evaluated}); evaluating again.`);
  const existing = reading.ownComments[0] ?? null;
  const stamp = existing ? stampOf(existing) : null;
  let checked = false;
  if (compareStamp(stamp, mine) === 'ask' && stamp !== null) {
    // The comment may carry a verdict on newer facts: a fresh read decides whose verdict stands.
    checked = true;
    const fresh = await freshFacts();
    switch (settleWithFresh(stamp, mine, fresh)) {
      case 'theirs':
        log.info(
          `A run that read newer facts (${stamp.evaluated}) has already reported; this run (${mine.evaluated}) writes nothing.`,
        );
        return standingOutcome(stamp);
      case 'again':
        if (askAgain) {
          changed(fresh);
          return EVALUATE_AGAIN;
        }
        break;
      case 'forged':
        log.warning(
          `The gate's comment claims facts from ${stamp.evaluated}, newer than the pull request as read now (${fresh.evaluated}); the claim is ignored and this run's verdict is posted.`,
        );
        break;
      case 'write':
        break;
    }
  }
  if (!checked && askAgain && Date.now() - readAt > SLOW_RUN_MS) {
    const now = await freshFacts();
    if (!sameFacts(now, mine)) {
      changed(now);
      return EVALUATE_AGAIN;
    }
  }
  return 'write';
}
