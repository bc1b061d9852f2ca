import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shop } from './emulator/audit-shop.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import type { OrgEmulator } from './emulator/org-emulator.js';
import { cliExamples, RELEASE_CHECKLIST, ROOT } from './helpers/doc-pages.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

// Issue 25: the CLI examples of docs/cli.md and the README run as written, through bash, against the
// bundle dist/cli/index.js installed as `checklist-gate`, each in a scratch repository of its own
// holding the files it names; the live ones read from the loopback emulator (GITHUB_API_URL).
// Every example has its expected exit status and a line of its output here, and every entry here
// is still an example in the docs: a new or changed example fails until it is given one.
const BUNDLE = join(ROOT, 'dist/cli/index.js');
const PAGES = ['README.md', 'docs/cli.md'];

type Folder = 'fresh' | 'adopted';
const VALID = '.github/checklist-gate.yml: valid (4 item rules, 0 section rules)';
type Expectation = { in: Folder; status: number; line: string | RegExp; file?: string } | { skip: string };

const EXPECTED: Record<string, Expectation> = {
  'checklist-gate init --from docs/RELEASE_CHECKLIST.md': {
    in: 'fresh',
    status: 0,
    line: 'Made from your checklist: 4 items under 2 headings, 1 conditional item (not-applicable: with-reason), 1 evidence hint from the links already on items.',
  },
  'checklist-gate init --from-pr acme/shop#120': {
    in: 'fresh',
    status: 0,
    line: 'Made from your checklist: 4 items under 2 headings, 1 conditional item (not-applicable: with-reason), 1 evidence hint from the links already on items.',
  },
  'checklist-gate init --checklist production-release': {
    in: 'fresh',
    status: 0,
    line: /^Wrote the "production-release" checklist in /,
  },
  'checklist-gate validate --policy .github/checklist-gate.yml': { in: 'adopted', status: 0, line: VALID },
  'checklist-gate check --body release.md --policy .github/checklist-gate.yml': {
    in: 'adopted',
    status: 1,
    line: 'FAIL  4 of 4 required items open',
  },
  'checklist-gate check release.md': { in: 'adopted', status: 1, line: 'FAIL  4 of 4 required items open' },
  'checklist-gate check --body - --format json < release.md': {
    in: 'adopted',
    status: 1,
    line: '  "passed": false,',
  },
  'checklist-gate check pr.md --base main --head release/2.4 --title "Release 2.4" --label database --changed-file migrations/001.sql':
    { in: 'adopted', status: 0, line: 'PASS  All 4 required items done' },
  // The adopted policy names no policy-owners yet: a warning, which --strict fails on.
  'checklist-gate validate --strict': {
    in: 'adopted',
    status: 1,
    line: `${VALID}, but --strict fails on 1 warning`,
  },
  'checklist-gate check --repo acme/shop --pr 42': {
    in: 'fresh',
    status: 0,
    line: 'PASS  All 4 required items done',
  },
  'checklist-gate check --repo acme/shop --release v2.4.0': {
    in: 'fresh',
    status: 1,
    line: 'FAIL  4 of 4 required items open',
  },
  'checklist-gate check --repo acme/shop --pr 42 --format json --api-url https://ghe.acme.dev/api/v3': {
    skip: 'names a GitHub Enterprise Server host, which a test cannot reach; --api-url itself is run against the emulator by init-from-pr-e2e.test.ts',
  },
  // The policy in the folder, not the one on the base branch (which the emulator also serves).
  'checklist-gate check --repo acme/shop --pr 42 --policy .github/checklist-gate.yml': {
    in: 'adopted',
    status: 0,
    line: 'PASS  All 4 required items done',
  },
  // The emulated organisation of audit-shop.js: July 2026, a bypassed merge among them (exit 1).
  'checklist-gate audit --repo acme/shop --since 2026-07-01': {
    in: 'fresh',
    status: 1,
    line: '8 merged pull requests and releases: 2 passed, 3 bypassed, 1 foreign, 1 with exceptions, 1 changed the policy',
  },
  // The last 90 days hold nothing of July 2026: an empty page and an empty table, exit 0.
  'checklist-gate audit --org acme --since 90d --format html > audit.html': {
    in: 'fresh',
    status: 0,
    line: '<title>checklist-gate audit</title>',
    file: 'audit.html',
  },
  'checklist-gate audit --org acme --since 90d --format csv --only bypassed': {
    in: 'fresh',
    status: 0,
    line: 'repository,change,merged or published at,by,head,verdict at the time,posted by,classification,reason,change url,verdict url',
  },
};

const examples = PAGES.flatMap(cliExamples);
const scratch = scratchFolder('examples');
const bin = join(scratch, 'bin');
const folders: Record<Folder, string> = { fresh: join(scratch, 'fresh'), adopted: join(scratch, 'adopted') };
let github: GitHubEmulator;
let organisation: OrgEmulator;
let apiUrl: string;
let orgApiUrl: string;

const cli = (cwd: string, ...args: string[]) =>
  execFileSync(process.execPath, [BUNDLE, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });

beforeAll(async () => {
  // `checklist-gate` on the PATH is the bundle, as `npm install --global` makes it.
  mkdirSync(bin);
  writeFileSync(join(bin, 'checklist-gate'), `#!/bin/sh\nexec "${process.execPath}" "${BUNDLE}" "$@"\n`);
  chmodSync(join(bin, 'checklist-gate'), 0o755);
  // A repository with the team's checklist; and one where `init --from` has run, with a
  // description as the template writes it (release.md, nothing ticked) and one fully ticked (pr.md).
  for (const folder of Object.values(folders)) {
    mkdirSync(join(folder, 'docs'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: folder });
    writeFileSync(join(folder, 'docs/RELEASE_CHECKLIST.md'), RELEASE_CHECKLIST);
  }
  cli(folders.adopted, 'init', '--from', 'docs/RELEASE_CHECKLIST.md');
  const template = readFileSync(join(folders.adopted, '.github/PULL_REQUEST_TEMPLATE/release.md'), 'utf8');
  const ticked = template.replace(/- \[ \]/g, '- [x]');
  writeFileSync(join(folders.adopted, 'release.md'), template);
  writeFileSync(join(folders.adopted, 'pr.md'), ticked);
  const policy = readFileSync(join(folders.adopted, '.github/checklist-gate.yml'), 'utf8');
  github = new GitHubEmulator({
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'main',
    files: { main: { '.github/checklist-gate.yml': policy } },
    pulls: [
      { number: 42, headSha: 'a'.repeat(40), base: 'main', body: ticked, labels: ['release'] },
      { number: 120, headSha: 'b'.repeat(40), base: 'main', body: RELEASE_CHECKLIST },
    ],
    releases: [{ id: 7, tagName: 'v2.4.0', body: template, sha: 'c'.repeat(40) }],
  });
  apiUrl = await github.start();
  organisation = shop();
  orgApiUrl = await organisation.start();
});

afterAll(async () => {
  await github.stop();
  await organisation.stop();
  removeFolder(scratch);
});

/** Runs one example as written, with bash, in a copy of its folder. */
function run(command: string, folder: Folder) {
  const cwd = mkdtempSync(join(scratch, 'run-'));
  cpSync(folders[folder], cwd, { recursive: true });
  const env = {
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    HOME: scratch,
    GITHUB_TOKEN: 'docs-token',
    GITHUB_API_URL: command.startsWith('checklist-gate audit') ? orgApiUrl : apiUrl,
  };
  return new Promise<{ cwd: string; status: number; output: string }>((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ cwd, status: status ?? -1, output }));
  });
}

describe('the CLI examples of the README and docs/cli.md', () => {
  it('are each given an expectation here, and each expectation is an example there', () => {
    expect(examples.length).toBeGreaterThan(10);
    const written = new Set(examples.map((example) => example.command));
    expect(examples.filter((example) => !(example.command in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((command) => !written.has(command))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s', async (command, expectation) => {
    if ('skip' in expectation) {
      expect(expectation.skip).toMatch(/\S/);
      return;
    }
    const result = await run(command, expectation.in);
    const output = expectation.file
      ? readFileSync(join(result.cwd, expectation.file), 'utf8')
      : result.output;
    const lines = output.split(/\r?\n/); // CSV ends its lines with CRLF
    const { line } = expectation;
    const found = lines.some((each) => (typeof line === 'string' ? each === line : line.test(each)));
    expect({ status: result.status, found, output }).toEqual({
      status: expectation.status,
      found: true,
      output,
    });
  });
});
