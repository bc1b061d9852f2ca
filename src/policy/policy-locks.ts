/** One policy file laid over its base, in order: every loosening refused, naming both places. */
import { baseDemand } from './base-demand.js';
import { layerItems } from './layer-items.js';
import { layerSections } from './layer-sections.js';
import { layerTopLevel } from './layer-top-level.js';
import type { LayeredPolicy, Path } from './layer-types.js';
import type { Place, PolicyFile, RawPolicy } from './load-policy.js';
import {
  lockedAt,
  recordItemPlaces,
  recordPlaces,
  recordSectionPlaces,
  TOP_LEVEL_LOCKS,
} from './lock-places.js';
import type { PolicyError } from './policy.js';

export type { LayeredPolicy } from './layer-types.js';

/** A one-file layer: the policy as written, before any file builds on it. */
export function singleLayer(policyFile: PolicyFile): LayeredPolicy {
  const { raw, file, place } = policyFile;
  const places = new Map<string, Place>();
  for (const key of TOP_LEVEL_LOCKS) recordPlaces(places, key.name, raw, key.path, place);
  (raw.items ?? []).forEach((item, index) => recordItemPlaces(places, item, ['items', index], place));
  (raw.sections ?? []).forEach((section, index) =>
    recordSectionPlaces(places, section, ['sections', index], place),
  );
  // The reference to a further base is followed by the resolver, not merged.
  const rest: RawPolicy = { ...raw };
  delete rest.extends;
  return {
    file,
    raw: rest,
    itemFrom: (raw.items ?? []).map(() => [file]),
    itemLines: (raw.items ?? []).map((_, index) => place(['items', index], false).line),
    sectionLines: (raw.sections ?? []).map((_, index) => place(['sections', index], false).line),
    places,
    gatesDefault: false,
  };
}

/**
 * Lays a policy file over its resolved base. The file may add items and sections and tighten the
 * base's; every attempt to weaken a base rule is an error naming both places. The keys that
 * configure the repository rather than the checklist (the checklist's heading and markers,
 * verification.max-links) are the file's own; gate.branches is the file's own too, but it must
 * still gate every branch the base gates, so that no repository can point the gate away from
 * production.
 */
export function layerOver(
  base: LayeredPolicy,
  local: PolicyFile,
): { ok: true; layered: LayeredPolicy } | { ok: false; errors: PolicyError[] } {
  const errors: PolicyError[] = [];
  const context = {
    base,
    local,
    places: new Map(base.places),
    refuse: (localPath: Path, basePlace: Place | undefined, message: string) => {
      errors.push({
        ...local.place(localPath, true),
        message: `${message}${lockedAt(basePlace, base.file)}`,
      });
    },
  };
  // In the order a file is read: its top-level keys, then its sections, then its items.
  const { merged, gatesDefault } = layerTopLevel(context);
  const demand = baseDemand(base);
  const { sections, sectionLines } = layerSections(context, demand);
  const { items, itemFrom, itemLines } = layerItems(context, demand);
  if (errors.length > 0) return { ok: false, errors };
  if (sections.length > 0) merged.sections = sections;
  if (items.length > 0) merged.items = items;
  return {
    ok: true,
    layered: {
      file: local.file,
      raw: merged,
      itemFrom,
      itemLines,
      sectionLines,
      places: context.places,
      gatesDefault,
    },
  };
}
