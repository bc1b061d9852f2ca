import { selectBlock } from '../checklist/block.js';
import { parseChecklist } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';
import type { SignoffFacts } from './facts.js';

/** A version of the description and who wrote it: a revision from GitHub's edit history; body null when unknown. */
export interface Revision {
  editor: string;
  body: string | null;
}

/**
 * Each item's identity across revisions: its id marker together with its text, and which copy of
 * that pair it is. Rewording an item, or moving a marker onto another item's text, makes a new
 * item whose history starts afresh, so a tick given to one text is never credited to another.
 */
function identities(items: TaskItem[]): string[] {
  const copies = new Map<string, number>();
  return items.map((item) => {
    const pair = `${item.id?.toLowerCase() ?? ''}\n${matchKey(item.text)}`;
    const copy = copies.get(pair) ?? 0;
    copies.set(pair, copy + 1);
    return `${pair}\n${copy}`;
  });
}

/**
 * Who last ticked each ticked item, read from the description's revisions (oldest first, each the
 * whole body after an edit): the editor of the revision in which that item went from unticked or
 * absent to ticked and stayed ticked since. The revisions are read from the newest back, and only
 * as far as an item still needs, each parsed at most once. An item whose tick the latest revision
 * does not show, or whose tick lies beyond an unknown revision, gets no one.
 */
export function tickersFromHistory(
  items: TaskItem[],
  revisions: Revision[],
  policy: Policy,
): Map<number, string> {
  const parsed = new Map<string, Set<string>>();
  const tickedIn = (body: string): Set<string> => {
    let ticked = parsed.get(body);
    if (!ticked) {
      const block = selectBlock(parseChecklist(body), policy.checklist).items;
      const ids = identities(block);
      ticked = new Set(ids.filter((_, position) => block[position]?.checked));
      parsed.set(body, ticked);
    }
    return ticked;
  };
  const ids = identities(items);
  /** Items still traced back, by identity; with the editor of the oldest revision so far that shows them ticked. */
  const open = new Map<string, { index: number; editor: string | null }>();
  items.forEach((item, position) => {
    if (item.checked) open.set(ids[position] ?? '', { index: item.index, editor: null });
  });
  const tickers = new Map<number, string>();
  for (let at = revisions.length - 1; at >= 0 && open.size > 0; at--) {
    const revision = revisions[at] as Revision;
    const ticked = revision.body === null ? null : tickedIn(revision.body);
    for (const [identity, trace] of open) {
      if (ticked?.has(identity)) {
        trace.editor = revision.editor;
        continue;
      }
      // Unticked or absent here, the revision after this one ticked it; unknown here, no one can tell.
      if (ticked !== null && trace.editor !== null) tickers.set(trace.index, trace.editor);
      open.delete(identity);
    }
  }
  // Ticked in every revision back to the first: its editor wrote the item ticked.
  for (const trace of open.values()) if (trace.editor !== null) tickers.set(trace.index, trace.editor);
  return tickers;
}

/**
 * Who ticked each item (by index), for sign-offs; no one without the edit history, which decides. The edit that
 * triggered this run is its latest revision when the run is current, and the history credits its
 * sender then; a replayed run's old edit is not credited, and the report says so.
 */
export function whoTicked(
  items: TaskItem[],
  signoffs: SignoffFacts | null,
  policy: Policy,
  notes: string[],
): Map<number, string> {
  if (!signoffs?.history) return new Map();
  const { edit, history } = signoffs;
  const latest = history.at(-1);
  if (edit && (latest?.body !== edit.body || latest.editor.toLowerCase() !== edit.sender.toLowerCase())) {
    notes.push(
      `The edit by @${edit.sender} that triggered this run is not the description's latest revision (a re-run replays an old event), so who ticked each box is read from the edit history alone.`,
    );
  }
  return tickersFromHistory(items, history, policy);
}
