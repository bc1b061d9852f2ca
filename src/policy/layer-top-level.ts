/** The top-level keys of a file laid over its base's. */
import { layerEmergency } from './emergency-locks.js';
import type { RawPolicy } from './load-policy.js';
import type { LayerContext } from './layer-types.js';
import { KNOWN_TOP_LEVEL, recordPlaces, TOP_LEVEL_LOCKS } from './lock-places.js';
import { widenSelector } from './lock-selector.js';
import { droppedBranches, sameValue, tightenFlag, UNLISTED_RANK } from './lock-values.js';
import { effectiveRule, loosened, stricterRaw } from './not-applicable-locks.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/**
 * The top-level keys of a local file laid over its base: the repository's own keys (the
 * checklist's markers, verification.max-links) taken from the file, every other key only
 * tightened, and keys this code does not know locked as the base wrote them. Returns the merged
 * file without its sections and items, and whether the default branch stays gated.
 */
export function layerTopLevel(context: LayerContext): { merged: RawPolicy; gatesDefault: boolean } {
  const { base, local, places, refuse } = context;
  const raw = local.raw;
  const merged: RawPolicy = { version: 1 };

  // Repository keys: the local file's when it sets them.
  const gateBranches = raw.gate?.branches ?? base.raw.gate?.branches;
  const baseBranches = base.raw.gate?.branches;
  if (raw.gate?.branches !== undefined && baseBranches !== undefined) {
    const dropped = droppedBranches(baseBranches, raw.gate.branches);
    if (dropped.length > 0)
      refuse(
        ['gate', 'branches'],
        base.places.get('gate:branches'),
        `gate.branches no longer gates ${dropped.map((glob) => `"${glob}"`).join(', ')}, which the base policy gates; list every branch the base gates (${baseBranches.join(', ')}) and add your own after them`,
      );
  }
  // A base that gates the default branch (no gate.branches) keeps it gated under a local list.
  const gatesDefault = base.gatesDefault || (raw.gate?.branches !== undefined && baseBranches === undefined);
  const markers = ['heading', 'start', 'end'] as const;
  const localMarkers = markers.some((key) => raw.checklist?.[key] !== undefined);
  const checklistFrom = localMarkers ? raw.checklist : base.raw.checklist;
  const maxLinks = raw.verification?.['max-links'] ?? base.raw.verification?.['max-links'];

  // Checklist keys: only ever tightened.
  const releases = tightenFlag(base.raw.gate?.releases ?? DEFAULTS['gate.releases'], raw.gate?.releases);
  if (releases.weakened)
    refuse(
      ['gate', 'releases'],
      base.places.get('gate:releases'),
      'gate.releases: false stops gating releases, which the base policy gates',
    );
  const pullRequests = widenSelector(base, raw, refuse);
  const checklistRequired = tightenFlag(
    base.raw.checklist?.required ?? DEFAULTS['checklist.required'],
    raw.checklist?.required,
  );
  if (checklistRequired.weakened)
    refuse(
      ['checklist', 'required'],
      base.places.get('checklist:required'),
      'checklist.required: false lets a pull request without a checklist pass, which the base policy does not',
    );
  const baseUnlisted = base.raw.unlisted ?? DEFAULTS.unlisted;
  if (raw.unlisted !== undefined && UNLISTED_RANK[raw.unlisted] < UNLISTED_RANK[baseUnlisted])
    refuse(
      ['unlisted'],
      base.places.get('unlisted'),
      `unlisted: ${raw.unlisted} is looser than the base policy's unlisted: ${baseUnlisted}`,
    );
  const unlisted =
    raw.unlisted !== undefined && UNLISTED_RANK[raw.unlisted] > UNLISTED_RANK[baseUnlisted]
      ? raw.unlisted
      : baseUnlisted;

  merged.gate = {
    ...(gateBranches !== undefined && { branches: gateBranches }),
    releases: releases.value,
    ...(pullRequests !== undefined && { 'pull-requests': pullRequests }),
  };
  merged.checklist = {
    ...(checklistFrom?.heading !== undefined && { heading: checklistFrom.heading }),
    ...(checklistFrom?.start !== undefined && { start: checklistFrom.start }),
    ...(checklistFrom?.end !== undefined && { end: checklistFrom.end }),
    required: checklistRequired.value,
  };
  merged.unlisted = unlisted;
  // Not applicable: the default only tightens, and so does each item's rule (below).
  const baseDefault = base.raw['not-applicable'];
  if (raw['not-applicable'] !== undefined) {
    const problem = loosened(
      effectiveRule(baseDefault, undefined),
      effectiveRule(raw['not-applicable'], undefined),
    );
    if (problem !== null) refuse(['not-applicable'], base.places.get('not-applicable'), problem);
  }
  const naDefault = stricterRaw(baseDefault, raw['not-applicable']);
  if (naDefault !== undefined) merged['not-applicable'] = naDefault;
  if (maxLinks !== undefined) merged.verification = { 'max-links': maxLinks };
  // Emergency releases: a base may forbid them or define the rule; a local file only tightens it.
  const emergency = layerEmergency(base.raw.emergency, raw.emergency);
  for (const problem of emergency.problems)
    refuse(['emergency', ...problem.key], base.places.get('emergency'), problem.message);
  if (emergency.value !== undefined) merged.emergency = emergency.value;
  for (const key of TOP_LEVEL_LOCKS) recordPlaces(places, key.name, raw, key.path, local.place);
  // A key this code does not know yet is locked as the base wrote it, rather than dropped.
  for (const key of Object.keys(base.raw).filter((name) => !KNOWN_TOP_LEVEL.includes(name))) {
    const baseValue = (base.raw as unknown as Record<string, unknown>)[key];
    const localValue = (raw as unknown as Record<string, unknown>)[key];
    if (localValue !== undefined && !sameValue(localValue, baseValue))
      refuse([key], undefined, `${key} is locked by the base policy`);
    (merged as unknown as Record<string, unknown>)[key] = baseValue;
  }
  for (const key of Object.keys(raw).filter((name) => !KNOWN_TOP_LEVEL.includes(name)))
    if (!(key in merged))
      (merged as unknown as Record<string, unknown>)[key] = (raw as unknown as Record<string, unknown>)[key];
  return { merged, gatesDefault };
}
