/** The policy file the CLI reads, and the bases it extends. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { baseReader } from '../github/base-policy.js';
import { baseLabel, type BaseReference } from '../policy/base-reference.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';
import { readFailure } from '../read/read-failure.js';
import type { CliIO } from './cli-io.js';
import { addBaseOptions, type CommandContext } from './program.js';
import { createRestClient, restSettings, type RestClient } from './rest-client.js';
import { UsageError } from './usage-error.js';

/** How the CLI reads the bases a policy extends: files given on the command line, or the API. */
export interface BaseOptions {
  /** --base-policy files, nearest base first. */
  basePolicies: string[];
  /** --api-url */
  apiUrl: string | undefined;
}

export function baseOptions(values: { basePolicy?: string[]; apiUrl?: string | undefined }): BaseOptions {
  return { basePolicies: values.basePolicy ?? [], apiUrl: values.apiUrl };
}

/** A policy read from files: the load, and the text of each file read, for showing a line in an error. */
export type PolicyRead = PolicyLoad & { texts: Record<string, string> };

/**
 * Reads a file the command was given, or fails with one line naming the file and the reason
 * ("cannot read the description pr.md: no such file (ENOENT)").
 */
export async function readText(io: CliIO, path: string, what: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    throw new Error(
      `cannot read ${what} ${path === '-' ? 'from standard input' : path}: ${readFailure(error)}`,
      { cause: error },
    );
  }
}

/**
 * Reads and loads a policy file with the bases it extends; an unreadable file is a policy error
 * like any other.
 */
export async function readPolicy(
  io: CliIO,
  path: string,
  bases?: BaseOptions,
  name = path,
): Promise<PolicyRead> {
  const texts: Record<string, string> = {};
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    const message = `cannot read the policy: ${readFailure(error)}`;
    return { ok: false, errors: [{ file: name, line: null, column: null, message }], texts };
  }
  texts[name] = text;
  const offline = bases?.basePolicies ?? [];
  const settings = offline.length > 0 ? null : restSettings(io.env ?? {}, bases?.apiUrl);
  const client =
    settings === null
      ? null
      : createRestClient(settings, (message) => io.err(`checklist-gate: ${message}\n`));
  // Neither a copy nor a token: the load says which base cannot be read, and how to give it.
  const source =
    offline.length === 0 && client === null
      ? { readBase: null, access: offlineAccess }
      : baseSource(io, offline, client, texts);
  return { ...(await resolvePolicy(text, name, source)), texts };
}

/** Where the bases come from: the --base-policy files when given, else the API through the client. */
export function baseSource(
  io: CliIO,
  basePolicies: string[],
  client: RestClient | null,
  texts: Record<string, string> = {},
): { readBase: ReadBase; access: (base: BaseReference) => string } {
  if (basePolicies.length > 0 || client === null)
    return { readBase: fileReader(io, basePolicies, texts), access: offlineAccess };
  return { readBase: baseReader(client), access: tokenAccess };
}

/** --base-policy files in place of the bases: the first for the policy's own base, the next for that one's, and so on. */
function fileReader(io: CliIO, files: string[], texts: Record<string, string>): ReadBase {
  let next = 0;
  return async (base) => {
    const file = files[next++];
    if (file === undefined)
      throw new UsageError(
        `the policy chain also extends ${baseLabel(base)}; give one --base-policy <file> for each level (${files.length} given)`,
      );
    try {
      const text = await io.readText(file);
      texts[file] = text;
      return { ok: true, text, file };
    } catch (error) {
      throw new Error(`cannot read --base-policy ${file}: ${readFailure(error)}`, { cause: error });
    }
  };
}

function offlineAccess(base: BaseReference): string {
  return `pass a copy of it with --base-policy <file>, or set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on ${base.owner}/${base.repo} to read it through the API.`;
}

function tokenAccess(base: BaseReference): string {
  return `The CLI reads it with $GITHUB_TOKEN (or $GH_TOKEN): give that token contents: read on ${base.owner}/${base.repo}, check the path and ref, or pass a copy with --base-policy <file>.`;
}

/**
 * Each error as file:line:column and its message; a YAML syntax error also shows its line with a
 * caret under the column, when the file's text is at hand.
 */
export function formatPolicyErrors(
  errors: { file: string | null; line: number | null; column: number | null; message: string }[],
  texts: Record<string, string> = {},
): string {
  return errors
    .map((error) => {
      const place = [error.file, error.line, error.column].filter((part) => part !== null).join(':');
      const text = error.file !== null ? texts[error.file] : undefined;
      const excerpt =
        text !== undefined && error.line !== null && error.message.startsWith('not valid YAML')
          ? caretExcerpt(text, error.line, error.column ?? 1)
          : '';
      return `${place}: ${error.message}\n${excerpt}`;
    })
    .join('');
}

/** "   4 |    - text: b" and a caret under the column. */
function caretExcerpt(text: string, line: number, column: number): string {
  const source = text.split(/\r?\n/)[line - 1];
  if (source === undefined) return '';
  const gutter = `${String(line).padStart(4)} | `;
  // Tabs kept, so that the caret lines up under them.
  const lead = source.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `${gutter}${source}\n${' '.repeat(gutter.length - 2)}| ${lead}^\n`;
}

/** The options validate and template share: --policy (default the repository's policy) and the bases'. */
export function addPolicyOptions(command: Command): Command {
  return addBaseOptions(command.option('--policy <file>', 'the policy', DEFAULT_POLICY_PATH));
}

/** The policy named by those options, read with its bases; or its errors printed and null. */
export async function policyFromOptions(
  values: { policy: string; basePolicy?: string[]; apiUrl?: string },
  { io }: CommandContext,
): Promise<{ path: string; policy: Policy } | null> {
  // The repository's policy is at the top of the repository, wherever in it the command runs.
  const root = values.policy === DEFAULT_POLICY_PATH ? ((await io.files?.gitRoot()) ?? null) : null;
  const path = root !== null ? join(root, DEFAULT_POLICY_PATH) : values.policy;
  const loaded = await readPolicy(io, path, baseOptions(values), values.policy);
  if (loaded.ok) return { path: values.policy, policy: loaded.policy };
  io.err(formatPolicyErrors(loaded.errors, loaded.texts));
  return null;
}
