import { baseLabel, parseBaseReference, sameBase, type BaseReference } from './base-reference.js';
import { loadPolicyFile, toPolicy, type Place, type PolicyFile, type PolicyLoad } from './load-policy.js';
import { layerOver, singleLayer } from './policy-locks.js';
import type { PolicyError } from './policy.js';
import { gitBlobSha } from './file-hash.js';

/** How many bases one policy may build on, one extending the next. */
export const MAX_BASES = 3;

/**
 * A base policy's text, or why it could not be read (the API's status: 404, 403 or 401). `file`
 * names a local copy that stands in for the base, for messages.
 */
export type BaseAnswer = { ok: true; text: string; file?: string } | { ok: false; status: number };

export type ReadBase = (base: BaseReference) => Promise<BaseAnswer>;

export interface ResolveOptions {
  /** Reads a base policy; null where there is no way to (the CLI offline, without --base-policy). */
  readBase: ReadBase | null;
  /** What would let the reader read a base it could not: the token and the permission, in words. */
  access: (base: BaseReference) => string;
}

/**
 * Loads a policy and the chain of bases it extends, and lays each file over its base: the result
 * is one policy, or every error with its file, line and column. A base that cannot be read or
 * is invalid fails the whole policy; there is no weaker policy to fall back to.
 */
export async function resolvePolicy(
  text: string,
  file: string,
  options: ResolveOptions,
): Promise<PolicyLoad> {
  const first = loadPolicyFile(text, file);
  if (!first.ok) return first;
  const files: PolicyFile[] = [first.policyFile];
  const read = [{ file, blob: gitBlobSha(text) }];
  const bases: BaseReference[] = [];
  for (let current = first.policyFile; current.raw.extends !== undefined;) {
    const at = current.place(['extends'], false);
    const base = parseBaseReference(current.raw.extends);
    // The schema and loadPolicyFile have checked the form already.
    if ('problem' in base) return failure(at, `extends ${base.problem}.`);
    const label = baseLabel(base);
    const chain = [file, ...bases.map(baseLabel), label].join(' → ');
    if (bases.some((earlier) => sameBase(earlier, base)))
      return failure(
        at,
        `extends ${label}, which closes a cycle: ${chain}. A policy cannot build on itself.`,
      );
    if (bases.length >= MAX_BASES)
      return failure(
        at,
        `extends ${label}, a base more than ${MAX_BASES} levels deep: ${chain}. A policy builds on at most ${MAX_BASES} bases, one extending the next.`,
      );
    if (options.readBase === null)
      return failure(at, `extends ${label}, which cannot be read here: ${options.access(base)}`);
    const answer = await options.readBase(base);
    if (!answer.ok) return failure(at, unreadable(base, answer.status, options.access(base)));
    const loaded = loadPolicyFile(answer.text, answer.file ?? label);
    if (!loaded.ok) {
      const count = `${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'}`;
      return {
        ok: false,
        errors: [
          {
            ...at,
            message: `extends ${label}, which has ${count} (listed after this one); fix the base policy there.`,
          },
          ...loaded.errors,
        ],
      };
    }
    bases.push(base);
    files.push(loaded.policyFile);
    read.push({ file: label, blob: gitBlobSha(answer.text) });
    current = loaded.policyFile;
  }
  // Fold from the deepest base up, so that each file meets its base with that base's own bases in it.
  let layered = singleLayer(files[files.length - 1] as PolicyFile);
  for (let index = files.length - 2; index >= 0; index--) {
    const result = layerOver(layered, files[index] as PolicyFile);
    if (!result.ok) return result;
    layered = result.layered;
  }
  const lineOf = (path: (string | number)[]) =>
    (path[0] === 'items' ? layered.itemLines : layered.sectionLines)[path[1] as number] ?? null;
  const policy = toPolicy(layered.raw, file, lineOf);
  if (layered.gatesDefault) policy.gate.alsoDefault = true;
  policy.read = read;
  if (files.length > 1) {
    policy.bases = files.slice(1).map((policyFile) => policyFile.file);
    policy.items.forEach((item, index) => (item.from = layered.itemFrom[index] ?? [file]));
  }
  return { ok: true, policy };
}

function failure(at: Place, message: string): { ok: false; errors: PolicyError[] } {
  return { ok: false, errors: [{ ...at, message }] };
}

function unreadable(base: BaseReference, status: number, access: string): string {
  const ref = base.ref === null ? 'its default branch' : `ref ${base.ref}`;
  const answer =
    status === 404
      ? 'GitHub answered 404 (not found: the file or ref does not exist, or the token cannot see the repository)'
      : `GitHub answered ${status} (the token may not read it)`;
  return `cannot read the base policy ${baseLabel(base)}: repository ${base.owner}/${base.repo}, path ${base.path}, ${ref}. ${answer}. ${access} The gate does not fall back to a weaker policy.`;
}
