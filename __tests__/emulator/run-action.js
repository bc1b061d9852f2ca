// @ts-check
// Runs the committed bundle dist/index.js as a child process, the way a GitHub runner does.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWebhook } from './openapi-conformance.js';

const BUNDLE = new URL('../../dist/index.js', import.meta.url);
/** The Node that starts the bundle: CHECKLIST_GATE_NODE (such as a Node 24 binary, as .ci/run sets), or this one. */
export const ACTION_NODE = process.env.CHECKLIST_GATE_NODE || process.execPath;

/**
 * @param {{ apiUrl: string, eventName: string, payload: unknown, inputs?: Record<string, string>,
 *   repository?: string, sha?: string, env?: Record<string, string>,
 *   node?: string, bundle?: string }} options (node and bundle: another Node, another build, for the benchmark)
 * @returns {Promise<{ code: number, stdout: string, stderr: string, outputs: Record<string, string>, summary: string, ms: number }>}
 */
export async function runAction(options) {
  // The payload is held to GitHub's webhook schema for its event, as a runner would receive it.
  checkWebhook(options.eventName, options.payload);
  const dir = mkdtempSync(join(tmpdir(), 'checklist-gate-run-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = { token: 'test-token', ...options.inputs };
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? 'Codertocat/Hello-World',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: options.sha ?? 'f'.repeat(40),
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    CHECKLIST_GATE_RETRY_BASE_MS: '20',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };
  const started = Date.now();
  const node = options.node ?? ACTION_NODE;
  try {
    const child = spawn(node, [options.bundle ?? BUNDLE.pathname], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve, reject) => {
      child.on('error', (error) => reject(new Error(`cannot start ${node}: ${error.message}`)));
      child.on('close', (exitCode) => resolve(exitCode ?? -1));
    });
    return {
      code: /** @type {number} */ (code),
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      ms: Date.now() - started,
    };
  } finally {
    // The runner's files are read; nothing of the run is left in the temporary folder.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the name<<delimiter blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(/** @type {string} */ text) {
  /** @type {Record<string, string>} */
  const outputs = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value = [];
    for (index++; index < lines.length && lines[index] !== delimiter; index++) value.push(lines[index]);
    outputs[/** @type {string} */ (name)] = value.join('\n');
  }
  return outputs;
}
