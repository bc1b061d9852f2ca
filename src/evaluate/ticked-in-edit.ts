/** Who ticked each item, from the description's edit history. */
import { selectBlock } from '../checklist/block.js';
import { parseChecklist } from '../checklist/parse.js';
import { headingKey, matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';
import type { SignoffFacts } from './facts.js';
import { indexItems } from './item-index.js';
import { findMatches } from './match-items.js';

/** A version of the description and who wrote it: a revision from GitHub's edit history; body null when unknown. */
export interface Revision {
  editor: string;
  body: string | null;
}

/**
 * Each item's identity across revisions: the headings it stands under, its id marker together with
 * its text, and which copy of that is under those headings. Rewording an item, moving a marker
 * onto another item's text, or moving an item to another section makes a new item whose history
 * starts afresh, so a tick given to one item is never credited to another: the Staging copy of a
 * sign-off is not the Production copy, whichever order the sections come in or whether one goes.
 */
export function identities(items: TaskItem[]): string[] {
  const copies = new Map<string, number>();
  const sections = new Map<string, string>();
  return items.map((item) => {
    const path = item.headings.join('\n');
    let section = sections.get(path);
    if (section === undefined) {
      section = item.headings.map(headingKey).join('\u001f');
      sections.set(path, section);
    }
    const key = `${section}\n${item.id?.toLowerCase() ?? ''}\n${matchKey(item.text)}`;
    const copy = copies.get(key) ?? 0;
    copies.set(key, copy + 1);
    return `${key}\n${copy}`;
  });
}

/**
 * At most this many characters of revisions are parsed for one evaluation: 16 revisions of
 * GitHub's largest description, or all 100 of a 10,000-character one. A tick further back is
 * credited to no one, so the item then needs an approving review; the report says so.
 */
export const HISTORY_PARSE_BUDGET = 1_048_576;

/**
 * Reads the checklist of revisions within a budget of characters, each distinct body parsed once:
 * what `derive` makes of the task items of its block, or null once the budget cannot pay for a body.
 */
export function revisionReader<T>(
  policy: Policy,
  budget: number,
  derive: (items: TaskItem[]) => T,
): (body: string) => T | null {
  let left = budget;
  const parsed = new Map<string, T>();
  return (body) => {
    if (parsed.has(body)) return parsed.get(body) as T;
    if (body.length > left) return null;
    left -= body.length;
    const derived = derive(selectBlock(parseChecklist(body), policy.checklist).items);
    parsed.set(body, derived);
    return derived;
  };
}

export interface TickTrace {
  /** Who ticked each traced item, by index. */
  tickers: Map<number, string>;
  /** True when the parse budget ran out before every traced item was resolved. */
  cutShort: boolean;
}

/**
 * Who last ticked each ticked item, read from the description's revisions (oldest first, each the
 * whole body after an edit): the editor of the revision in which that item went from unticked or
 * absent to ticked and stayed ticked since. The revisions are read from the newest back, and only
 * as far as a traced item still needs, each distinct body parsed once. An item whose tick the
 * latest revision does not show, or whose tick lies beyond an unknown revision or the parse
 * budget, gets no one. `traced` limits the items followed (those with approvers); default all.
 */
export function traceTickers(
  items: TaskItem[],
  revisions: Revision[],
  policy: Policy,
  traced: (item: TaskItem) => boolean = () => true,
  budget = HISTORY_PARSE_BUDGET,
): TickTrace {
  /** The identities ticked in a body; null once the budget cannot pay for it. */
  const tickedIn = revisionReader(policy, budget, (block) => {
    const ids = identities(block);
    return new Set(ids.filter((_, position) => block[position]?.checked));
  });
  const ids = identities(items);
  /** Items still traced back, by identity; with the editor of the oldest revision so far that shows them ticked. */
  const open = new Map<string, { index: number; editor: string | null }>();
  items.forEach((item, position) => {
    if (item.checked && traced(item)) open.set(ids[position] ?? '', { index: item.index, editor: null });
  });
  const tickers = new Map<number, string>();
  let cutShort = false;
  for (let at = revisions.length - 1; at >= 0 && open.size > 0; at--) {
    const revision = revisions[at] as Revision;
    const ticked = revision.body === null ? null : tickedIn(revision.body);
    if (revision.body !== null && ticked === null) cutShort = true;
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
  return { tickers, cutShort };
}

/** Who last ticked each ticked item (see traceTickers), following every ticked item. */
export function tickersFromHistory(
  items: TaskItem[],
  revisions: Revision[],
  policy: Policy,
): Map<number, string> {
  return traceTickers(items, revisions, policy).tickers;
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
  // Only items with approvers need their ticker, so only they are traced back.
  const index = indexItems(items);
  const signed = new Set(
    policy.items.filter((rule) => rule.approvers).flatMap((rule) => findMatches(rule, index)),
  );
  const { tickers, cutShort } = traceTickers(items, history, policy, (item) => signed.has(item));
  if (cutShort) {
    notes.push(
      `The edit history is too large to read further back (at most ${HISTORY_PARSE_BUDGET.toLocaleString('en-US')} characters of revisions are read), so a box ticked before that counts only with an approving review.`,
    );
  }
  return tickers;
}
