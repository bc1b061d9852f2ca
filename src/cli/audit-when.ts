/** The moments `audit --since` and `--until` take: days before now, a date or a full time. */
import { UsageError } from './usage-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A moment on the command line: `90d` (days before now), a date (`2026-07-01`, its start in UTC,
 * or its end for --until) or a full ISO 8601 time.
 */
export function parseWhen(text: string, now: Date, option: string, endOfDay = false): Date {
  const days = /^(\d{1,5})d$/.exec(text);
  if (days) return new Date(now.getTime() - Number(days[1]) * DAY_MS);
  if (/^\d{4}-\d\d-\d\d$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isNaN(start)) return new Date(endOfDay ? start + DAY_MS - 1 : start);
  } else if (/^\d{4}-\d\d-\d\dT/.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(Date.parse(text));
  }
  throw new UsageError(
    `${option} must be a date such as 2026-07-01, a time such as 2026-07-01T09:00:00Z, or days such as 90d; got "${text}"`,
  );
}
