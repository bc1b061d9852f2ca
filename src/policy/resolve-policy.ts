/** A policy with its bases read and laid under it: `extends`, then the organisation policy. */
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
  /**
   * The organisation's policy, laid under the policy whether or not it extends it, with the same
   * locks; it stands alone when the repository has no policy file (text null).
   */
  orgPolicy?: BaseReference | null;
}

/** A policy file and the chain of files it extends, read but not yet laid over one another. */
interface Chain {
  files: PolicyFile[];
  read: { file: string; blob: string }[];
  bases: BaseReference[];
}

type Failed = { ok: false; errors: PolicyError[] };

/**
 * Loads a policy and the chain of bases it extends, and lays each file over its base: the result
 * is one policy, or every error with its file, line and column. A base that cannot be read or
 * is invalid fails the whole policy; there is no weaker policy to fall back to. With an
 * organisation policy, the whole chain is laid over it (and its own bases) as over one more base.
 */
export async function resolvePolicy(text: string, file: string, options: ResolveOptions): Promise<PolicyLoad>;
export async function resolvePolicy(
  text: string | null,
  file: string,
  options: ResolveOptions & { orgPolicy: BaseReference },
): Promise<PolicyLoad>;
export async function resolvePolicy(
  text: string | null,
  file: string,
  options: ResolveOptions,
): Promise<PolicyLoad> {
  const org = options.orgPolicy ?? null;
  const local = text === null ? null : await readChain(text, file, [], options);
  if (local !== null && !local.ok) return local;
  // A repository that extends the organisation policy itself has it in force already.
  const orgChain =
    org === null || local?.chain.bases.some((base) => sameBase(base, org))
      ? null
      : await readOrgChain(org, local === null ? null : file, options);
  if (orgChain !== null && !orgChain.ok) return orgChain;
  // Nearest first: the repository's file and its bases, then the organisation policy and its bases.
  const files = [...(local?.chain.files ?? []), ...(orgChain?.chain.files ?? [])];
  const chains = [local?.chain, orgChain?.chain].filter((chain) => chain !== undefined);
  const top = files[0];
  if (top === undefined) throw new Error('resolvePolicy needs a policy file or an organisation policy');
  // Fold from the deepest base up, so that each file meets its base with that base's own bases in it.
  let layered = singleLayer(files[files.length - 1] ?? top);
  for (let index = files.length - 2; index >= 0; index--) {
    const result = layerOver(layered, files[index] as PolicyFile);
    if (!result.ok) return result;
    layered = result.layered;
  }
  const lineOf = (path: (string | number)[]) =>
    (path[0] === 'items' ? layered.itemLines : layered.sectionLines)[path[1] as number] ?? null;
  const policy = toPolicy(layered.raw, top.file, lineOf);
  if (layered.gatesDefault) policy.gate.alsoDefault = true;
  policy.read = chains.flatMap((chain) => chain.read);
  if (org !== null) policy.organisation = baseLabel(org);
  if (files.length > 1 || org !== null) {
    if (files.length > 1) policy.bases = files.slice(1).map((policyFile) => policyFile.file);
    policy.items.forEach((item, index) => (item.from = layered.itemFrom[index] ?? [top.file]));
  }
  return { ok: true, policy };
}

/** The organisation policy and its bases; unreadable, the error names it and what would let the gate read it. */
async function readOrgChain(
  org: BaseReference,
  localFile: string | null,
  options: ResolveOptions,
): Promise<{ ok: true; chain: Chain } | Failed> {
  const label = baseLabel(org);
  // Blamed on the local file when there is one (it is what the organisation policy is laid under).
  const at: Place = { file: localFile ?? label, line: null, column: null };
  const under =
    localFile === null
      ? 'which applies to this repository, which has no policy file'
      : `which ${localFile} is laid over`;
  if (options.readBase === null)
    return failure(
      at,
      `the organisation policy ${label}, ${under}, cannot be read here: ${options.access(org)}`,
    );
  const answer = await options.readBase(org);
  if (!answer.ok)
    return failure(at, unreadable(org, answer.status, options.access(org), 'the organisation policy'));
  const chain = await readChain(answer.text, answer.file ?? label, [org], options);
  if (!chain.ok && localFile !== null) {
    const count = `${chain.errors.length} error${chain.errors.length === 1 ? '' : 's'}`;
    return {
      ok: false,
      errors: [
        {
          ...at,
          message: `the organisation policy ${label}, ${under}, has ${count} (listed after this one); fix it there.`,
        },
        ...chain.errors,
      ],
    };
  }
  return chain;
}

/** Reads a policy file and every base it extends, nearest first; `seen` are bases already in the chain. */
async function readChain(
  text: string,
  file: string,
  seen: BaseReference[],
  options: ResolveOptions,
): Promise<{ ok: true; chain: Chain } | Failed> {
  const first = loadPolicyFile(text, file);
  if (!first.ok) return first;
  const files: PolicyFile[] = [first.policyFile];
  const read = [{ file, blob: gitBlobSha(text) }];
  const bases: BaseReference[] = [...seen];
  for (let current = first.policyFile; current.raw.extends !== undefined;) {
    const at = current.place(['extends'], false);
    const base = parseBaseReference(current.raw.extends);
    // The schema and loadPolicyFile have checked the form already.
    if ('problem' in base) return failure(at, `extends ${base.problem}.`);
    const label = baseLabel(base);
    const chain = [file, ...bases.slice(seen.length).map(baseLabel), label].join(' → ');
    if (bases.some((earlier) => sameBase(earlier, base)))
      return failure(
        at,
        `extends ${label}, which closes a cycle: ${chain}. A policy cannot build on itself.`,
      );
    if (bases.length - seen.length >= MAX_BASES)
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
  return { ok: true, chain: { files, read, bases: bases.slice(seen.length) } };
}

function failure(at: Place, message: string): Failed {
  return { ok: false, errors: [{ ...at, message }] };
}

function unreadable(base: BaseReference, status: number, access: string, what = 'the base policy'): string {
  const ref = base.ref === null ? 'its default branch' : `ref ${base.ref}`;
  const answer =
    status === 404
      ? 'GitHub answered 404 (not found: the file or ref does not exist, or the token cannot see the repository)'
      : `GitHub answered ${status} (the token may not read it)`;
  return `cannot read ${what} ${baseLabel(base)}: repository ${base.owner}/${base.repo}, path ${base.path}, ${ref}. ${answer}. ${access} The gate does not fall back to a weaker policy.`;
}
