import { request } from 'node:http';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { checkWebhook } from './emulator/openapi-conformance.js';
import { runServe, startServer, type RunningServer } from './emulator/run-server.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { appKeyPair } from './emulator/app-key.js';

// The App server, built and started as it is deployed (`checklist-gate serve`), against the
// emulator's App endpoints: deliveries signed with the webhook secret, installation tokens
// obtained with a JWT signed by a key pair made for this run.

const { publicKey, privateKey } = appKeyPair();
const SECRET = 'test-webhook-secret';
const INSTALLATION = 31;
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';

let emulator: GitHubEmulator;
let server: RunningServer | null = null;

/** The organisation's policy, in its .github repository: where the server looks by default. */
const ORG_POLICY = 'version: 1\ngate:\n  branches: [master]\n';

async function setUp(
  body = INCOMPLETE,
  files: Record<string, string> = { '.github/checklist-gate.yml': POLICY },
  env: Record<string, string> = {},
): Promise<RunningServer> {
  emulator = new GitHubEmulator({
    files: { master: files },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body, updatedAt: '2026-11-20T10:00:00Z' }],
    app: {
      id: 4242,
      slug: 'checklist-gate',
      publicKey,
      installations: [{ id: INSTALLATION, account: 'Codertocat', repositories: ['Hello-World', '.github'] }],
    },
    repositories: { 'Codertocat/.github': { files: { main: { '.github/checklist-gate.yml': ORG_POLICY } } } },
  });
  const apiUrl = await emulator.start();
  server = await startServer({
    APP_ID: '4242',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GITHUB_API_URL: apiUrl,
    ...env,
  });
  return server;
}

afterEach(async () => {
  if (server) {
    const log = server.stdout() + server.stderr();
    // Neither the key, the secret, nor a token handed out is ever logged.
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('PRIVATE KEY');
    for (const token of emulator.app?.tokens.keys() ?? []) expect(log).not.toContain(token);
    expect(await server.stop()).toBe(0);
  }
  server = null;
  await emulator?.stop();
});

/** An event of pull request #2 as the App receives it: its installation named. */
function edited(body: string, from: string): Record<string, any> {
  const payload = pullRequestEvent('edited', body, { from, sender: 'Codertocat' });
  payload['installation'] = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMzE=' };
  checkWebhook('pull_request', payload);
  return payload;
}

const appRuns = () =>
  emulator.checkRuns.filter((run) => (run as { app?: { slug: string } }).app?.slug === 'checklist-gate');

describe('checklist-gate serve', () => {
  it('fails an incomplete checklist with a check run by the App and one comment; the ticks turn it green', async () => {
    const running = await setUp();
    const first = await running.deliver('pull_request', edited(INCOMPLETE, ''));
    expect(first.status).toBe(202);
    expect(await running.settled(first.id)).toContain('fail');
    expect(appRuns()).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'failure' }]);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.statuses).toEqual([]);

    emulator.editBody(2, COMPLETE, '2026-11-20T10:05:00Z');
    const second = await running.deliver('pull_request', edited(COMPLETE, INCOMPLETE));
    expect(await running.settled(second.id)).toContain('pass');
    expect(appRuns().at(-1)).toMatchObject({ conclusion: 'success' });
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('sweeps every repository of the installation one interval after start, on its own timer', async () => {
    // No event at all: the checklist was edited while the server was down.
    const running = await setUp(INCOMPLETE, undefined, { CHECKLIST_GATE_SWEEP_INTERVAL_MS: '1500' });
    expect(emulator.requests).toEqual([]);
    const started = Date.now();
    const swept = () => appRuns().length > 0 && emulator.gateComments(2).length > 0;
    while (!swept() && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 50));
    // The first sweep waits one interval: nothing is read at start.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(running.stdout()).toMatch(/periodic sweep: 2 repositories in 1 installations/);
    // Later rounds may have begun: each finds the same verdict.
    expect(appRuns()[0]).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
    expect(appRuns().every((run) => (run as { conclusion?: string }).conclusion === 'failure')).toBe(true);
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('refuses a delivery whose signature does not verify (401) and reads nothing', async () => {
    const running = await setUp();
    const forged = await running.deliver('pull_request', edited(INCOMPLETE, ''), {
      secret: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
    const unsigned = await running.deliver('pull_request', edited(INCOMPLETE, ''), {
      headers: { 'x-hub-signature-256': '' },
    });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.requests).toEqual([]);
  });

  it('makes no request for a redelivered event (the same delivery id)', async () => {
    const running = await setUp();
    const first = await running.deliver('pull_request', edited(INCOMPLETE, ''));
    await running.settled(first.id);
    const before = emulator.requests.length;
    const again = await running.deliver('pull_request', edited(INCOMPLETE, ''), { id: first.id });
    expect(again).toMatchObject({ status: 202, text: expect.stringContaining('already received') });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.requests.length).toBe(before);
  });

  it('acknowledges an event it does not evaluate and makes no request', async () => {
    const running = await setUp();
    const star = await running.deliver('star', {
      ...webhook('star', 'created'),
      installation: { id: INSTALLATION },
    });
    expect(star).toMatchObject({ status: 202, text: expect.stringContaining('ignored') });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.requests).toEqual([]);
  });

  it('refuses a body over 25 MB (413) without reading it', async () => {
    const running = await setUp();
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request(
        `${running.url}/api/github/webhooks`,
        {
          method: 'POST',
          headers: {
            'content-length': String(26 * 1024 * 1024),
            'x-github-event': 'pull_request',
            'x-github-delivery': 'big',
            'x-hub-signature-256': 'sha256=00',
          },
        },
        (response) => resolve(response.statusCode ?? 0),
      );
      sent.on('error', reject);
      sent.write('{"action":');
    });
    expect(status).toBe(413);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('retries a 502 on a write', async () => {
    const running = await setUp();
    emulator.inject({ method: 'POST', path: '/repos/Codertocat/Hello-World/check-runs', status: 502 });
    const delivery = await running.deliver('pull_request', edited(INCOMPLETE, ''));
    expect(await running.settled(delivery.id)).toContain('fail');
    const posts = emulator.requests.filter(
      (each) => each.method === 'POST' && each.path.endsWith('/check-runs'),
    );
    expect(posts).toHaveLength(2);
    expect(appRuns()).toMatchObject([{ conclusion: 'failure' }]);
  });

  it('leaves an error verdict when GitHub keeps failing, and stays up', async () => {
    const running = await setUp();
    // The pull request by GraphQL (the first round's query) and by REST alike.
    emulator.inject({ path: /^\/graphql$|\/pulls\/2$/, status: 500, times: 50 });
    const delivery = await running.deliver('pull_request', edited(INCOMPLETE, ''));
    expect(await running.settled(delivery.id)).toContain('failed');
    expect(appRuns()).toMatchObject([
      { conclusion: 'failure', output: { title: expect.stringMatching(/could not/) } },
    ]);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('sweeps a repository added to the installation', async () => {
    const running = await setUp();
    const payload = webhook('installation_repositories', 'added');
    payload['installation'] = { ...payload['installation'], id: INSTALLATION };
    payload['repositories_added'] = [
      {
        id: 1296269,
        node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
        name: 'Hello-World',
        full_name: 'Codertocat/Hello-World',
        private: false,
      },
    ];
    checkWebhook('installation_repositories', payload);
    const delivery = await running.deliver('installation_repositories', payload);
    expect(delivery.status).toBe(202);
    await running.settled(delivery.id);
    expect(appRuns()).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'failure' }]);
  });
});

describe('the organisation policy', () => {
  it('judges a repository without a policy file', async () => {
    // Ticked in full by the built-in default; the organisation's items are not there.
    const running = await setUp('- [x] Tests pass\n', {});
    const orgPolicy = 'version: 1\nitems:\n  - text: Rollback plan tested\n';
    (emulator.repositories.get('codertocat/.github')!.files['main'] as Record<string, string>)[
      '.github/checklist-gate.yml'
    ] = orgPolicy;
    const delivery = await running.deliver('pull_request', edited('- [x] Tests pass\n', ''));
    expect(await running.settled(delivery.id)).toContain('fail');
    expect(appRuns()).toMatchObject([{ conclusion: 'failure' }]);
    expect(emulator.gateComments(2)[0]?.body).toContain('Rollback plan tested');
  });
});

describe('a new installation', () => {
  it('is swept: each repository it names', async () => {
    const running = await setUp();
    const payload = webhook('installation', 'created');
    payload['installation'] = { ...payload['installation'], id: INSTALLATION };
    expect(payload['repositories']).toMatchObject([{ full_name: 'Codertocat/Hello-World' }]);
    const delivery = await running.deliver('installation', payload);
    expect(delivery.status).toBe(202);
    await running.settled(delivery.id);
    expect(appRuns()).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'failure' }]);
  });
});

describe('two instances of the server', () => {
  it('end on the newest facts when one writes late', async () => {
    const first = await setUp();
    const second = await startServer({
      APP_ID: '4242',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GITHUB_API_URL: emulator.url as string,
    });
    try {
      // The first instance's writes are held: it has judged the old facts and not yet written.
      let firstToken: string | null = null;
      emulator.hold((request) => {
        if (firstToken === null && request.token?.startsWith('ghs_')) firstToken = request.token;
        return request.token === firstToken && request.method !== 'GET' && request.path !== '/graphql';
      });
      const stale = await first.deliver('pull_request', edited(INCOMPLETE, ''));
      for (let waited = 0; emulator.held.length === 0; waited += 20) {
        if (waited > 20_000) throw new Error('the first instance never wrote');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Meanwhile the checklist is ticked, and the second instance judges that.
      emulator.editBody(2, COMPLETE, '2026-11-20T10:05:00Z');
      const fresh = await second.deliver('pull_request', edited(COMPLETE, INCOMPLETE));
      expect(await second.settled(fresh.id)).toContain('pass');
      emulator.hold(() => false);
      emulator.release();
      await first.settled(stale.id);
      expect(appRuns().at(-1)).toMatchObject({ conclusion: 'success' });
      expect(emulator.gateComments(2)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});

describe('checklist-gate serve --check-config', () => {
  const env = (extra: Record<string, string>) => ({
    APP_ID: '4242',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    ...extra,
  });

  it('names the variable that is missing or wrong, and exits 2', async () => {
    const missing = await runServe(['--check-config'], { PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET });
    expect(missing).toMatchObject({ code: 2, stderr: 'checklist-gate serve: APP_ID is not set\n' });
    const interval = await runServe(['--check-config'], env({ SWEEP_INTERVAL: 'daily' }));
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain('SWEEP_INTERVAL is "daily"');
    const key = await runServe(['--check-config'], env({ PRIVATE_KEY: 'not a key' }));
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('PRIVATE_KEY is not a PEM private key');
    expect(key.stderr).not.toContain('not a key');
  });

  it('reads and validates the organisation policy with the App', async () => {
    emulator = new GitHubEmulator({
      app: {
        id: 4242,
        slug: 'checklist-gate',
        publicKey,
        installations: [
          { id: INSTALLATION, account: 'Codertocat', repositories: ['Hello-World', '.github'] },
        ],
      },
      repositories: {
        'Codertocat/.github': {
          files: { main: { '.github/checklist-gate.yml': 'version: 1\ngate:\n  branchez: [main]\n' } },
        },
      },
    });
    const apiUrl = await emulator.start();
    const result = await runServe(['--check-config'], env({ GITHUB_API_URL: apiUrl }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Codertocat/.github/.github/checklist-gate.yml');
    const none = await runServe(['--check-config'], env({ GITHUB_API_URL: apiUrl, ORG_POLICY: 'none' }));
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect(none.stdout).toContain('1 installation(s)');
  });
});
