/** Where each locked value was written, for the error that names both places. */
import { headingKey } from '../checklist/plain-text.js';
import type { Place, PolicyFile } from './load-policy.js';
import type { Path, RawItem, RawSection } from './layer-types.js';
import { valueAt } from './lock-values.js';

/**
 * Where each binding value of a policy layer was written, by keys such as "unlisted" or
 * "item:rollback:required", so that a later layer that tries to weaken it is told where the lock is.
 */

export /** The top-level keys this code knows; any other is locked as a base wrote it. */
const KNOWN_TOP_LEVEL = [
  'version',
  'extends',
  'gate',
  'checklist',
  'unlisted',
  'verification',
  'not-applicable',
  'emergency',
  'sections',
  'items',
];

/** Top-level keys that bind later layers, and where they are in a file. */
export const TOP_LEVEL_LOCKS = [
  { name: 'gate:branches', path: ['gate', 'branches'] },
  { name: 'gate:releases', path: ['gate', 'releases'] },
  { name: 'gate:pull-requests', path: ['gate', 'pull-requests'] },
  { name: 'checklist:required', path: ['checklist', 'required'] },
  { name: 'unlisted', path: ['unlisted'] },
  { name: 'not-applicable', path: ['not-applicable'] },
  { name: 'emergency', path: ['emergency'] },
];

export function recordPlaces(
  places: Map<string, Place>,
  name: string,
  raw: unknown,
  path: Path,
  place: PolicyFile['place'],
): void {
  if (valueAt(raw, path) !== undefined) places.set(name, place(path, true));
}

export function recordItemPlaces(
  places: Map<string, Place>,
  item: RawItem,
  path: Path,
  place: PolicyFile['place'],
): void {
  if (item.id === undefined) return;
  if (!places.has(`item:${item.id}`)) places.set(`item:${item.id}`, place(path, false));
  for (const field of Object.keys(item)) {
    if (field === 'evidence' && item.evidence)
      for (const key of Object.keys(item.evidence))
        places.set(`item:${item.id}:evidence/${key}`, place([...path, 'evidence', key], true));
    else places.set(`item:${item.id}:${field}`, place([...path, field], true));
  }
}

export function recordSectionPlaces(
  places: Map<string, Place>,
  section: RawSection,
  path: Path,
  place: PolicyFile['place'],
): void {
  const key = headingKey(section.heading);
  if (!places.has(`section:${key}`)) places.set(`section:${key}`, place(path, false));
  for (const field of ['require', 'when'] as const)
    if (section[field] !== undefined) places.set(`section:${key}:${field}`, place([...path, field], true));
}

export function lockedAt(place: Place | undefined, baseFile: string): string {
  // A value the base leaves at its default is locked by the base file as a whole.
  if (!place) return ` (locked by ${baseFile}).`;
  const where = [place.file, place.line, place.column].filter((part) => part !== null).join(':');
  return ` (locked by ${where}).`;
}
