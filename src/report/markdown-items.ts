/** The comment's item lines. */
import { TICK_FIX } from '../evaluate/advice.js';
import type { ReportItem } from '../evaluate/report.js';
import { evidenceLinks } from './evidence-link.js';
import { safeInline, safeMessage } from './safe-text.js';

// One item of the report as a line (or a few) of the comment's Markdown.

const STATUS_WORDS: Record<ReportItem['status'], string> = {
  ok: 'done',
  unchecked: 'not ticked',
  missing: 'missing',
  'no-evidence': 'no evidence',
  'bad-evidence': 'evidence not accepted',
  unapproved: 'not signed by an approver',
  optional: 'optional',
  'not-required': 'not required here',
  'not-applicable': 'not applicable',
};

function where(item: ReportItem): string {
  // GitHub shows no line numbers in a description: the line is a secondary detail.
  const parts = [item.line !== null ? `line ${item.line}` : 'not in the description'];
  if (item.tickedBy !== undefined) parts.push(`ticked by ${safeInline(`@${item.tickedBy}`, 60)}`);
  if (item.evidence !== undefined && item.evidence.length > 0)
    parts.push(`evidence ${evidenceLinks(item.evidence)}`);
  // What a verified run proves: the workflow it belongs to and the event that ran it.
  for (const run of item.runs ?? [])
    parts.push(
      `run of ${safeInline(run.workflow, 80)} (${safeInline(run.path, 120)}) on ${safeInline(run.event, 40)}`,
    );
  if (item.id !== null) parts.push(`\`${item.id}\``);
  if (item.anyoneCanTick) parts.push('anyone can tick this: the policy names no approvers');
  if (item.ruleFrom)
    parts.push(`rule from ${item.ruleFrom.map((file) => `\`${file.replace(/`/g, "'")}\``).join(' + ')}`);
  return parts.join(' · ');
}

/** A failing item: what it is, why it fails, and the fix. */
export function failingItem(item: ReportItem): string[] {
  const lines = [
    `- ❌ **${safeInline(item.text)}** — ${STATUS_WORDS[item.status]} <sub>${where(item)}</sub>`,
  ];
  for (const problem of item.problems.filter((text) => text !== 'not ticked'))
    lines.push(`  - ${safeMessage(problem)}`);
  if (item.fix && !isPlainUnticked(item)) lines.push(`  - **Fix:** ${safeMessage(item.fix)}`);
  return lines;
}

/** An unticked item whose only fix is to tick it: that advice is given once, above the list. */
export function isPlainUnticked(item: ReportItem): boolean {
  return item.status === 'unchecked' && item.fix === TICK_FIX;
}

/** A passing, optional or not-required item: its box, its text and where it is. */
export function passingItem(item: ReportItem): string[] {
  const box = item.checked ? '☑' : '☐';
  const status = item.status === 'ok' ? '' : ` — ${STATUS_WORDS[item.status]}`;
  return [`- ${box} ${safeInline(item.text)}${status} <sub>${where(item)}</sub>`];
}

/**
 * In a long checklist, an item that only needs its box ticked is one short line: its box, its text
 * and its line, so that the list of what is missing reads like the checklist itself. An item that
 * needs more keeps its reason and fix, and a sign-off anyone can tick keeps that warning.
 */
export function compactFailingItem(item: ReportItem): string[] {
  if (!isPlainUnticked(item) || item.anyoneCanTick) return failingItem(item);
  return [`- ☐ ${safeInline(item.text)} <sub>line ${item.line}</sub>`];
}

/** In a long checklist, a done item: its box and text, nothing more. */
export function compactPassingItem(item: ReportItem): string[] {
  if (item.status !== 'ok') return passingItem(item);
  return [`- ☑ ${safeInline(item.text)}`];
}
