import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';

let emulator: GitHubEmulator;

async function setUp(policy = POLICY): Promise<string> {
  emulator = new GitHubEmulator(gatedPullRequest(policy, { body: COMPLETE }));
  return emulator.start();
}

stopAfterEach(() => emulator);

const run = (apiUrl: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('edited', COMPLETE), ...extra });

describe('the action on the toolkit', () => {
  it('puts each policy error on the run page as an annotation on its file and line', async () => {
    const apiUrl = await setUp(
      'version: 1\ngate:\n  branches: [master]\nitems:\n  - text: 42\n    colour: red\n',
    );
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    const annotations = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error title=checklist-gate%3A policy error,'));
    expect(annotations.length).toBeGreaterThanOrEqual(2);
    for (const annotation of annotations) {
      expect(annotation).toMatch(
        /^::error title=[^,]+,file=\.github\/checklist-gate\.yml,line=\d+,col=\d+::\S/,
      );
    }
    expect(annotations.some((annotation) => annotation.includes('line=6,'))).toBe(true);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
  });

  it('fails on a malformed boolean input, naming it and the values allowed, and sends nothing', async () => {
    const apiUrl = await setUp();
    const result = await run(apiUrl, { inputs: { 'fail-job': 'yes' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::checklist-gate could not evaluate the checklist, so the gate fails: input "fail-job" is "yes"; allowed: true, True, TRUE, false, False, FALSE',
    );
    expect(emulator.requests).toHaveLength(0);
  });

  it('accepts the boolean spellings of YAML 1.2', async () => {
    const apiUrl = await setUp();
    emulator.editBody(2, '- [ ] Tests pass\n', '2026-11-20T10:05:00Z');
    const result = await run(apiUrl, { inputs: { 'fail-job': 'FALSE' } });
    expect(result.code).toBe(0);
    expect(result.outputs['result']).toBe('fail');
  });
});

describe('the action behind a proxy', () => {
  let proxy: ReturnType<typeof createProxy>;
  let proxyUrl: string;
  let tunnels: string[];

  beforeEach(async () => {
    tunnels = [];
    proxy = createProxy(createServer());
    proxy.on('connect', (request: { url?: string }) => tunnels.push(request.url ?? ''));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  // Loopback names are never proxied (as @actions/http-client decides), so the emulator is named
  // 0.0.0.0: Linux connects that to this machine, and the proxy rules do not exempt it.
  const mapped = (apiUrl: string) => apiUrl.replace('127.0.0.1', '0.0.0.0');

  it('sends every request through the CONNECT proxy that HTTP_PROXY names', async () => {
    const apiUrl = mapped(await setUp());
    const result = await run(apiUrl, { env: { HTTP_PROXY: proxyUrl } });
    expect(result.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
    expect(emulator.requests.length).toBeGreaterThanOrEqual(4);
    expect(tunnels).toHaveLength(emulator.requests.length);
    expect(new Set(tunnels)).toEqual(new Set([new URL(apiUrl).host]));
  });

  it('reads the lower-case variable too, and passes the token only to GitHub', async () => {
    const apiUrl = mapped(await setUp());
    const result = await run(apiUrl, { env: { http_proxy: proxyUrl } });
    expect(result.code).toBe(0);
    expect(tunnels.length).toBeGreaterThanOrEqual(4);
    expect(emulator.requests.every((request) => request.token === 'test-token')).toBe(true);
  });

  it('goes direct to a host that NO_PROXY names', async () => {
    const apiUrl = mapped(await setUp());
    const result = await run(apiUrl, {
      env: { HTTP_PROXY: proxyUrl, NO_PROXY: `example.com, ${new URL(apiUrl).hostname}` },
    });
    expect(result.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
    expect(tunnels).toEqual([]);
  });

  it('fails closed when the proxy refuses', async () => {
    proxy.authenticate = () => false;
    const apiUrl = mapped(await setUp());
    const result = await run(apiUrl, { env: { HTTP_PROXY: proxyUrl } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::checklist-gate could not evaluate the checklist');
    expect(emulator.requests).toHaveLength(0);
    expect(tunnels.length).toBeGreaterThanOrEqual(1);
  });
});
