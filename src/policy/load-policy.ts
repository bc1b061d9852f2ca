/** A policy file read and validated: its YAML, the schema's errors with line and column, and the policy it gives. */
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Policy, PolicyError } from './policy.js';
import { semanticProblems } from './semantic-problems.js';
import { toPolicy } from './to-policy.js';
import { describeSchemaErrors, type DescribedError } from './schema-errors.js';
import type { RawPolicy } from './generated/raw-policy.js';
import { validate } from './generated/validate-policy.js';
import { yamlErrorMessage } from './yaml-errors.js';

export type PolicyLoad = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

export type { RawEmergency, RawNotApplicable, RawPolicy } from './raw-policy.js';

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

export { toPolicy } from './to-policy.js';
