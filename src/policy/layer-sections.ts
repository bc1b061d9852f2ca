/** The sections of a file laid over its base's. */
import { headingKey } from '../checklist/plain-text.js';
import type { BaseDemand } from './base-demand.js';
import type { LayerContext, Path, RawSection } from './layer-types.js';
import { recordSectionPlaces } from './lock-places.js';
import { requireRank, sameValue } from './lock-values.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/**
 * The base's sections by heading, each tightened by the local file's entry for the same heading
 * (a higher require only; its when and the rest as the base wrote them), then the sections the
 * local file adds, which must not ask less than the base demands.
 */
export function layerSections(
  context: LayerContext,
  demand: BaseDemand | null,
): { sections: RawSection[]; sectionLines: (number | null)[] } {
  const { base, local, places, refuse } = context;
  const raw = local.raw;
  const sections: RawSection[] = (base.raw.sections ?? []).map((section) => ({ ...section }));
  const sectionLines = [...base.sectionLines];
  const sectionIndex = new Map(sections.map((section, index) => [headingKey(section.heading), index]));
  (raw.sections ?? []).forEach((section, position) => {
    const path: Path = ['sections', position];
    const key = headingKey(section.heading);
    const at = sectionIndex.get(key);
    if (at === undefined) {
      if (
        demand &&
        ((section.require ?? DEFAULTS['sections[].require']) !== 'all' || section.when !== undefined)
      )
        refuse(
          section.when !== undefined ? [...path, 'when'] : [...path, 'require'],
          demand.at,
          `sections.${position} ("${section.heading}") asks less than the base policy, which ${demand.what}; a section added over it must be require: all, without when`,
        );
      sections.push(section);
      sectionLines.push(local.place(path, false).line);
      recordSectionPlaces(places, section, path, local.place);
      return;
    }
    const baseSection = sections[at] as RawSection;
    const name = `sections.${position} ("${section.heading}")`;
    const baseRequire = baseSection.require ?? DEFAULTS['sections[].require'];
    if (section.require !== undefined && requireRank(section.require) < requireRank(baseRequire))
      refuse(
        [...path, 'require'],
        places.get(`section:${key}:require`) ?? places.get(`section:${key}`),
        `${name}: require: ${String(section.require)} relaxes the base policy's require: ${String(baseRequire)}`,
      );
    if (section.when !== undefined && !sameValue(section.when, baseSection.when))
      refuse(
        [...path, 'when'],
        places.get(`section:${key}:when`) ?? places.get(`section:${key}`),
        `${name}: a when makes a locked section required less often; the base policy's section stands as written`,
      );
    for (const field of Object.keys(section))
      if (
        !['heading', 'require', 'when'].includes(field) &&
        !sameValue(section[field as keyof RawSection], baseSection[field as keyof RawSection])
      )
        refuse(
          [...path, field],
          places.get(`section:${key}`),
          `${name}.${field} is locked by the base policy`,
        );
    const require =
      section.require !== undefined && requireRank(section.require) > requireRank(baseRequire)
        ? section.require
        : baseSection.require;
    sections[at] = { ...baseSection, ...(require !== undefined && { require }) };
    recordSectionPlaces(places, section, path, local.place);
  });
  return { sections, sectionLines };
}
