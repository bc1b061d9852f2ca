/** The items of a file laid over its base's. */
import type { BaseDemand } from './base-demand.js';
import type { LayerContext, Path, RawItem } from './layer-types.js';
import { tightenItem } from './lock-item.js';
import { recordItemPlaces } from './lock-places.js';
import { effectiveRule, loosened } from './not-applicable-locks.js';

/**
 * The base's items by id, each tightened by the local file's entry for the same id, then the
 * items the local file adds, which must not ask less than the base demands nor loosen its
 * not-applicable default. Also says which files shaped each item and where each is written.
 */
export function layerItems(
  context: LayerContext,
  demand: BaseDemand | null,
): { items: RawItem[]; itemFrom: string[][]; itemLines: (number | null)[] } {
  const { base, local, places, refuse } = context;
  const raw = local.raw;
  const baseDefault = base.raw['not-applicable'];
  const items: RawItem[] = (base.raw.items ?? []).map((item) => ({ ...item }));
  const itemFrom = base.itemFrom.map((files) => [...files]);
  const itemLines = [...base.itemLines];
  const itemIndex = new Map(
    items.flatMap((item, index) => (item.id === undefined ? [] : [[item.id, index] as const])),
  );
  (raw.items ?? []).forEach((item, position) => {
    const path: Path = ['items', position];
    const at = item.id === undefined ? undefined : itemIndex.get(item.id);
    if (at === undefined) {
      const naProblem =
        item['not-applicable'] === undefined
          ? null
          : loosened(
              effectiveRule(baseDefault, undefined),
              effectiveRule(item['not-applicable'], item.approvers),
            );
      if (naProblem !== null)
        refuse(
          [...path, 'not-applicable'],
          base.places.get('not-applicable'),
          `items.${position}: ${naProblem}, which applies to every item it adds`,
        );
      if (demand && (item.required === false || item.when !== undefined))
        refuse(
          item.when !== undefined ? [...path, 'when'] : [...path, 'required'],
          demand.at,
          `items.${position} is ${item.when !== undefined ? 'conditional (when)' : 'optional'}, but the base policy ${demand.what}; an item added over it must be required, without when`,
        );
      items.push(item);
      itemFrom.push([local.file]);
      itemLines.push(local.place(path, false).line);
      recordItemPlaces(places, item, path, local.place);
      return;
    }
    const tightened = tightenItem(
      items[at] as RawItem,
      item,
      `items.${position} (${item.id ?? ''})`,
      path,
      places,
      refuse,
      baseDefault,
    );
    items[at] = tightened;
    itemFrom[at] = [...(itemFrom[at] ?? []), local.file];
    recordItemPlaces(places, item, path, local.place);
  });
  return { items, itemFrom, itemLines };
}
