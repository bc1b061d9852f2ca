import { selectBlock } from '../checklist/block.js';
import { parseChecklist } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';

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
  const before = selectBlock(parseChecklist(edit.previousBody), policy.checklist).items;
  const key = (item: TaskItem) =>
    item.id !== null ? `id:${item.id.toLowerCase()}` : `text:${matchKey(item.text)}`;
  const tickedBefore = new Set(before.filter((item) => item.checked).map(key));
  const ticked = new Map<number, string>();
  for (const item of items)
    if (item.checked && !tickedBefore.has(key(item))) ticked.set(item.index, edit.sender);
  return ticked;
}
