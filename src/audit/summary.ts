/** The audit's totals: how many changes went out in each classification, and the exit status they give. */
import { ALARMING, CLASSIFICATIONS, type AuditEntry, type Classification } from './entry.js';

export type Counts = Record<Classification, number> & { total: number };

export function countsOf(entries: AuditEntry[]): Counts {
  const counts = Object.fromEntries(CLASSIFICATIONS.map((name) => [name, 0])) as Counts;
  counts.total = entries.length;
  for (const entry of entries) counts[entry.classification]++;
  return counts;
}

/** 0 when nothing went out bypassed or foreign, 1 when something did. */
export function exitStatusOf(entries: AuditEntry[]): 0 | 1 {
  return entries.some((entry) => ALARMING.has(entry.classification)) ? 1 : 0;
}
