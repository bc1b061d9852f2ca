/** The server's configuration, from its environment. */
import { createPrivateKey } from 'node:crypto';
import { parseBaseReference } from '../policy/base-reference.js';

/** Where the organisation policy lives, in each installation's account, or nowhere. */
export type OrgPolicyLocation = { repo: string; path: string; ref: string | null } | null;

/** The server's configuration, read from the environment once at start. */
export interface ServerConfig {
  appId: number;
  /** PEM; read once, never written nor logged. */
  privateKey: string;
  webhookSecret: string;
  port: number;
  apiUrl: string;
  /** The host evidence links are verified on: github.com for api.github.com, the host for Enterprise Server. */
  serverHost: string;
  /** Minutes between two sweeps of one installation; 0: no sweep. */
  sweepIntervalMinutes: number;
  orgPolicy: OrgPolicyLocation;
  /** The name of the check run and the comment's marker. */
  checkName: string;
}

/** A variable that is missing or wrong: one line naming it and what it allows. */
export class ConfigError extends Error {}

export const DEFAULT_ORG_POLICY = '.github/.github/checklist-gate.yml';
const DEFAULT_SWEEP_MINUTES = 360;
const DEFAULT_PORT = 3000;

type Env = Record<string, string | undefined>;

/** Reads and checks every variable; `readKeyFile` reads PRIVATE_KEY_PATH (given, for tests). */
export function readServerConfig(env: Env, readKeyFile: (path: string) => string): ServerConfig {
  const appIdText = required(env, 'APP_ID');
  if (!/^\d+$/.test(appIdText))
    throw new ConfigError(`APP_ID is "${appIdText}"; it must be the App's numeric id`);
  const privateKey = readPrivateKey(env, readKeyFile);
  const webhookSecret = required(env, 'WEBHOOK_SECRET');
  const apiUrl = (env['GITHUB_API_URL']?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  let api: URL;
  try {
    api = new URL(apiUrl);
  } catch {
    throw new ConfigError(`GITHUB_API_URL is "${apiUrl}"; it must be a URL such as https://api.github.com`);
  }
  const checkName = env['CHECK_NAME']?.trim() || 'checklist-gate';
  if (checkName.includes('-->')) throw new ConfigError('CHECK_NAME must not contain "-->"');
  return {
    appId: Number(appIdText),
    privateKey,
    webhookSecret,
    port: wholeNumber(env, 'PORT', DEFAULT_PORT, 0, 65535),
    apiUrl,
    serverHost: api.host === 'api.github.com' ? 'github.com' : api.host,
    sweepIntervalMinutes: wholeNumber(env, 'SWEEP_INTERVAL', DEFAULT_SWEEP_MINUTES, 0, 7 * 24 * 60),
    orgPolicy: readOrgPolicy(env['ORG_POLICY']?.trim() || DEFAULT_ORG_POLICY),
    checkName,
  };
}

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set`);
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new ConfigError(`${name} is "${text}"; it must be a whole number from ${min} to ${max}`);
  return value;
}

/** PRIVATE_KEY (the PEM itself, newlines as "\n" allowed) or PRIVATE_KEY_PATH, never both. */
function readPrivateKey(env: Env, readKeyFile: (path: string) => string): string {
  // Not trimmed: a PEM ends with a newline.
  const inline = env['PRIVATE_KEY']?.trim() ? env['PRIVATE_KEY'] : undefined;
  const path = env['PRIVATE_KEY_PATH']?.trim();
  if (inline && path) throw new ConfigError('PRIVATE_KEY and PRIVATE_KEY_PATH are both set; set one');
  if (!inline && !path) throw new ConfigError('PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH)');
  let pem: string;
  if (inline) pem = inline.replace(/\\n/g, '\n');
  else {
    try {
      pem = readKeyFile(String(path));
    } catch (error) {
      throw new ConfigError(
        `PRIVATE_KEY_PATH names "${path}", which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  const name = inline ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
  try {
    // Checked now rather than at the first delivery; the message never quotes the key.
    createPrivateKey(pem);
  } catch {
    throw new ConfigError(`${name} is not a PEM private key (the .pem file GitHub gives for the App)`);
  }
  return pem;
}

/** `REPO/PATH[@REF]` in each installation's account, or `none`. */
function readOrgPolicy(text: string): OrgPolicyLocation {
  if (text === 'none') return null;
  const parsed = parseBaseReference(`owner/${text}`);
  if ('problem' in parsed)
    throw new ConfigError(
      `ORG_POLICY is "${text}"; it must be REPO/PATH or REPO/PATH@REF in the installation's account, such as ${DEFAULT_ORG_POLICY}, or none`,
    );
  return { repo: parsed.repo, path: parsed.path, ref: parsed.ref };
}
