import type { GitHubEmulator } from './emulator/github-emulator.js';
import { checkWebhook } from './emulator/openapi-conformance.js';
import { signature } from './emulator/run-server.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { appKeyPair } from './emulator/app-key.js';
import { installedApp } from './helpers/installed-app.js';

// The serverless handler over the same receiver as `serve`: an API-gateway event in, the
// evaluation done before the answer (a function is frozen once it answers).

const { publicKey, privateKey } = appKeyPair();
const SECRET = 'lambda-secret';

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = installedApp({ appId: 77, installationId: 5, publicKey, body: '- [ ] Tests pass\n' });
  const apiUrl = await emulator.start();
  Object.assign(process.env, {
    APP_ID: '77',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GITHUB_API_URL: apiUrl,
    CHECKLIST_GATE_RETRY_BASE_MS: '20',
    ORG_POLICY: 'none',
  });
});

afterAll(async () => {
  await emulator.stop();
  for (const name of [
    'APP_ID',
    'PRIVATE_KEY',
    'WEBHOOK_SECRET',
    'GITHUB_API_URL',
    'CHECKLIST_GATE_RETRY_BASE_MS',
  ])
    delete process.env[name];
});

const gatewayEvent = (body: string, sign = SECRET) => ({
  rawPath: '/api/github/webhooks',
  headers: {
    'X-GitHub-Event': 'pull_request',
    'X-GitHub-Delivery': 'd-1',
    'X-Hub-Signature-256': signature(body, sign),
  },
  body: Buffer.from(body).toString('base64'),
  isBase64Encoded: true,
});

describe('the serverless handler', () => {
  it('refuses a forged delivery, and evaluates a signed one before it answers', async () => {
    const { handler } = await import('../src/server/lambda.js');
    const payload = pullRequestEvent('edited', '- [ ] Tests pass\n');
    payload['installation'] = { id: 5, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNQ==' };
    checkWebhook('pull_request', payload);
    const body = JSON.stringify(payload);
    expect(await handler(gatewayEvent(body, 'wrong'))).toMatchObject({ statusCode: 401 });
    expect(emulator.requests).toEqual([]);
    expect(await handler(gatewayEvent(body))).toMatchObject({ statusCode: 200, body: 'accepted\n' });
    expect(emulator.checkRuns).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'failure' }]);
  });
});
