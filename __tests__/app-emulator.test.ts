import { App } from '@octokit/app';
import { Octokit } from '@octokit/rest';
import { appKeyPair } from './emulator/app-key.js';
import { OrgEmulator } from './emulator/org-emulator.js';

// The emulator's GitHub App, driven by the library the server is built on: the App's endpoints
// answer only a JWT signed with the App's key, and its installation tokens reach only their
// installation's repositories. Each test run makes its own key pair.

const { publicKey, privateKey } = appKeyPair();
const SHA = 'a'.repeat(40);
/** The refusals are the point of some tests: not worth a line on the console. */
const QUIET = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

let emulator: OrgEmulator;
let url: string;

beforeEach(async () => {
  emulator = new OrgEmulator({
    org: 'octo-org',
    repositories: [
      { name: 'shop', pulls: [{ number: 7, base: 'main', headSha: SHA }] },
      { name: 'private-ledger' },
    ],
    app: {
      id: 4242,
      slug: 'checklist-gate',
      publicKey,
      installations: [{ id: 77, account: 'octo-org', repositories: ['shop'] }],
    },
  });
  url = await emulator.start();
});

afterEach(async () => {
  await emulator.stop();
});

const appWith = (key: string) =>
  new App({ appId: 4242, privateKey: key, Octokit: Octokit.defaults({ baseUrl: url, log: QUIET }) });

describe('the App endpoints', () => {
  it('answer a JWT signed with the App key: the App, its installations, a repository installation', async () => {
    const app = appWith(privateKey);
    const { data: me } = await app.octokit.request('GET /app');
    expect(me).toMatchObject({ id: 4242, slug: 'checklist-gate' });
    const { data: installations } = await app.octokit.request('GET /app/installations');
    expect(installations.map((each) => each.id)).toEqual([77]);
    const { data: installation } = await app.octokit.request('GET /repos/{owner}/{repo}/installation', {
      owner: 'octo-org',
      repo: 'shop',
    });
    expect(installation.id).toBe(77);
    await expect(
      app.octokit.request('GET /repos/{owner}/{repo}/installation', {
        owner: 'octo-org',
        repo: 'private-ledger',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('refuse a JWT signed with another key, and one that is not a JWT', async () => {
    const forged = appWith(appKeyPair().privateKey);
    await expect(forged.octokit.request('GET /app')).rejects.toMatchObject({ status: 401 });
    expect(emulator.app?.refusals).toEqual(['signature does not verify']);
    const response = await fetch(`${url}/app`, { headers: { authorization: 'Bearer ghs_plain' } });
    expect(response.status).toBe(401);
  });

  it('hand out installation tokens that act as the App bot in their repositories only', async () => {
    const app = appWith(privateKey);
    const octokit = await app.getInstallationOctokit(77);
    const { data: pull } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: 'octo-org',
      repo: 'shop',
      pull_number: 7,
    });
    expect(pull.number).toBe(7);
    await expect(
      octokit.request('GET /repos/{owner}/{repo}', { owner: 'octo-org', repo: 'private-ledger' }),
    ).rejects.toMatchObject({ status: 404 });
    // The App's endpoints are not the installation's: its token is not a JWT.
    const [token] = [...(emulator.app?.tokens.keys() ?? [])];
    const asInstallation = await fetch(`${url}/app`, { headers: { authorization: `token ${token}` } });
    expect(asInstallation.status).toBe(401);
    await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: 'octo-org',
      repo: 'shop',
      name: 'checklist-gate',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'success',
    });
    const [run] = emulator.repository('shop').checkRuns as { app: { slug: string } }[];
    expect(run?.app.slug).toBe('checklist-gate');
    expect(emulator.app?.tokens.size).toBe(1);
  });
});
