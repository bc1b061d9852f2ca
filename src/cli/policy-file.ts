import { baseReader } from '../github/base-policy.js';
import { baseLabel, type BaseReference } from '../policy/base-reference.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.js';
import { parseArgs } from 'node:util';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';
import type { CliIO } from './cli-io.js';
import { createRestClient, restSettings, type RestClient } from './rest-client.js';
import { UsageError } from './usage.js';

/** Where a repository keeps its policy: what validate and template read without --policy. */
export const DEFAULT_POLICY_PATH = '.github/checklist-gate.yml';

/** How the CLI reads the bases a policy extends: files given on the command line, or the API. */
export interface BaseOptions {
  /** --base-policy files, nearest base first. */
  basePolicies: string[];
  /** --api-url */
  apiUrl: string | undefined;
}

/** The parseArgs options every command that reads a policy takes. */
export const BASE_ARGS = {
  'base-policy': { type: 'string' as const, multiple: true as const, default: [] as string[] },
  'api-url': { type: 'string' as const },
};

export function baseOptions(values: {
  'base-policy': string[];
  'api-url'?: string | undefined;
}): BaseOptions {
  return { basePolicies: values['base-policy'], apiUrl: values['api-url'] };
}

/**
 * Reads and loads a policy file with the bases it extends; an unreadable file is a policy error
 * like any other.
 */
export async function readPolicy(io: CliIO, path: string, bases?: BaseOptions): Promise<PolicyLoad> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          file: path,
          line: null,
          column: null,
          message: `cannot read the policy: ${(error as Error).message}`,
        },
      ],
    };
  }
  const offline = bases?.basePolicies ?? [];
  if (offline.length > 0) return resolvePolicy(text, path, baseSource(io, offline, null));
  const settings = restSettings(io.env ?? {}, bases?.apiUrl);
  if (settings === null) return resolvePolicy(text, path, { readBase: null, access: offlineAccess });
  const client = createRestClient(settings, (message) => io.err(`checklist-gate: ${message}\n`));
  return resolvePolicy(text, path, baseSource(io, offline, client));
}

/** Where the bases come from: the --base-policy files when given, else the API through the client. */
export function baseSource(
  io: CliIO,
  basePolicies: string[],
  client: RestClient | null,
): { readBase: ReadBase; access: (base: BaseReference) => string } {
  if (basePolicies.length > 0 || client === null)
    return { readBase: fileReader(io, basePolicies), access: offlineAccess };
  return { readBase: baseReader(client), access: tokenAccess };
}

/** --base-policy files in place of the bases: the first for the policy's own base, the next for that one's, and so on. */
function fileReader(io: CliIO, files: string[]): ReadBase {
  let next = 0;
  return async (base) => {
    const file = files[next++];
    if (file === undefined)
      throw new UsageError(
        `the policy chain also extends ${baseLabel(base)}; give one --base-policy <file> for each level (${files.length} given)`,
      );
    try {
      return { ok: true, text: await io.readText(file), file };
    } catch (error) {
      throw new UsageError(`cannot read --base-policy ${file}: ${(error as Error).message}`);
    }
  };
}

function offlineAccess(base: BaseReference): string {
  return `pass a copy of it with --base-policy <file>, or set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on ${base.owner}/${base.repo} to read it through the API.`;
}

function tokenAccess(base: BaseReference): string {
  return `The CLI reads it with $GITHUB_TOKEN (or $GH_TOKEN): give that token contents: read on ${base.owner}/${base.repo}, check the path and ref, or pass a copy with --base-policy <file>.`;
}

export function formatPolicyErrors(
  errors: { file: string | null; line: number | null; column: number | null; message: string }[],
): string {
  return errors
    .map(
      (error) =>
        `${[error.file, error.line, error.column].filter((part) => part !== null).join(':')}: ${error.message}\n`,
    )
    .join('');
}

/**
 * What validate and template share: `--policy` (default the repository's policy) and the base
 * options, the policy read with its bases, or its errors printed and null.
 */
export async function policyFromArgs(
  args: string[],
  io: CliIO,
): Promise<{ path: string; policy: Policy } | null> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { policy: { type: 'string', default: DEFAULT_POLICY_PATH }, ...BASE_ARGS },
  });
  const loaded = await readPolicy(io, values.policy, baseOptions(values));
  if (loaded.ok) return { path: values.policy, policy: loaded.policy };
  io.err(formatPolicyErrors(loaded.errors));
  return null;
}
