import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parseBaseReference } from './base-reference.js';
import { DEFAULT_MAX_VERIFIED_LINKS } from './default-policy.js';
import type {
  EmergencyRule,
  EvidenceRule,
  ItemRule,
  NotApplicableRule,
  Policy,
  PolicyError,
  PullRequestSelector,
  SectionRule,
} from './policy.js';
import { describeSchemaErrors, type DescribedError } from './schema-errors.js';
import type { RawPolicy } from './generated/raw-policy.js';
import { validate } from './generated/validate-policy.js';
import { yamlErrorMessage } from './yaml-errors.js';

export type PolicyLoad = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/** The policy file as written, once it has passed the schema: its type is generated from the schema. */
export type { RawPolicy } from './generated/raw-policy.js';

/** A not-applicable rule as written: its name alone, or the long form naming approvers. */
export type RawNotApplicable = NonNullable<RawPolicy['not-applicable']>;

/** The emergency rule as written, or never to forbid one. */
export type RawEmergency = NonNullable<RawPolicy['emergency']>;

/** A place in a policy file. */
export interface Place {
  file: string;
  line: number | null;
  column: number | null;
}

/** A policy file that has passed the schema, as written, with the way back to its lines. */
export interface PolicyFile {
  file: string;
  raw: RawPolicy;
  /** Where the node at a path is written: the key itself, or its value. */
  place(path: (string | number)[], atKey: boolean): Place;
}

export type PolicyFileLoad = { ok: true; policyFile: PolicyFile } | { ok: false; errors: PolicyError[] };

/** Parses and validates a policy file. Every problem is reported with its line and column; none is skipped. */
export function loadPolicy(text: string, file: string): PolicyLoad {
  const load = loadPolicyFile(text, file);
  if (!load.ok) return load;
  const { raw, place } = load.policyFile;
  return { ok: true, policy: toPolicy(raw, file, (path) => place(path, false).line) };
}

/** Parses and validates one policy file, without following its `extends`. */
export function loadPolicyFile(text: string, file: string): PolicyFileLoad {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: null, column: null };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: inFileOrder(
        doc.errors.map((error) => ({
          file,
          ...at(error.pos[0]),
          message:
            error.code === 'DUPLICATE_KEY'
              ? `the key "${keyAt(text, error.pos[0])}" appears twice in the same mapping; keep one.`
              : yamlErrorMessage(error.message),
        })),
      ),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return {
      ok: false,
      errors: [
        { file, line: 1, column: 1, message: 'the policy file is empty; it needs at least "version: 1".' },
      ],
    };
  }
  const locate = (error: DescribedError): PolicyError => ({
    file,
    ...at(nodeOffset(doc, error.path, error.atKey)),
    message: versionAsText(data, error) ?? error.message,
  });
  const valid = validate(data);
  // The rules beyond the schema are checked even when the schema fails, so that no error is held back.
  const problems = [
    ...(valid ? [] : describeSchemaErrors(validate.errors ?? [])),
    ...semanticProblems(data as RawPolicy),
  ];
  if (problems.length > 0) return { ok: false, errors: inFileOrder(problems.map(locate)) };
  const place = (path: (string | number)[], atKey: boolean): Place => ({
    file,
    ...at(nodeOffset(doc, path, atKey)),
  });
  return { ok: true, policyFile: { file, raw: data as RawPolicy, place } };
}

/** `version: "1"` is the one value people write as text: say so, rather than "must be 1". */
function versionAsText(data: unknown, error: DescribedError): string | null {
  const version = (data as { version?: unknown } | null)?.version;
  if (error.path.length !== 1 || error.path[0] !== 'version' || typeof version !== 'string') return null;
  return /^\s*1(\.0*)?\s*$/.test(version)
    ? 'write `version: 1` (a number, not a string).'
    : `version must be the number 1; got the text "${version}".`;
}

export function inFileOrder(errors: PolicyError[]): PolicyError[] {
  return errors
    .map((error, position) => ({ error, position }))
    .sort(
      (a, b) =>
        (a.error.line ?? 0) - (b.error.line ?? 0) ||
        (a.error.column ?? 0) - (b.error.column ?? 0) ||
        a.position - b.position,
    )
    .map(({ error }) => error);
}

/** The key written at an offset, for naming it in a message. */
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  return line.split(':')[0]?.trim() ?? '';
}

/** Offset of the YAML node at a path: the key itself, or its value. */
function nodeOffset(doc: Document, path: (string | number)[], atKey: boolean): number | undefined {
  if (!atKey) {
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length), true) as Node | undefined;
      if (node && typeof node === 'object' && node.range) return node.range[0];
    }
    return (doc.contents as Node | null)?.range?.[0];
  }
  const parent = doc.getIn(path.slice(0, -1), true);
  const key = path.at(-1);
  if (isMap(parent)) {
    const pair = parent.items.find(
      (candidate) => (candidate.key as { value?: unknown } | null)?.value === key,
    );
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return keyNode.range[0];
  }
  return nodeOffset(doc, path.slice(0, -1), false);
}

/** Rules the schema cannot express: exclusive keys, ids used twice, regular expressions that do not compile. */
function semanticProblems(raw: RawPolicy): DescribedError[] {
  const problems: DescribedError[] = [];
  if (!isRecord(raw)) return problems;
  if (typeof raw.extends === 'string') {
    const base = parseBaseReference(raw.extends);
    // A text of the wrong form is already reported by the schema's pattern.
    if ('problem' in base && base.kind === 'path')
      problems.push({ path: ['extends'], atKey: false, message: `extends ${base.problem}.` });
  }
  const checklist = isRecord(raw.checklist) ? raw.checklist : {};
  if (checklist.heading !== undefined && checklist.start !== undefined) {
    problems.push({
      path: ['checklist', 'start'],
      atKey: true,
      message: 'checklist takes either "heading" or "start" (with "end"), not both.',
    });
  }
  const selector = isRecord(raw.gate) && isRecord(raw.gate['pull-requests']) ? raw.gate['pull-requests'] : {};
  if (typeof selector.title === 'string') {
    try {
      new RegExp(selector.title);
    } catch (error) {
      problems.push({
        path: ['gate', 'pull-requests', 'title'],
        atKey: false,
        message: `gate.pull-requests.title is not a valid regular expression: ${(error as Error).message}.`,
      });
    }
  }
  if (checklist.end !== undefined && checklist.start === undefined) {
    problems.push({
      path: ['checklist', 'end'],
      atKey: true,
      message: 'checklist.end needs checklist.start.',
    });
  }
  const seenIds = new Map<string, number>();
  (Array.isArray(raw.items) ? raw.items : []).forEach((item, index) => {
    if (!isRecord(item)) return;
    const name = `items.${index}`;
    if (item.text === undefined && item.match === undefined && item.id === undefined) {
      problems.push({
        path: ['items', index],
        atKey: false,
        message: `${name} needs "text", "match" or "id" to find its task item.`,
      });
    }
    if (item.text !== undefined && item.match !== undefined) {
      problems.push({
        path: ['items', index, 'match'],
        atKey: true,
        message: `${name} takes either "text" or "match", not both.`,
      });
    }
    if (typeof item.match === 'string') {
      try {
        new RegExp(item.match, 'i');
      } catch (error) {
        problems.push({
          path: ['items', index, 'match'],
          atKey: false,
          message: `${name}.match is not a valid regular expression: ${(error as Error).message}.`,
        });
      }
    }
    for (const key of ['same-commit', 'workflows', 'closed-by'] as const)
      if (isRecord(item.evidence) && item.evidence[key] !== undefined && item.evidence.verify !== true) {
        problems.push({
          path: ['items', index, 'evidence', key],
          atKey: true,
          message: `${name}.evidence.${key} needs verify: true.`,
        });
      }
    if (
      isRecord(item.evidence) &&
      item.evidence.repositories !== undefined &&
      item.evidence['same-commit'] !== true
    ) {
      problems.push({
        path: ['items', index, 'evidence', 'repositories'],
        atKey: true,
        message: `${name}.evidence.repositories needs same-commit: true (it names whose runs prove the commit).`,
      });
    }
    const own = item['not-applicable'] as RawNotApplicable | undefined;
    if (
      own !== undefined &&
      ruleOf(own) === 'with-approval' &&
      approversOf(own) === undefined &&
      item.approvers === undefined &&
      approversOf(raw['not-applicable']) === undefined
    ) {
      problems.push({
        path: ['items', index, 'not-applicable'],
        atKey: true,
        message: `${name}.not-applicable: with-approval needs someone to approve: name them in the long form ({ rule: with-approval, approvers: [...] }) or in the item's approvers.`,
      });
    }
    if (typeof item.id === 'string') {
      const first = seenIds.get(item.id);
      if (first !== undefined) {
        problems.push({
          path: ['items', index, 'id'],
          atKey: false,
          message: `${name}.id "${item.id}" is already used by items.${first}; ids must be unique.`,
        });
      } else {
        seenIds.set(item.id, index);
      }
    }
  });
  return problems;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- narrows YAML data of any shape before its fields are read
function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ruleOf(raw: RawNotApplicable | undefined): NotApplicableRule['rule'] | undefined {
  return typeof raw === 'string' ? raw : raw?.rule;
}

function approversOf(raw: RawNotApplicable | undefined): string[] | undefined {
  return typeof raw === 'object' ? raw.approvers : undefined;
}

/**
 * An item's not-applicable rule: its own, else the policy's default. Who approves: the long form's
 * approvers, else the item's own approvers, else the default's.
 */
function notApplicableOf(
  own: RawNotApplicable | undefined,
  approvers: string[] | undefined,
  fallback: RawNotApplicable | undefined,
): NotApplicableRule {
  const rule = ruleOf(own) ?? ruleOf(fallback) ?? 'never';
  if (rule !== 'with-approval') return { rule, approvers: null };
  return { rule, approvers: approversOf(own) ?? approvers ?? approversOf(fallback) ?? null };
}

/** The policy the evaluator uses, every default filled in; `lineOf` gives the line of a node of `raw`. */
export function toPolicy(
  raw: RawPolicy,
  file: string,
  lineOf: (path: (string | number)[]) => number | null,
): Policy {
  const sections: SectionRule[] = (raw.sections ?? []).map((section, index) => ({
    heading: section.heading,
    require: section.require ?? 'all',
    when: section.when ?? null,
    line: lineOf(['sections', index]),
  }));
  const items: ItemRule[] = (raw.items ?? []).map((item, index) => {
    const evidence: EvidenceRule | null = item.evidence
      ? {
          min: item.evidence.min ?? 1,
          allow: item.evidence.allow ?? null,
          hint: item.evidence.hint ?? null,
          verify: item.evidence.verify ?? false,
          sameCommit: item.evidence['same-commit'] ?? false,
          repositories: (item.evidence.repositories ?? []).map((name) => name.toLowerCase()),
          workflows: item.evidence.workflows ?? null,
          closedBy: item.evidence['closed-by'] ?? null,
        }
      : null;
    return {
      id: item.id ?? null,
      text: item.text ?? null,
      match: item.match ?? null,
      section: item.section ?? null,
      required: item.required ?? true,
      evidence,
      approvers: item.approvers ?? null,
      notApplicable: notApplicableOf(item['not-applicable'], item.approvers, raw['not-applicable']),
      when: item.when ?? null,
      line: lineOf(['items', index]),
    };
  });
  return {
    source: { kind: 'file', path: file },
    gate: {
      branches: raw.gate?.branches ?? null,
      releases: raw.gate?.releases ?? true,
      pullRequests: toSelector(raw.gate?.['pull-requests']),
      ignoreAuthors: raw.gate?.['pull-requests']?.['ignore-authors'] ?? [],
    },
    checklist: {
      ...(raw.checklist?.heading !== undefined && { heading: raw.checklist.heading }),
      ...(raw.checklist?.start !== undefined && { start: raw.checklist.start }),
      ...(raw.checklist?.end !== undefined && { end: raw.checklist.end }),
      required: raw.checklist?.required ?? true,
    },
    unlisted: raw.unlisted ?? 'required',
    verification: { maxLinks: raw.verification?.['max-links'] ?? DEFAULT_MAX_VERIFIED_LINKS },
    notApplicable: notApplicableOf(raw['not-applicable'], undefined, undefined),
    emergency: emergencyOf(raw.emergency),
    policyOwners: raw['policy-owners'] ?? null,
    sections,
    items,
  };
}

function emergencyOf(raw: RawEmergency | undefined): EmergencyRule | null {
  if (raw === undefined || raw === 'never') return null;
  return { label: raw.label, approvers: raw.approvers, followUp: raw['follow-up'] ?? 'none' };
}

function toSelector(raw: NonNullable<RawPolicy['gate']>['pull-requests']): PullRequestSelector | null {
  // ignore-authors alone skips some authors, and gates every other pull request.
  if (raw === undefined || (raw['head-branches'] ?? raw.labels ?? raw.title) === undefined) return null;
  return {
    headBranches: raw['head-branches'] ?? null,
    labels: raw.labels ?? null,
    title: raw.title ?? null,
  };
}
