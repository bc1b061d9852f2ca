/** Where the checklist is in a description, as the policy's `checklist` says. */
import { headingKey } from './plain-text.js';
import type { ChecklistDocument, MarkerCandidate, TaskItem } from './task-item.js';

/** Where the checklist is: the whole description, a heading's section, or the text between two markers. */
export interface BlockLocation {
  heading?: string;
  start?: string;
  end?: string;
}

export interface ChecklistBlock {
  /** False when the heading or a marker was not found. */
  found: boolean;
  /** Where the gate looked, in words, for reports. */
  where: string;
  items: TaskItem[];
  /** Character range of the block in the description. */
  range: { start: number; end: number };
}

export function selectBlock(doc: ChecklistDocument, location: BlockLocation): ChecklistBlock {
  if (location.heading !== undefined) return headingBlock(doc, location.heading);
  if (location.start !== undefined) return markerBlock(doc, location.start, location.end);
  return {
    found: true,
    where: 'the whole description',
    items: doc.items,
    range: { start: 0, end: doc.length },
  };
}

function within(doc: ChecklistDocument, start: number, end: number): TaskItem[] {
  return doc.items.filter((item) => item.offset >= start && item.offset < end);
}

function headingBlock(doc: ChecklistDocument, wanted: string): ChecklistBlock {
  const where = `the section under the heading "${wanted}"`;
  const key = headingKey(wanted);
  const index = doc.headings.findIndex((heading) => headingKey(heading.text) === key);
  const heading = doc.headings[index];
  if (!heading) return { found: false, where, items: [], range: { start: 0, end: 0 } };
  const next = doc.headings.slice(index + 1).find((other) => other.depth <= heading.depth);
  const range = { start: heading.offset, end: next ? next.offset : doc.length };
  return { found: true, where, items: within(doc, range.start, range.end), range };
}

function holds(candidate: MarkerCandidate, marker: string): boolean {
  return candidate.kind === 'html' ? candidate.value.includes(marker) : candidate.value === marker.trim();
}

function markerBlock(doc: ChecklistDocument, start: string, end: string | undefined): ChecklistBlock {
  const where = end === undefined ? `the text after ${start}` : `the text between ${start} and ${end}`;
  const opening = doc.markerCandidates.find((candidate) => holds(candidate, start));
  if (!opening) return { found: false, where, items: [], range: { start: 0, end: 0 } };
  let closeAt = doc.length;
  if (end !== undefined) {
    const closing = doc.markerCandidates.find(
      (candidate) =>
        candidate.start >= opening.start && candidate !== opening && candidate.value.includes(end),
    );
    // Same node holding both markers on one line: nothing between them can be a list item.
    const sameNode =
      opening.kind === 'html' && opening.value.indexOf(end, opening.value.indexOf(start) + start.length) >= 0;
    if (!closing && !sameNode) return { found: false, where, items: [], range: { start: 0, end: 0 } };
    closeAt = sameNode ? opening.end : (closing?.start ?? doc.length);
  }
  const range = { start: opening.end, end: closeAt };
  return { found: true, where, items: within(doc, range.start, range.end), range };
}
