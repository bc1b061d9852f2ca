/** The block's task items indexed by their comparison keys. */
import { headingKey, matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import { readNotApplicable, type NotApplicableForm } from './not-applicable.js';
import { trailingMiss } from './trailing-miss.js';

/** The block's task items with their comparison keys computed once, so matching stays linear. */
export interface ItemIndex {
  items: TaskItem[];
  byText: Map<string, TaskItem[]>;
  byId: Map<string, TaskItem[]>;
  /** Heading keys of each item, outermost first, by item index. */
  headingKeys: Map<number, string[]>;
  /** The key of each item's text before its evidence, by item index. */
  beforeEvidenceKeys: Map<number, string>;
  /** Items marked not applicable by their own text ("… — N/A: reason"), by item index. */
  notApplicable: Map<number, NotApplicableForm>;
  /** Items under a heading marked not applicable, by item index: the innermost such heading. */
  sectionNotApplicable: Map<number, { heading: string; form: NotApplicableForm }>;
}

/** A heading's not-applicable form, read once per distinct heading. */
type HeadingReading = { key: string; form: NotApplicableForm | null };

export function indexItems(items: TaskItem[]): ItemIndex {
  const index: ItemIndex = {
    items,
    byText: new Map(),
    byId: new Map(),
    headingKeys: new Map(),
    beforeEvidenceKeys: new Map(),
    notApplicable: new Map(),
    sectionNotApplicable: new Map(),
  };
  const keyCache = new Map<string, HeadingReading>();
  const sections = new Map<
    readonly string[],
    { keys: string[]; notApplicable: { heading: string; form: NotApplicableForm } | null }
  >();
  for (const item of items) {
    const key = matchKey(item.text);
    push(index.byText, key, item);
    // Most items have no links: their three texts are one.
    const withoutLinks = item.textWithoutLinks === item.text ? key : matchKey(item.textWithoutLinks);
    if (withoutLinks !== key && withoutLinks !== '') push(index.byText, withoutLinks, item);
    const before = item.textBeforeEvidence ?? item.textWithoutLinks;
    const beforeEvidence = before === item.textWithoutLinks ? withoutLinks : matchKey(before);
    if (beforeEvidence !== key && beforeEvidence !== withoutLinks && beforeEvidence !== '')
      push(index.byText, beforeEvidence, item);
    index.beforeEvidenceKeys.set(item.index, beforeEvidence);
    // "Load balancer configured — N/A: reason" is still the item "Load balancer configured".
    const form = readNotApplicable(item.text);
    if (form !== null) {
      index.notApplicable.set(item.index, form);
      const formKey = matchKey(form.text);
      if (formKey !== key && formKey !== withoutLinks && formKey !== beforeEvidence)
        push(index.byText, formKey, item);
    }
    // "Load test passed TODO" is still the item "Load test passed", and fails as that item.
    const miss = item.links.length === 0 ? trailingMiss(item.text) : null;
    if (miss !== null) {
      const missKey = matchKey(miss.before);
      if (missKey !== '' && missKey !== key && missKey !== withoutLinks && missKey !== beforeEvidence)
        push(index.byText, missKey, item);
    }
    if (item.id !== null) push(index.byId, item.id.toLowerCase(), item);
    // Items under the same headings share their array (see TaskItem.headings): read once.
    let section = sections.get(item.headings);
    if (section === undefined) {
      const readings = item.headings.map((heading) => {
        let reading = keyCache.get(heading);
        if (reading === undefined) {
          // A heading marked "— N/A: reason" is still the section the policy names.
          const headingForm = readNotApplicable(heading);
          reading = { key: headingKey(headingForm?.text ?? heading), form: headingForm };
          keyCache.set(heading, reading);
        }
        return reading;
      });
      const marked = readings.findLastIndex((reading) => reading.form !== null);
      const form = readings[marked]?.form;
      section = {
        keys: readings.map((reading) => reading.key),
        notApplicable: form ? { heading: item.headings[marked] ?? '', form } : null,
      };
      sections.set(item.headings, section);
    }
    index.headingKeys.set(item.index, section.keys);
    if (section.notApplicable) index.sectionNotApplicable.set(item.index, section.notApplicable);
  }
  return index;
}

export function isUnder(index: ItemIndex, item: TaskItem, key: string): boolean {
  return index.headingKeys.get(item.index)?.includes(key) ?? false;
}

function push(map: Map<string, TaskItem[]>, key: string, item: TaskItem): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
