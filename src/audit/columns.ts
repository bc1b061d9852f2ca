/** The audit's rows and columns, shared by every tabular format. */
import type { AuditEntry } from './entry.js';

/** One row of every tabular format, in column order; links kept apart for formats that can show them. */
export interface Row {
  repository: string;
  change: string;
  changeUrl: string;
  at: string;
  by: string;
  headSha: string;
  verdict: string;
  postedBy: string;
  verdictUrl: string | null;
  classification: string;
  reason: string;
}

export const HEADERS = [
  'repository',
  'change',
  'merged or published at',
  'by',
  'head',
  'verdict at the time',
  'posted by',
  'classification',
  'reason',
] as const;

export function rowOf(entry: AuditEntry): Row {
  return {
    repository: entry.repository,
    change: entry.kind === 'release' ? `release ${entry.tag ?? ''}` : `#${entry.number ?? ''}`,
    changeUrl: entry.url,
    at: entry.at,
    by: entry.by ?? '',
    headSha: entry.headSha.slice(0, 7),
    verdict: entry.verdict ? `${entry.verdict.state} (${entry.verdict.kind})` : 'none',
    postedBy: entry.verdict?.postedBy ?? '',
    verdictUrl: entry.verdict?.url ?? null,
    classification: entry.classification,
    reason: entry.reason,
  };
}

/** The row's cells as plain text, in the order of HEADERS. */
export function cellsOf(row: Row): string[] {
  return [
    row.repository,
    row.change,
    row.at,
    row.by,
    row.headSha,
    row.verdict,
    row.postedBy,
    row.classification,
    row.reason,
  ];
}
