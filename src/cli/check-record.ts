/** `check`'s record, as the action writes it. */
import type { PolicyLoad } from '../policy/load-policy.js';
import { recordOf, type RecordFacts } from '../evaluate/record.js';
import type { Report } from '../evaluate/report.js';
import { GATE_VERSION } from '../version.js';

/** `check`'s report with its record, as the action's: the CLI posts nothing, so `postedAs` is null. */
export function withCheckRecord(
  report: Report,
  load: PolicyLoad | null,
  facts: Omit<RecordFacts, 'now' | 'version' | 'postedAs' | 'event' | 'policy'>,
): Report {
  return {
    ...report,
    record: recordOf({
      ...facts,
      policy: load?.ok ? load.policy : null,
      event: 'check',
      postedAs: null,
      now: new Date(),
      version: GATE_VERSION,
    }),
  };
}
