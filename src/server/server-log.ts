/** The server's log lines. */
import type { GateLog } from '../gate/settings.js';

/** What the server writes to: standard output and error in production, arrays in tests. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

export interface ServerLog extends GateLog {
  error(message: string): void;
}

/** Tokens GitHub hands out (ghs_, ghp_, gho_, ghu_, github_pat_), JSON web tokens, PEM blocks. */
const CREDENTIALS = [
  /\bgh[opsur]_[A-Za-z0-9_]{16,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\beyJ[\w-]*\.[\w-]+\.[\w-]+/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/**
 * One line per message, each with its time and level. The server never logs a secret on purpose;
 * this is the second guard: the configured secrets and anything shaped like a token or key are
 * replaced, whatever an error message from a library may carry.
 */
export function createServerLog(sink: LogSink, secrets: string[]): ServerLog {
  const known = secrets.filter((secret) => secret.length >= 4);
  const clean = (message: string) => {
    let line = message.replace(/\s*\n\s*/g, ' ');
    for (const secret of known) line = line.split(secret).join('[redacted]');
    for (const pattern of CREDENTIALS) line = line.replace(pattern, '[redacted]');
    return line;
  };
  const write = (level: string, message: string, to: 'out' | 'err') =>
    sink[to](`${new Date().toISOString()} ${level} ${clean(message)}\n`);
  return {
    info: (message) => write('info', message, 'out'),
    warning: (message) => write('warning', message, 'err'),
    error: (message) => write('error', message, 'err'),
  };
}
