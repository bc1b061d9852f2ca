import { selectBlock } from '../checklist/block.js';
import { parseChecklist } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';

/** A version of the description and who wrote it: a revision from GitHub's edit history. */
export interface Revision {
  editor: string;
  body: string;
}

const keyOf = (item: TaskItem) =>
  item.id !== null ? `id:${item.id.toLowerCase()}` : `text:${matchKey(item.text)}`;

function tickedKeys(body: string, policy: Policy): Set<string> {
  return new Set(
    selectBlock(parseChecklist(body), policy.checklist)
      .items.filter((item) => item.checked)
      .map(keyOf),
  );
}

/**
 * The items that the edit which triggered this run ticked, with the login of its author: ticked
 * now, and unticked or absent in the description before the edit. Items are paired by their id
 * marker, or by their text.
 */
export function tickedInEdit(
  items: TaskItem[],
  edit: { sender: string; previousBody: string },
  policy: Policy,
): Map<number, string> {
  const tickedBefore = tickedKeys(edit.previousBody, policy);
  const ticked = new Map<number, string>();
  for (const item of items)
    if (item.checked && !tickedBefore.has(keyOf(item))) ticked.set(item.index, edit.sender);
  return ticked;
}

/**
 * Who last ticked each ticked item, read from the description's revisions (oldest first, each the
 * whole body after an edit): the editor of the last revision in which the item went from unticked
 * or absent to ticked. An item whose tick the history does not show (it changed after the last
 * revision the history holds) gets no one.
 */
export function tickersFromHistory(
  items: TaskItem[],
  revisions: Revision[],
  policy: Policy,
): Map<number, string> {
  const wanted = new Map(
    items.filter((item) => item.checked).map((item) => [keyOf(item), item.index] as const),
  );
  const tickers = new Map<string, string>();
  let before = new Set<string>();
  for (const revision of revisions) {
    const now = tickedKeys(revision.body, policy);
    for (const key of now) if (!before.has(key) && wanted.has(key)) tickers.set(key, revision.editor);
    for (const key of before) if (!now.has(key)) tickers.delete(key);
    before = now;
  }
  const result = new Map<number, string>();
  for (const [key, index] of wanted) {
    const editor = tickers.get(key);
    if (editor !== undefined && before.has(key)) result.set(index, editor);
  }
  return result;
}
