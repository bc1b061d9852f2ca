import { isDeepStrictEqual } from 'node:util';
import picomatch from 'picomatch';
import { headingKey } from '../checklist/plain-text.js';
import type { Place, PolicyFile, RawNotApplicable, RawPolicy } from './load-policy.js';
import { layerEmergency } from './emergency-locks.js';
import { effectiveRule, loosened, stricterRaw } from './not-applicable-locks.js';
import type { PolicyError, Requirement } from './policy.js';

type RawItem = NonNullable<RawPolicy['items']>[number];
type RawSection = NonNullable<RawPolicy['sections']>[number];
type Path = (string | number)[];

/**
 * A policy with its bases folded in: the merged file as if written in one, and where each binding
 * value was written, so that a later layer that tries to weaken it is told where the lock is.
 */
export interface LayeredPolicy {
  /** The file of the top layer: the one a policy that extends this layer names. */
  file: string;
  raw: RawPolicy;
  /** Files that shaped each item's rule, the one that first wrote it first; parallel to raw.items. */
  itemFrom: string[][];
  itemLines: (number | null)[];
  sectionLines: (number | null)[];
  /** Where binding values were written, by keys such as "unlisted" or "item:rollback:required". */
  places: Map<string, Place>;
  /**
   * Whether the repository's default branch stays gated whatever raw.gate.branches lists: a base
   * that gates it (by leaving gate.branches unset) keeps it gated under a local list.
   */
  gatesDefault: boolean;
}

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
  const places = new Map(base.places);
  const refuse = (localPath: Path, basePlace: Place | undefined, message: string) => {
    errors.push({ ...local.place(localPath, true), message: `${message}${lockedAt(basePlace, base.file)}` });
  };
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
  const releases = tightenFlag(base.raw.gate?.releases ?? true, raw.gate?.releases);
  if (releases.weakened)
    refuse(
      ['gate', 'releases'],
      base.places.get('gate:releases'),
      'gate.releases: false stops gating releases, which the base policy gates',
    );
  const pullRequests = widenSelector(base, raw, refuse);
  const checklistRequired = tightenFlag(base.raw.checklist?.required ?? true, raw.checklist?.required);
  if (checklistRequired.weakened)
    refuse(
      ['checklist', 'required'],
      base.places.get('checklist:required'),
      'checklist.required: false lets a pull request without a checklist pass, which the base policy does not',
    );
  const baseUnlisted = base.raw.unlisted ?? 'required';
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

  // What the base demands of task items that no rule names: an item or section added here must not ask less.
  const allSection = (base.raw.sections ?? []).findIndex((section) => (section.require ?? 'all') === 'all');
  const demand =
    baseUnlisted === 'required'
      ? {
          what: 'makes every task item that no rule names required (unlisted: required)',
          at: base.places.get('unlisted'),
        }
      : allSection >= 0
        ? {
            what: `requires every task item under "${base.raw.sections?.[allSection]?.heading ?? ''}"`,
            at: base.places.get(`section:${headingKey(base.raw.sections?.[allSection]?.heading ?? '')}`),
          }
        : null;

  // Sections: the base's by heading, tightened here; new ones added after them.
  const sections: RawSection[] = (base.raw.sections ?? []).map((section) => ({ ...section }));
  const sectionLines = [...base.sectionLines];
  const sectionIndex = new Map(sections.map((section, index) => [headingKey(section.heading), index]));
  (raw.sections ?? []).forEach((section, position) => {
    const path: Path = ['sections', position];
    const key = headingKey(section.heading);
    const at = sectionIndex.get(key);
    if (at === undefined) {
      if (demand && ((section.require ?? 'all') !== 'all' || section.when !== undefined))
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
    const baseRequire = baseSection.require ?? 'all';
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

  // Items: the base's by id, tightened here; new ones added after them.
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

  if (errors.length > 0) return { ok: false, errors };
  if (sections.length > 0) merged.sections = sections;
  if (items.length > 0) merged.items = items;
  return {
    ok: true,
    layered: { file: local.file, raw: merged, itemFrom, itemLines, sectionLines, places, gatesDefault },
  };
}

type Refuse = (localPath: Path, basePlace: Place | undefined, message: string) => void;
type RawSelector = NonNullable<NonNullable<RawPolicy['gate']>['pull-requests']>;

/**
 * Which pull requests are release pull requests, with a base: a local file may gate more of them
 * (more head branches or labels, a title where the base has none), never fewer. Without a
 * selector in the base every pull request is gated, so a local one would narrow it.
 */
function widenSelector(base: LayeredPolicy, raw: RawPolicy, refuse: Refuse): RawSelector | undefined {
  const baseSelector = base.raw.gate?.['pull-requests'];
  const local = raw.gate?.['pull-requests'];
  const at = base.places.get('gate:pull-requests');
  if (local === undefined) return baseSelector;
  // Skipping authors is never widened: a local file may skip only authors its base skips.
  const allowed = (baseSelector?.['ignore-authors'] ?? []).map((login) => login.toLowerCase());
  const added = (local['ignore-authors'] ?? []).filter((login) => !allowed.includes(login.toLowerCase()));
  if (added.length > 0)
    refuse(
      ['gate', 'pull-requests', 'ignore-authors'],
      at,
      `gate.pull-requests.ignore-authors adds ${added.map((login) => `"${login}"`).join(', ')}, which the base policy does not skip; a policy may skip only the authors its base skips`,
    );
  const selects = (selector: RawSelector) =>
    selector['head-branches'] !== undefined || selector.labels !== undefined || selector.title !== undefined;
  if (baseSelector === undefined || !selects(baseSelector)) {
    if (selects(local))
      refuse(
        ['gate', 'pull-requests'],
        at,
        'gate.pull-requests would gate only some pull requests, but the base policy gates every pull request into a gated branch',
      );
    return added.length > 0 || selects(local) ? undefined : local;
  }
  for (const key of ['head-branches', 'labels'] as const) {
    const kept: readonly string[] = local[key] ?? [];
    const dropped = (baseSelector[key] ?? []).filter((entry) => !kept.includes(entry));
    if (dropped.length > 0)
      refuse(
        local[key] !== undefined ? ['gate', 'pull-requests', key] : ['gate', 'pull-requests'],
        at,
        `gate.pull-requests.${key} leaves out ${dropped.map((entry) => `"${entry}"`).join(', ')}, which the base policy gates; list them too`,
      );
  }
  if (baseSelector.title !== undefined && local.title !== baseSelector.title)
    refuse(
      local.title !== undefined ? ['gate', 'pull-requests', 'title'] : ['gate', 'pull-requests'],
      at,
      `gate.pull-requests.title must stay "${baseSelector.title}" as the base policy writes it: another pattern could gate fewer pull requests`,
    );
  return local;
}

/** One base item with the local file's entry for the same id laid over it. */
function tightenItem(
  base: RawItem,
  local: RawItem,
  name: string,
  path: Path,
  places: Map<string, Place>,
  refuse: Refuse,
  baseDefault: RawNotApplicable | undefined,
): RawItem {
  const id = base.id ?? '';
  const lock = (field: string) => places.get(`item:${id}:${field}`) ?? places.get(`item:${id}`);
  const merged: RawItem = { ...base };
  for (const field of Object.keys(local) as (keyof RawItem)[]) {
    switch (field) {
      case 'id':
        break;
      case 'required':
        if (local.required === false && (base.required ?? true))
          refuse(
            [...path, 'required'],
            lock('required'),
            `${name}: required: false makes a locked item optional`,
          );
        else if (local.required === true) merged.required = true;
        break;
      case 'when':
        if (!sameValue(local.when, base.when))
          refuse(
            [...path, 'when'],
            lock('when'),
            `${name}: a when makes a locked item required less often; the base policy's conditions stand as written`,
          );
        break;
      case 'approvers': {
        const allowed = base.approvers?.map((login) => login.toLowerCase());
        const wider = allowed
          ? (local.approvers ?? []).filter((login) => !allowed.includes(login.toLowerCase()))
          : [];
        if (wider.length > 0)
          refuse(
            [...path, 'approvers'],
            lock('approvers'),
            `${name}: approvers ${wider.join(', ')} would widen who may sign a locked item; list only some of the base policy's approvers (${(base.approvers ?? []).join(', ')})`,
          );
        else merged.approvers = local.approvers;
        break;
      }
      case 'not-applicable': {
        // The base item's rule: its own, or the base's default, with the approvers it falls back on.
        const own = base['not-applicable'];
        const baseRule = effectiveRule(own ?? baseDefault, undefined);
        if (baseRule.rule === 'with-approval')
          baseRule.approvers = ownApprovers(own) ?? base.approvers ?? ownApprovers(baseDefault) ?? null;
        const problem = loosened(
          baseRule,
          effectiveRule(local['not-applicable'], local.approvers ?? base.approvers),
        );
        if (problem !== null)
          refuse(
            [...path, 'not-applicable'],
            lock('not-applicable') ?? places.get('not-applicable'),
            `${name}: ${problem}`,
          );
        else merged['not-applicable'] = local['not-applicable'];
        break;
      }
      case 'evidence':
        merged.evidence = tightenEvidence(
          base.evidence,
          local.evidence ?? {},
          name,
          [...path, 'evidence'],
          lock,
          refuse,
        );
        break;
      default:
        // How the item is found (text, match, section) and any key not listed above: locked as written.
        if (!sameValue(local[field], base[field]))
          refuse(
            [...path, field],
            lock(field),
            `${name}.${field} is locked by the base policy: it decides which task item the rule applies to`,
          );
    }
  }
  return merged;
}

function ownApprovers(raw: RawNotApplicable | undefined): string[] | undefined {
  return typeof raw === 'object' ? raw.approvers : undefined;
}

type RawEvidence = NonNullable<RawItem['evidence']>;

function tightenEvidence(
  base: RawEvidence | undefined,
  local: RawEvidence,
  name: string,
  path: Path,
  lock: (field: string) => Place | undefined,
  refuse: Refuse,
): RawEvidence {
  // No evidence in the base: any evidence asked here only adds to it.
  if (base === undefined) return local;
  const merged: RawEvidence = { ...base };
  for (const field of Object.keys(local) as (keyof RawEvidence)[]) {
    const at = [...path, field];
    switch (field) {
      case 'min': {
        const baseMin = base.min ?? 1;
        if ((local.min ?? baseMin) < baseMin)
          refuse(
            at,
            lock('evidence/min'),
            `${name}: evidence.min: ${local.min ?? ''} is lower than the base policy's ${baseMin}`,
          );
        else merged.min = local.min;
        break;
      }
      case 'allow': {
        const wider = base.allow
          ? (local.allow ?? []).filter((glob) => !globsOf(base.allow).includes(glob))
          : [];
        if (wider.length > 0)
          refuse(
            at,
            lock('evidence/allow'),
            `${name}: evidence.allow ${wider.map((glob) => `"${glob}"`).join(', ')} is not among the base policy's globs; list only some of them (${(base.allow ?? []).join(', ')})`,
          );
        else merged.allow = local.allow;
        break;
      }
      case 'repositories': {
        // More repositories whose runs count is looser; fewer is stricter.
        const named = (base.repositories ?? []).map((repository) => repository.toLowerCase());
        const wider = (local.repositories ?? []).filter(
          (repository) => !named.includes(repository.toLowerCase()),
        );
        if (wider.length > 0)
          refuse(
            at,
            lock('evidence/repositories'),
            `${name}: evidence.repositories ${wider.map((repository) => `"${repository}"`).join(', ')} is not among the base policy's repositories; list only some of them (${named.join(', ') || 'none'})`,
          );
        else merged.repositories = local.repositories;
        break;
      }
      case 'workflows':
      case 'closed-by': {
        // Fewer workflows or closers is stricter; any the base does not list, or "not-author" over a list (or the reverse), is looser.
        const listed = (value: RawEvidence[typeof field]): string[] => (Array.isArray(value) ? value : []);
        const lower = (value: RawEvidence[typeof field]) => listed(value).map((entry) => entry.toLowerCase());
        const baseValue = base[field];
        const wider =
          baseValue === undefined
            ? []
            : typeof baseValue === 'string' || typeof local[field] === 'string'
              ? baseValue === local[field]
                ? []
                : [String(local[field])]
              : listed(local[field]).filter((entry) => !lower(baseValue).includes(entry.toLowerCase()));
        if (wider.length > 0)
          refuse(
            at,
            lock(`evidence/${field}`),
            `${name}: evidence.${field} ${wider.map((entry) => `"${entry}"`).join(', ')} is not among the base policy's; list only some of them (${Array.isArray(baseValue) ? baseValue.join(', ') : String(baseValue)})`,
          );
        else merged[field] = local[field] as never;
        break;
      }
      case 'verify':
      case 'same-commit':
        if (local[field] === false && base[field] === true)
          refuse(
            at,
            lock(`evidence/${field}`),
            `${name}: evidence.${field}: false drops a check the base policy makes`,
          );
        else if (local[field] === true) merged[field] = true;
        break;
      case 'hint':
        // Words shown to the author, not a rule.
        merged.hint = local.hint;
        break;
      default:
        if (!sameValue(local[field], base[field]))
          refuse(
            at,
            lock(`evidence/${String(field)}`),
            `${name}: evidence.${String(field)} is locked by the base policy`,
          );
    }
  }
  return merged;
}

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
const TOP_LEVEL_LOCKS = [
  { name: 'gate:branches', path: ['gate', 'branches'] },
  { name: 'gate:releases', path: ['gate', 'releases'] },
  { name: 'gate:pull-requests', path: ['gate', 'pull-requests'] },
  { name: 'checklist:required', path: ['checklist', 'required'] },
  { name: 'unlisted', path: ['unlisted'] },
  { name: 'not-applicable', path: ['not-applicable'] },
  { name: 'emergency', path: ['emergency'] },
];

function recordPlaces(
  places: Map<string, Place>,
  name: string,
  raw: unknown,
  path: Path,
  place: PolicyFile['place'],
): void {
  if (valueAt(raw, path) !== undefined) places.set(name, place(path, true));
}

function recordItemPlaces(
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

function recordSectionPlaces(
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

function lockedAt(place: Place | undefined, baseFile: string): string {
  // A value the base leaves at its default is locked by the base file as a whole.
  if (!place) return ` (locked by ${baseFile}).`;
  const where = [place.file, place.line, place.column].filter((part) => part !== null).join(':');
  return ` (locked by ${where}).`;
}

/**
 * The base's globs that a local gate.branches no longer covers. A glob is covered when the local
 * list has it as written; a plain branch name (no glob characters) also when a local glob matches
 * it. Whether one glob covers another is not guessed at.
 */
function droppedBranches(base: string[], local: string[]): string[] {
  const matchesLocal = picomatch(local);
  return base.filter((glob) => !local.includes(glob) && (picomatch.scan(glob).isGlob || !matchesLocal(glob)));
}

function tightenFlag(base: boolean, local: boolean | undefined): { value: boolean; weakened: boolean } {
  return { value: base || local === true, weakened: base && local === false };
}

const UNLISTED_RANK: Record<NonNullable<RawPolicy['unlisted']>, number> = {
  ignored: 0,
  optional: 1,
  required: 2,
};

/** How much a section's require asks: none < any (one tick) < N ticks < all. */
function requireRank(require: Requirement): number {
  if (require === 'none') return 0;
  if (require === 'any') return 1;
  if (require === 'all') return Number.POSITIVE_INFINITY;
  return require;
}

function valueAt(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** A glob list as written, or none: the schema's tuple type read as a plain list. */
function globsOf(list: readonly string[] | undefined): readonly string[] {
  return list ?? [];
}
