// Starts the built App server (`node dist/cli/index.js serve`) as a child process, the way it is
// deployed, and sends it deliveries signed as GitHub signs them.
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { ACTION_NODE } from './run-action.js';

const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;

/**
 * @typedef {{ port: number, pid: number, url: string, stdout: () => string, stderr: () => string,
 *   deliver: (event: string, payload: unknown, options?: { id?: string, secret?: string, headers?: Record<string, string> }) => Promise<{ status: number, text: string, id: string }>,
 *   settled: (id: string, timeoutMs?: number) => Promise<string>, stop: () => Promise<number> }} RunningServer
 */

/** The X-Hub-Signature-256 GitHub sends with a body: HMAC-SHA256 under the webhook secret. */
export function signature(/** @type {string} */ body, /** @type {string} */ secret) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Runs `checklist-gate serve` with some arguments and the environment given, to its end. */
export function runServe(/** @type {string[]} */ args, /** @type {Record<string, string>} */ env) {
  return new Promise((resolve, reject) => {
    const child = spawn(ACTION_NODE, [CLI, 'serve', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Starts the server on a free port; resolves once it listens. `from`: another copy of the CLI
 * bundle to start, and the folder to start it in (the image test's copy of what the image holds).
 * @returns {Promise<RunningServer>}
 */
export async function startServer(
  /** @type {Record<string, string>} */ env,
  /** @type {{ cli?: string, cwd?: string }} */ from = {},
) {
  const child = spawn(ACTION_NODE, [from.cli ?? CLI, 'serve'], {
    cwd: from.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      SWEEP_INTERVAL: '0',
      CHECKLIST_GATE_RETRY_BASE_MS: '20',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const port = await new Promise((resolve, reject) => {
    const started = Date.now();
    const look = setInterval(() => {
      const match = /listening on port (\d+)/.exec(stdout);
      if (match) {
        clearInterval(look);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null || Date.now() - started > 20_000) {
        clearInterval(look);
        reject(new Error(`the server did not start: ${stderr}`));
      }
    }, 20);
  });
  const url = `http://127.0.0.1:${port}`;
  const secret = env.WEBHOOK_SECRET ?? '';
  return {
    port: /** @type {number} */ (port),
    pid: child.pid ?? 0,
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    async deliver(event, payload, options = {}) {
      const body = JSON.stringify(payload);
      const id = options.id ?? randomUUID();
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': id,
          'x-hub-signature-256': signature(body, options.secret ?? secret),
          ...options.headers,
        },
        body,
      });
      return { status: response.status, text: await response.text(), id };
    },
    /** Waits for the log line that says how a delivery ended; returns it. */
    async settled(id, timeoutMs = 30_000) {
      const started = Date.now();
      for (;;) {
        const line = `${stdout}\n${stderr}`.split('\n').find((each) => each.includes(`delivery ${id} `));
        if (line) return line;
        if (Date.now() - started > timeoutMs) throw new Error(`delivery ${id} did not settle: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      child.kill('SIGTERM');
      return /** @type {number} */ (await exited);
    },
  };
}
