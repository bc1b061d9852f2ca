import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { reportSchemaErrors } from './helpers/report-schema.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';

// Issue 26: every verdict is a record of what was evaluated, kept with the commit.

const BASE_POLICY = `version: 1
items:
  - id: rollback
    text: Rollback plan tested
`;
const POLICY = `version: 1
extends: acme/policies/release.yml@v1
gate:
  branches: [master]
items:
  - id: tests-pass
    text: All tests passing
`;
const BODY = `## Release checklist
- [x] All tests passing
- [x] Rollback plan tested
`;
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/4242';
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** What `git hash-object` prints for a file holding this text. */
function gitBlob(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

let emulator: GitHubEmulator;
stopAfterEach(() => emulator);

function setUp(body: string, fixture: EmulatorFixture = {}): Promise<string> {
  emulator = new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': POLICY } },
    repositories: { 'acme/policies': { files: { v1: { 'release.yml': BASE_POLICY } } } },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body, labels: ['release', 'db'] }],
    ...fixture,
  });
  return emulator.start();
}

describe('the record of a verdict', () => {
  it('says what was evaluated, in the report output, the check run text and the job summary', async () => {
    const apiUrl = await setUp(BODY);
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', BODY),
      inputs: { 'report-as': 'both' },
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.outputs['report'] ?? '');
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.record).toEqual({
      repository: 'Codertocat/Hello-World',
      pullRequest: 2,
      release: null,
      headSha: HEAD_SHA,
      baseSha: 'b'.repeat(40),
      baseRef: 'master',
      policy: {
        path: '.github/checklist-gate.yml',
        ref: 'master',
        blob: gitBlob(POLICY),
        extends: [{ file: 'acme/policies/release.yml@v1', blob: gitBlob(BASE_POLICY) }],
      },
      description: {
        sha256: createHash('sha256').update(BODY).digest('hex'),
        characters: BODY.length,
      },
      labels: ['release', 'db'],
      event: 'pull_request',
      evaluatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      gate: { version: VERSION, postedAs: 'github-actions[bot]' },
    });
    // The check run keeps the whole report, record included, with the commit.
    const [checkRun] = emulator.checkRuns as { output: { text?: string } }[];
    expect(JSON.parse(checkRun?.output.text ?? '')).toEqual(report);
    // The job summary too, folded below the verdict.
    const folded = /```json\n(.*)\n```/.exec(run.summary)?.[1] ?? '';
    expect(JSON.parse(folded)).toEqual(report);
  });

  it('with report-as: status, the status links to the run whose summary holds the record', async () => {
    const apiUrl = await setUp(BODY);
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', BODY),
      inputs: { 'report-as': 'status' },
    });
    expect(run.code).toBe(0);
    expect(emulator.statuses).toMatchObject([{ state: 'success', target_url: RUN_URL }]);
    expect(emulator.checkRuns).toEqual([]);
    const folded = /```json\n(.*)\n```/.exec(run.summary)?.[1] ?? '';
    expect(JSON.parse(folded).record).toMatchObject({ pullRequest: 2, headSha: HEAD_SHA });
  });

  it('cuts the check run text to 65,535 characters, pointing at the run that holds the whole report', async () => {
    const items = Array.from(
      { length: 1500 },
      (_, index) => `- [ ] Step ${index} of the long runbook, written out in full`,
    );
    const body = `## Release checklist\n${items.join('\n')}\n`;
    const apiUrl = await setUp(body, {
      files: { master: { '.github/checklist-gate.yml': 'version: 1\ngate:\n  branches: [master]\n' } },
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', body),
      inputs: { 'report-as': 'check-run' },
    });
    expect(run.code).toBe(1);
    const whole = JSON.parse(run.outputs['report'] ?? '');
    expect(whole.items).toHaveLength(1500);
    const [checkRun] = emulator.checkRuns as { conclusion: string; output: { text: string } }[];
    expect(checkRun?.conclusion).toBe('failure');
    expect(checkRun?.output.text.length).toBeLessThanOrEqual(65_535);
    const cut = JSON.parse(checkRun?.output.text ?? '');
    expect(reportSchemaErrors(cut)).toEqual([]);
    expect(cut.truncated).toEqual({ items: 1500 - cut.items.length, whole: RUN_URL });
    expect(cut.items.length).toBeGreaterThan(100);
    expect(cut.record).toEqual(whole.record);
    expect(cut.summary).toBe(whole.summary);
  });

  it('records a release by its tag and commit, read at the default branch', async () => {
    const payload = webhook('release', 'published');
    const apiUrl = await setUp(BODY, {
      releases: [{ id: payload['release'].id, tagName: '0.0.1', body: BODY }],
      files: {
        master: {
          '.github/checklist-gate.yml': POLICY.replace(
            'branches: [master]\n',
            'branches: [master]\n  releases: true\n',
          ),
        },
      },
    });
    const sha = 'a'.repeat(40);
    const run = await runAction({
      apiUrl,
      eventName: 'release',
      payload,
      sha,
      inputs: { 'report-as': 'both' },
    });
    const report = JSON.parse(run.outputs['report'] ?? '');
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.record).toMatchObject({
      repository: 'Codertocat/Hello-World',
      pullRequest: null,
      release: '0.0.1',
      headSha: sha,
      baseSha: null,
      policy: { ref: 'master' },
      labels: [],
      event: 'release',
      gate: { postedAs: 'github-actions[bot]' },
    });
    const [checkRun] = emulator.checkRuns as { output: { text?: string } }[];
    expect(JSON.parse(checkRun?.output.text ?? '').record).toEqual(report.record);
  });
});
