/** Who wrote or kept each item's N/A line, from the description's edit history. */
import { matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';
import type { SignoffFacts } from './facts.js';
import { readNotApplicable } from './not-applicable.js';
import { HISTORY_PARSE_BUDGET, identities, revisionReader, type Revision } from './ticked-in-edit.js';

/**
 * The line that marks each item not applicable, as an identity that holds across revisions: the
 * item's own (its id and whole text, reason included, as sign-offs identify items), or its marked
 * heading's text. Changing the reason makes a new line, whose history starts afresh.
 */
function markedLines(items: TaskItem[]): (string | null)[] {
  const ids = identities(items);
  return items.map((item, position) => {
    if (readNotApplicable(item.text) !== null) return `item\n${ids[position] ?? ''}`;
    const heading = item.headings.findLast((text) => readNotApplicable(text) !== null);
    return heading === undefined ? null : `heading\n${matchKey(heading)}`;
  });
}

/**
 * Who wrote or kept each traced item's N/A line: the editors of the revisions, from the newest
 * back, that show the line as it is now, up to the one that wrote it. An unknown revision or the
 * parse budget ends the trace; the editors found before it still count, as they saw the line.
 */
export function traceKeepers(
  items: TaskItem[],
  revisions: Revision[],
  policy: Policy,
  traced: (item: TaskItem) => boolean,
  budget = HISTORY_PARSE_BUDGET,
): { keepers: Map<number, string[]>; cutShort: boolean } {
  /** The N/A lines in a body; null once the budget cannot pay for it. */
  const linesIn = revisionReader(
    policy,
    budget,
    (block) => new Set(markedLines(block).filter((line): line is string => line !== null)),
  );
  const open = new Map<string, number[]>();
  markedLines(items).forEach((line, position) => {
    const item = items[position];
    if (line === null || item === undefined || !traced(item)) return;
    open.set(line, [...(open.get(line) ?? []), item.index]);
  });
  const keepers = new Map<number, string[]>();
  let cutShort = false;
  for (let at = revisions.length - 1; at >= 0 && open.size > 0; at--) {
    const revision = revisions[at] as Revision;
    const lines = revision.body === null ? null : linesIn(revision.body);
    if (revision.body !== null && lines === null) cutShort = true;
    for (const [line, indexes] of open) {
      if (!lines?.has(line)) {
        open.delete(line);
        continue;
      }
      for (const index of indexes) keepers.set(index, [...(keepers.get(index) ?? []), revision.editor]);
    }
  }
  return { keepers, cutShort };
}

/** Who wrote or kept each traced item's N/A line (see traceKeepers); no one without the edit history. */
export function whoKept(
  items: TaskItem[],
  signoffs: SignoffFacts | null,
  policy: Policy,
  traced: (item: TaskItem) => boolean,
  notes: string[],
): Map<number, string[]> {
  if (!signoffs?.history) return new Map();
  const { keepers, cutShort } = traceKeepers(items, signoffs.history, policy, traced);
  if (cutShort)
    notes.push(
      `The edit history is too large to read further back (at most ${HISTORY_PARSE_BUDGET.toLocaleString('en-US')} characters of revisions are read), so an N/A line written before that counts only with an approving review.`,
    );
  return keepers;
}
