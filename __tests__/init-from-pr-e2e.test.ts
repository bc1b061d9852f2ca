import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

// `checklist-gate init --from-pr OWNER/REPO#N` through the bundle: the pull request's description
// read through the API (GITHUB_API_URL pointing at the emulator), then the policy, template and
// workflow written from it, as `init --from FILE` writes them.
const BUNDLE = new URL('../dist/cli/index.js', import.meta.url).pathname;
const DESCRIPTION = [
  'Release 2.4 of the shop.',
  '',
  '## Database',
  '',
  '- [ ] Migrations applied',
  '- [ ] Replication configured (if needed)',
  '',
  '## Rollout',
  '',
  '- [ ] Canary watched on [the dashboard](https://grafana.acme.dev/d/canary)',
  '',
].join('\n');

let github: GitHubEmulator;
let apiUrl: string;
let repository: string;
beforeEach(async () => {
  github = new GitHubEmulator({
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'main',
    pulls: [
      { number: 120, headSha: 'a'.repeat(40), base: 'main', body: DESCRIPTION },
      { number: 121, headSha: 'b'.repeat(40), base: 'main', body: 'Fixes the footer.' },
    ],
  });
  apiUrl = await github.start();
  repository = scratchFolder('from-pr');
  execFileSync('git', ['init', '-q'], { cwd: repository });
});
afterEach(async () => {
  await github.stop();
  removeFolder(repository);
});

function init(args: string[], env: Record<string, string> = { GITHUB_TOKEN: 'cli-token' }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BUNDLE, 'init', ...args],
      { cwd: repository, env: { PATH: process.env['PATH'] ?? '', GITHUB_API_URL: apiUrl, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const written = (path: string) => readFileSync(join(repository, path), 'utf8');

describe('checklist-gate init --from-pr', () => {
  it("writes the policy, the template and the workflow from the pull request's description, read through the API", async () => {
    const result = await init(['--from-pr', 'acme/shop#120']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote the "acme/shop#120" checklist in');
    expect(result.stdout).toContain(
      'Made from your checklist: 3 items under 2 headings, 1 conditional item (not-applicable: with-reason), 1 evidence hint from the links already on items.',
    );
    expect(github.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /repos/acme/shop/pulls/120',
    ]);
    expect(github.requests[0]?.token).toBe('cli-token');
    expect(written('.github/checklist-gate.yml')).toContain('id: replication-configured');
    expect(written('.github/PULL_REQUEST_TEMPLATE/release.md')).toContain(
      '- [ ] Migrations applied <!-- id: migrations-applied -->',
    );
    expect(existsSync(join(repository, '.github/workflows/checklist-gate.yml'))).toBe(true);
    // What it wrote is a policy the CLI accepts.
    const validate = execFileSync(process.execPath, [BUNDLE, 'validate'], {
      cwd: repository,
      encoding: 'utf8',
    });
    expect(validate).toContain('valid');
  });

  it('says GitHub has no such pull request (404), writes nothing and exits 2', async () => {
    const result = await init(['--from-pr', 'acme/shop#999']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'checklist-gate init: GitHub answered 404 to GET /repos/acme/shop/pulls/999: Not Found - https://docs.github.com/rest (check the repository, number or tag, and that the token can read it)\n',
    );
    expect(existsSync(join(repository, '.github'))).toBe(false);
  });

  it('says a pull request without task items has no checklist to make a policy from', async () => {
    const result = await init(['--from-pr', 'acme/shop#121']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'checklist-gate init: acme/shop#121 has no task items ("- [ ] …"); there is no checklist to make a policy from\n',
    );
    expect(existsSync(join(repository, '.github'))).toBe(false);
  });

  it('without a token names the two variables it reads, and asks GitHub nothing', async () => {
    const result = await init(['--from-pr', 'acme/shop#120'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'checklist-gate init: --from-pr reads acme/shop#120 from GitHub and needs a token: set GITHUB_TOKEN or GH_TOKEN to a token that can read it\n',
    );
    expect(github.requests).toEqual([]);
  });

  it('takes GH_TOKEN as well as GITHUB_TOKEN, and --api-url over GITHUB_API_URL', async () => {
    const result = await init(['--from-pr', 'acme/shop#120', '--api-url', apiUrl], {
      GH_TOKEN: 'gh-token',
      GITHUB_API_URL: 'http://127.0.0.1:9/unused',
    });
    expect(result.code).toBe(0);
    expect(github.requests[0]?.token).toBe('gh-token');
  });

  it('refuses a reference that is not OWNER/REPO#NUMBER, before asking GitHub', async () => {
    const result = await init(['--from-pr', 'acme/shop/pull/120']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'checklist-gate init: --from-pr must be OWNER/REPO#NUMBER, such as acme/shop#42; got "acme/shop/pull/120"',
    );
    expect(github.requests).toEqual([]);
  });
});
