// @ts-check
// Runs the committed CLI bundle's `audit` as a child process against a loopback API.
import { spawn } from 'node:child_process';

const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;

/**
 * @param {string} apiUrl
 * @param {string[]} args
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function runAudit(apiUrl, args) {
  const child = spawn(process.execPath, [CLI, 'audit', '--api-url', apiUrl, ...args], {
    env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'audit-token' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
