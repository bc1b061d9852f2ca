/** Which of two runs saw the newest facts: this run's stamp against the one in the gate's comment. */
import { sameFacts, type FactsRead } from '../read/facts-stamp.js';
import type { Stamp } from '../read/comment-stamp.js';

/**
 * How this run's facts stand against the stamp in the gate's comment. `ours` when the stamp is
 * older or the same; `ask` when it may be newer (a later time, or the same second with other
 * facts): only a fresh read can tell which run saw the pull request as it is now.
 */
export function compareStamp(stamp: Stamp | null, mine: FactsRead): 'ours' | 'ask' {
  if (stamp === null) return 'ours';
  if (stamp.evaluated < mine.evaluated) return 'ours';
  if (stamp.evaluated === mine.evaluated && stamp.facts === mine.facts) return 'ours';
  return 'ask';
}

/**
 * Decides with a fresh read of the pull request: this run's verdict stands when its facts are
 * the current ones, or when the stamp claims facts newer than the pull request is now (a forged
 * or mistaken stamp is ignored); the stamp's verdict stands when its facts are current; and when
 * neither is current, the pull request moved again and is evaluated again.
 */
export function settleWithFresh(
  stamp: Stamp,
  mine: FactsRead,
  fresh: FactsRead,
): 'write' | 'forged' | 'theirs' | 'again' {
  if (stamp.evaluated > fresh.evaluated) return 'forged';
  if (sameFacts(fresh, mine)) return 'write';
  if (fresh.evaluated === stamp.evaluated && fresh.facts === stamp.facts) return 'theirs';
  return 'again';
}
