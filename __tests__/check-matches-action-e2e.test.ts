import type { CliIO } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';

// Issue 25: the offline check judges as the action does. Each case runs one description and one
// policy through the bundle against the emulator, and through `check` with the same facts given
// as options, and compares the action's `report` output with check's JSON report, field for field
// (or, where the action says "Not gated", its status description with check's).
const POLICY_PATH = '.github/checklist-gate.yml';
const BASE = 'acme/release-policies/production.yml@v1';
const POLICY_TOKEN = 'app-installation-token';

const RELEASES_ONLY = `version: 1
gate:
  branches: [master, "release/*"]
  pull-requests:
    head-branches: ["release/**"]
    labels: [release]
    title: '^Release '
    ignore-authors: ['renovate[bot]']
items:
  - id: tests
    text: Tests pass
  - id: changelog
    text: Changelog updated
  - id: migration
    text: Migration reviewed
    when:
      paths: ["db/**"]
`;

const TICKED = '## Release\n- [x] Tests pass\n- [x] Changelog updated\n- [ ] Migration reviewed\n';
const OPEN = '## Release\n- [x] Tests pass\n- [ ] Changelog updated\n';

interface Case {
  name: string;
  policy: string;
  body: string;
  pull: { base: string; headRef: string; title: string; labels: string[]; files: string[]; author?: string };
  /** A base policy the policy extends: in the emulator for the action, a copy for check. */
  base?: string;
  /** What the action concludes, so that each case is known to test what it says. */
  result: 'pass' | 'fail' | 'skip';
}

const release = {
  base: 'master',
  headRef: 'release/2.4',
  title: 'Release 2.4',
  labels: [],
  files: ['src/a.ts'],
};

const CASES: Case[] = [
  {
    name: 'a gated release pull request that passes',
    policy: RELEASES_ONLY,
    body: TICKED,
    pull: release,
    result: 'pass',
  },
  {
    name: 'a gated release pull request that fails',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: release,
    result: 'fail',
  },
  {
    name: 'not gated by its base branch',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: { ...release, base: 'develop' },
    result: 'skip',
  },
  {
    name: 'not gated by its title, head and labels',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: { ...release, headRef: 'feature/login', title: 'Add the login page', labels: ['ui'] },
    result: 'skip',
  },
  {
    name: 'gated by its title alone',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: { ...release, headRef: 'feature/x', title: 'Release 2.5' },
    result: 'fail',
  },
  {
    name: 'gated by its head branch alone',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: { ...release, headRef: 'release/2.5', title: 'Bump' },
    result: 'fail',
  },
  {
    name: 'gated by a label alone (any case)',
    policy: RELEASES_ONLY,
    body: TICKED,
    pull: { ...release, headRef: 'feature/x', title: 'Bump', labels: ['Release'] },
    result: 'pass',
  },
  {
    name: 'a path condition that holds: the migration item is required',
    policy: RELEASES_ONLY,
    body: TICKED,
    pull: { ...release, files: ['src/a.ts', 'db/001.sql'] },
    result: 'fail',
  },
  {
    name: 'a release branch glob in gate.branches',
    policy: RELEASES_ONLY,
    body: TICKED,
    pull: { ...release, base: 'release/2.4' },
    result: 'pass',
  },
  {
    name: 'not gated by its author (ignore-authors)',
    policy: RELEASES_ONLY,
    body: OPEN,
    pull: { ...release, author: 'renovate[bot]' },
    result: 'skip',
  },
  {
    name: 'a policy with no gate: every pull request into the default branch',
    policy: 'version: 1\nitems:\n  - text: Tests pass\n',
    body: '- [ ] Tests pass\n- [x] Docs\n',
    pull: { ...release, headRef: 'feature/x', title: 'Bump' },
    result: 'fail',
  },
  {
    name: 'extends a base, read offline from a copy',
    policy: `version: 1\nextends: ${BASE}\nitems:\n  - id: flags\n    text: Feature flags off\n`,
    base: 'version: 1\nitems:\n  - id: rollback\n    text: Rollback plan tested\n',
    body: '- [ ] Rollback plan tested\n- [x] Feature flags off\n',
    pull: release,
    result: 'fail',
  },
];

let emulator: GitHubEmulator | undefined;

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function throughAction(test: Case) {
  emulator = new GitHubEmulator({
    files: { [test.pull.base]: { [POLICY_PATH]: test.policy } },
    pulls: [
      {
        number: 2,
        base: test.pull.base,
        headRef: test.pull.headRef,
        title: test.pull.title,
        labels: test.pull.labels,
        files: test.pull.files,
        ...(test.pull.author !== undefined && { author: test.pull.author }),
        headSha: HEAD_SHA,
        body: test.body,
        updatedAt: '2026-11-20T10:00:00Z',
      },
    ],
    repositories:
      test.base !== undefined
        ? {
            'acme/release-policies': {
              files: { v1: { 'production.yml': test.base } },
              readers: [POLICY_TOKEN],
            },
          }
        : {},
  });
  const apiUrl = await emulator.start();
  const payload = pullRequestEvent('opened', test.body);
  const run = await runAction({
    apiUrl,
    eventName: 'pull_request',
    payload,
    inputs: { 'policy-token': POLICY_TOKEN },
  });
  const statuses = emulator.statuses;
  return {
    result: run.outputs['result'],
    report: JSON.parse(run.outputs['report'] ?? 'null') as unknown,
    status: statuses[statuses.length - 1]?.description,
    defaultBranch: String(payload['repository'].default_branch),
  };
}

async function throughCheck(test: Case, defaultBranch: string) {
  const files: Record<string, string> = {
    'pr.md': test.body,
    [POLICY_PATH]: test.policy,
    ...(test.base !== undefined && { 'base.yml': test.base }),
  };
  let out = '';
  const io: CliIO = {
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    out: (text) => (out += text),
    err: () => undefined,
  };
  const { pull } = test;
  const argv = [
    'check',
    'pr.md',
    '--policy',
    POLICY_PATH,
    '--format',
    'json',
    '--default-branch',
    defaultBranch,
    '--base',
    pull.base,
    '--head',
    pull.headRef,
    '--title',
    pull.title,
    '--author',
    pull.author ?? 'Codertocat',
    ...pull.labels.flatMap((label) => ['--label', label]),
    ...pull.files.flatMap((file) => ['--changed-file', file]),
    ...(test.base !== undefined ? ['--base-policy', 'base.yml'] : []),
  ];
  const code = await runCli(argv, io);
  // The only difference allowed: offline, a base is named by the copy that stands in for it.
  return { code, json: JSON.parse(out.replaceAll('base.yml', BASE)) as Record<string, unknown> };
}

describe('check judges as the action does', () => {
  it.each(CASES.map((test) => [test.name, test] as const))(
    '%s',
    async (_name, test) => {
      const action = await throughAction(test);
      expect(action.result).toBe(test.result);
      const check = await throughCheck(test, action.defaultBranch);
      expect(check.code).toBe({ pass: 0, fail: 1, skip: 0 }[test.result]);
      if (test.result === 'skip') {
        expect(action.report).toBeNull();
        expect(check.json).toEqual({ conclusion: 'skip', passed: true, summary: action.status });
      } else {
        // The record describes the run (its time, event, commits and who posted it), which an
        // offline check cannot share; what was judged must agree: the description and labels.
        const { record: actionRecord, ...actionVerdict } = action.report as Record<string, any>;
        const { record: checkRecord, ...checkVerdict } = check.json as Record<string, any>;
        expect(checkVerdict).toEqual(actionVerdict);
        expect(checkRecord.description).toEqual(actionRecord.description);
        expect([...checkRecord.labels].sort()).toEqual([...actionRecord.labels].sort());
      }
      // Each case starts the bundle: slow on a busy machine, never a measure of speed.
    },
    120_000,
  );
});
