import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

// `checklist-gate check --repo`: the bundled CLI against the emulator, as a user runs it.
const BUNDLE = new URL('../dist/cli/index.js', import.meta.url).pathname;
const HEAD = 'a'.repeat(40);
const TAGGED = 'c'.repeat(40);
const POLICY = `version: 1
items:
  - id: rollback
    text: Rollback plan tested
  - id: migration
    text: Migration reviewed
    when:
      paths: ['migrations/**']
  - id: dba
    text: DBA sign-off
    required: false
    approvers: [dba-lead]
`;
const PASSING = '## Release\n\n- [x] Rollback plan tested\n- [ ] Migration reviewed\n- [ ] DBA sign-off\n';
const FAILING = '## Release\n\n- [ ] Rollback plan tested\n- [x] Migration reviewed\n- [x] DBA sign-off\n';

function emulator(): GitHubEmulator {
  return new GitHubEmulator({
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'main',
    files: { main: { '.github/checklist-gate.yml': POLICY } },
    pulls: [
      { number: 42, headSha: HEAD, base: 'main', body: PASSING, files: ['src/app.ts'], labels: ['release'] },
      { number: 43, headSha: HEAD, base: 'main', body: PASSING, files: ['migrations/001.sql'] },
      { number: 44, headSha: 'b'.repeat(40), base: 'main', body: FAILING, files: ['src/app.ts'] },
      { number: 45, headSha: HEAD, base: 'feature', body: FAILING },
    ],
    releases: [{ id: 7, tagName: 'v2.4.0', body: FAILING, sha: TAGGED }],
  });
}

let github: GitHubEmulator;
let apiUrl: string;
beforeEach(async () => {
  github = emulator();
  apiUrl = await github.start();
});
afterEach(() => github.stop());

function cli(args: string[], env: Record<string, string> = { GITHUB_TOKEN: 'cli-token' }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BUNDLE, 'check', ...args],
      { env: { PATH: process.env['PATH'] ?? '', GITHUB_API_URL: apiUrl, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** Every request the CLI made that was not a read: a GraphQL mutation or a REST method other than GET. */
function writes() {
  return github.requests.filter(
    (request) =>
      (request.path === '/graphql' &&
        /^\s*mutation\b/.test(String((request.body as { query?: string })?.query))) ||
      (request.path !== '/graphql' && request.method !== 'GET'),
  );
}

describe('checklist-gate check --repo', () => {
  it('passes a pull request whose checklist is done, reading the pull request, the policy at its base and the changed files', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '42']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('PASS  All 1 required item done');
    expect(result.stdout).toContain('Required: 1  Done: 1  Open: 0  Optional: 1  Not required: 1');
    expect(github.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
      [
        'GET /repos/acme/shop',
        'GET /repos/acme/shop/contents/.github%2Fchecklist-gate.yml',
        'GET /repos/acme/shop/pulls/42',
        'GET /repos/acme/shop/pulls/42/files',
      ].sort(),
    );
    expect(github.requests.every((request) => request.token === 'cli-token')).toBe(true);
    expect(writes()).toEqual([]);
  });

  it('fails a pull request whose changed files make an item required, with exit 1, and posts nothing', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '43', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { passed: boolean; items: { id: string; status: string }[] };
    expect(report.passed).toBe(false);
    expect(report.items.find((item) => item.id === 'migration')?.status).not.toBe('not-required');
    expect(writes()).toEqual([]);
    expect(github.statuses).toEqual([]);
    expect(github.comments).toEqual([]);
  });

  it('fails an unticked item, prints markdown when asked, and reads the sign-off history with a GraphQL query only', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '44', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Rollback plan tested');
    expect(result.stdout).toMatch(/^#/m);
    expect(result.stdout).toContain('DBA sign-off');
    const paths = github.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths).toContain('GET /repos/acme/shop/pulls/44/reviews');
    expect(paths).toContain('POST /graphql');
    expect(writes()).toEqual([]);
  });

  it('a pull request into a branch the policy does not gate is not gated, exit 0', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '45']);
    expect(result).toEqual({
      code: 0,
      stdout: 'Not gated: the policy does not gate the base branch feature\n',
      stderr: '',
    });
  });

  it('checks a release by its tag against the default branch policy', async () => {
    const result = await cli(['--repo', 'acme/shop', '--release', 'v2.4.0'], { GH_TOKEN: 'gh-token' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[ ] Rollback plan tested (rollback): not ticked');
    expect(github.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
      [
        'GET /repos/acme/shop',
        'GET /repos/acme/shop/commits/v2.4.0',
        'GET /repos/acme/shop/contents/.github%2Fchecklist-gate.yml',
        'GET /repos/acme/shop/releases/tags/v2.4.0',
      ].sort(),
    );
    expect(github.requests.every((request) => request.token === 'gh-token')).toBe(true);
    expect(writes()).toEqual([]);
  });

  it('--policy FILE tries a policy change on the live pull request, without reading the base branch policy', async () => {
    const dir = scratchFolder('live');
    const file = join(dir, 'checklist-gate.yml');
    writeFileSync(file, 'version: 1\nitems:\n  - id: flags\n    text: Feature flags off\n');
    const result = await cli(['--repo', 'acme/shop', '--pr', '42', '--policy', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Feature flags off');
    expect(github.requests.map((request) => request.path)).not.toContain(
      '/repos/acme/shop/contents/.github%2Fchecklist-gate.yml',
    );
    writeFileSync(file, 'version: 1\nitems:\n  - id: flags\n    texts: Feature flags off\n');
    const invalid = await cli(['--repo', 'acme/shop', '--pr', '42', '--policy', file]);
    removeFolder(dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${file}:4:5`);
  });

  it('without a token, names both variables it reads and calls nothing', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '42'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('GITHUB_TOKEN');
    expect(result.stderr).toContain('GH_TOKEN');
    expect(github.requests).toEqual([]);
  });

  it('an API error is exit 2 with GitHub’s answer, never a verdict', async () => {
    const missing = await cli(['--repo', 'acme/shop', '--pr', '99']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('GitHub answered 404 to GET /repos/acme/shop/pulls/99');
    const noRelease = await cli(['--repo', 'acme/shop', '--release', 'v9.9.9']);
    expect(noRelease.code).toBe(2);
    expect(noRelease.stderr).toContain('GitHub answered 404');
  });

  it('--api-url wins over $GITHUB_API_URL', async () => {
    const result = await cli(['--repo', 'acme/shop', '--pr', '42', '--api-url', apiUrl], {
      GITHUB_TOKEN: 'cli-token',
      GITHUB_API_URL: 'http://127.0.0.1:9',
    });
    expect(result.code).toBe(0);
  });

  it('refuses --body, --label and the like beside --repo, and --pr without --repo', async () => {
    const mixed = await cli(['--repo', 'acme/shop', '--pr', '42', '--label', 'x']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--label cannot be combined with --repo');
    const both = await cli(['--repo', 'acme/shop', '--pr', '42', '--release', 'v1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('one of --pr <number> or --release <tag>');
    expect((await cli(['--pr', '42'])).code).toBe(2);
    expect(github.requests).toEqual([]);
  });
});
