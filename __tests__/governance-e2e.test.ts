import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// End to end through the bundle: an organisation policy laid under every repository's policy.
const ORG = 'acme/.github/policies/release.yml@v1';
const LOCAL = '.github/checklist-gate.yml';
const POLICY_TOKEN = 'app-installation-token';

const ORG_POLICY = `version: 1
items:
  - id: rollback
    text: Rollback plan tested
  - id: security
    text: Security review done
`;

const COMPLETE = `## Release checklist
- [x] Rollback plan tested
- [x] Security review done
`;

let emulator: GitHubEmulator;

function setUp(
  files: Record<string, string>,
  body: string,
  orgFiles: Record<string, Record<string, string>> = { v1: { 'policies/release.yml': ORG_POLICY } },
): Promise<string> {
  emulator = new GitHubEmulator({
    files: { master: files },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body, updatedAt: '2026-11-20T10:00:00Z' }],
    repositories: { 'acme/.github': { files: orgFiles, readers: [POLICY_TOKEN] } },
  });
  return emulator.start();
}

function run(apiUrl: string, body: string, inputs: Record<string, string> = {}) {
  return runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: pullRequestEvent('opened', body),
    inputs: { 'org-policy': ORG, 'policy-token': POLICY_TOKEN, ...inputs },
  });
}

stopAfterEach(() => emulator);

describe('org-policy: the organisation policy under every repository', () => {
  it('judges a repository without a policy file by the organisation policy alone, not the default', async () => {
    const body = '## Release checklist\n- [x] Rollback plan tested\n';
    const apiUrl = await setUp({}, body);
    const result = await run(apiUrl, body);
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('fail');
    expect(JSON.parse(result.outputs['missing'] ?? '')).toEqual(['security']);
    const report = JSON.parse(result.outputs['report'] ?? '');
    expect(report.policy).toEqual({ source: 'file', path: ORG, organisation: ORG });
    expect(report.items.map((item: { id: string; ruleFrom: string[] }) => [item.id, item.ruleFrom])).toEqual([
      ['rollback', [ORG]],
      ['security', [ORG]],
    ]);
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['failure', '1 of 2 required items open'],
    ]);
    expect(emulator.gateComments(2)[0]?.body).toContain(
      'organisation policy (no policy file in this repository)',
    );
  });

  it('lays a local policy that does not extend it over it, naming which rules come from where', async () => {
    const local = 'version: 1\nitems:\n  - id: flags\n    text: Feature flags default to off\n';
    const body = `${COMPLETE}- [x] Feature flags default to off\n`;
    const apiUrl = await setUp({ [LOCAL]: local }, body);
    const result = await run(apiUrl, body);
    expect(result.outputs['result']).toBe('pass');
    const report = JSON.parse(result.outputs['report'] ?? '');
    expect(report.policy).toEqual({ source: 'file', path: LOCAL, organisation: ORG });
    expect(report.items.map((item: { id: string; ruleFrom: string[] }) => [item.id, item.ruleFrom])).toEqual([
      ['rollback', [ORG]],
      ['security', [ORG]],
      ['flags', [LOCAL]],
    ]);
    const comment = emulator.gateComments(2)[0]?.body ?? '';
    expect(comment).toContain(`over organisation policy \`${ORG}\``);
    expect(comment).toContain(`rule from \`${ORG}\``);
  });

  it('refuses a local checklist.required: false, naming both files', async () => {
    const local = 'version: 1\nchecklist:\n  required: false\n';
    const apiUrl = await setUp({ [LOCAL]: local }, 'No checklist here.');
    const result = await run(apiUrl, 'No checklist here.');
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    const [error] = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(error).toMatchObject({ file: LOCAL, line: 3, column: 3 });
    expect(error.message).toBe(
      `checklist.required: false lets a pull request without a checklist pass, which the base policy does not (locked by ${ORG}).`,
    );
  });

  it('refuses a narrower gate.branches and a looser unlisted, naming the organisation file and line', async () => {
    const org = `version: 1\ngate:\n  branches: [master, release/*]\nunlisted: required\n`;
    const local = 'version: 1\ngate:\n  branches: [master]\nunlisted: optional\n';
    const apiUrl = await setUp({ [LOCAL]: local }, COMPLETE, { v1: { 'policies/release.yml': org } });
    const result = await run(apiUrl, COMPLETE);
    expect(result.outputs['result']).toBe('error');
    const errors = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(errors.map((error: { message: string }) => error.message)).toEqual([
      expect.stringContaining(`gate.branches no longer gates "release/*"`),
      `unlisted: optional is looser than the base policy's unlisted: required (locked by ${ORG}:4:1).`,
    ]);
    expect(errors[0].message).toContain(`(locked by ${ORG}:3:3).`);
  });

  it('is an error naming the organisation policy and the permission when it cannot be read', async () => {
    const apiUrl = await setUp({}, COMPLETE);
    // Without policy-token, the workflow token cannot see the organisation's repository.
    const result = await run(apiUrl, COMPLETE, { 'policy-token': '' });
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    const [error] = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(error.message).toContain(
      `cannot read the organisation policy ${ORG}: repository acme/.github, path policies/release.yml, ref v1. GitHub answered 404`,
    );
    expect(error.message).toContain('policy-token contents: read on acme/.github');
    expect(error.message).toContain('does not fall back to a weaker policy');
  });
});

// A pull request that changes the gate itself: the policy file or a workflow that runs the gate.
const OWNED = `version: 1
policy-owners: [alice]
gate:
  pull-requests:
    labels: [release]
items:
  - id: rollback
    text: Rollback plan tested
`;
const RUNNING = '.github/workflows/gate.yml';
const WORKFLOW_REF = `Codertocat/Hello-World/${RUNNING}@refs/heads/master`;

const approval = (login: string, commit: string) => ({
  id: 1,
  user: { login, type: 'User' },
  state: 'APPROVED',
  commit_id: commit,
  submitted_at: '2026-11-20T09:30:00Z',
});

interface ChangeCase {
  policy: string;
  files: string[];
  body?: string;
  labels?: string[];
  reviews?: unknown[];
  repoFiles?: Record<string, Record<string, string>>;
}

async function changeGate(change: ChangeCase) {
  const body = change.body ?? 'Tidy the policy.';
  emulator = new GitHubEmulator({
    files: { master: { [LOCAL]: change.policy }, ...change.repoFiles },
    pulls: [
      {
        number: 2,
        base: 'master',
        headSha: HEAD_SHA,
        body,
        labels: change.labels ?? [],
        files: change.files,
        updatedAt: '2026-11-20T10:00:00Z',
      },
    ],
    reviews: { 2: change.reviews ?? [] },
  });
  const apiUrl = await emulator.start();
  // The gate reads the labels from the pull request itself, not from the payload.
  const payload = pullRequestEvent('opened', body);
  const result = await runAction({
    apiUrl,
    eventName: 'pull_request',
    payload,
    env: { GITHUB_WORKFLOW_REF: WORKFLOW_REF },
  });
  return {
    result,
    report: JSON.parse(result.outputs['report'] ?? 'null'),
    statuses: emulator.statuses.map((status) => [status.state, status.description]),
  };
}

describe('policy-owners: changes to the gate itself are gated', () => {
  it('a pull request that is no release pull request but edits the policy fails until a policy owner approves', async () => {
    const waiting = await changeGate({ policy: OWNED, files: [LOCAL, 'src/app.ts'] });
    expect(waiting.result.code).toBe(1);
    expect(waiting.statuses).toEqual([
      ['failure', "The gate's configuration change needs a policy owner's approval"],
    ]);
    expect(JSON.parse(waiting.result.outputs['missing'] ?? '')).toEqual(['policy-owners']);
    expect(waiting.report.items[0].problems[0]).toBe(
      `This pull request changes the gate's configuration (${LOCAL}), and no policy owner has approved its current head commit.`,
    );
    expect(emulator.gateComments(2)[0]?.body).toContain('Ask @\u200balice \\(policy-owners\\)');
    await emulator.stop();

    // An approval by someone else, or by the owner on an older commit, does not count.
    const others = await changeGate({
      policy: OWNED,
      files: [LOCAL],
      reviews: [approval('bob', HEAD_SHA), { ...approval('alice', 'a'.repeat(40)), id: 2 }],
    });
    expect(others.statuses.map(([state]) => state)).toEqual(['failure']);
    await emulator.stop();

    const approved = await changeGate({
      policy: OWNED,
      files: [LOCAL],
      reviews: [approval('alice', HEAD_SHA)],
    });
    expect(approved.result.code).toBe(0);
    expect(approved.statuses).toEqual([
      ['success', "The gate's configuration change is approved by a policy owner"],
    ]);
    expect(approved.report.items[0]).toMatchObject({ id: 'policy-owners', status: 'ok', tickedBy: 'alice' });
  });

  it('a pull request that edits the running workflow, or another workflow that runs the gate, likewise', async () => {
    const running = await changeGate({ policy: OWNED, files: [RUNNING] });
    expect(running.statuses.map(([state]) => state)).toEqual(['failure']);
    expect(running.report.items[0].problems[0]).toContain(`(${RUNNING})`);
    await emulator.stop();

    const other = '.github/workflows/nightly.yml';
    const usesGate = 'on: schedule\njobs:\n  gate:\n    steps:\n      - uses: acme/checklist-gate@v1\n';
    const elsewhere = await changeGate({
      policy: OWNED,
      files: [other, '.github/workflows/ci.yml'],
      repoFiles: { [HEAD_SHA]: { [other]: usesGate, '.github/workflows/ci.yml': 'on: push\n' } },
    });
    expect(elsewhere.statuses.map(([state]) => state)).toEqual(['failure']);
    expect(elsewhere.report.items[0].problems[0]).toContain(`(${other})`);
    await emulator.stop();

    const approved = await changeGate({
      policy: OWNED,
      files: [RUNNING],
      reviews: [approval('alice', HEAD_SHA)],
    });
    expect(approved.statuses.map(([state]) => state)).toEqual(['success']);
    await emulator.stop();

    // Nothing of the gate's changes: a pull request that is no release pull request stays ungated.
    const plain = await changeGate({ policy: OWNED, files: ['src/app.ts', '.github/workflows/ci.yml'] });
    expect(plain.result.outputs['result']).toBe('skip');
    expect(plain.statuses.map(([, description]) => description)).toEqual([
      'Not gated: not a release pull request (one needs a label release)',
    ]);
  });

  it('a release pull request that edits the policy needs both its checklist and the approval', async () => {
    const body = '## Release\n- [x] Rollback plan tested\n';
    const waiting = await changeGate({ policy: OWNED, files: [LOCAL], labels: ['release'], body });
    expect(waiting.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(JSON.parse(waiting.result.outputs['missing'] ?? '')).toEqual(['policy-owners']);
    await emulator.stop();
    const approved = await changeGate({
      policy: OWNED,
      files: [LOCAL],
      labels: ['release'],
      body,
      reviews: [approval('alice', HEAD_SHA)],
    });
    expect(approved.statuses).toEqual([['success', 'All 2 required items done']]);
  });

  it('without policy-owners: the normal rules alone, and the report warns that nobody guards the change', async () => {
    // The changed files are read only for a path condition here: with no owners to ask, the gate adds no request.
    const unowned =
      "version: 1\nitems:\n  - id: rollback\n    text: Rollback plan tested\n  - id: migration\n    text: Migration reviewed\n    when:\n      paths: ['db/**']\n";
    const body = '## Release\n- [x] Rollback plan tested\n- [ ] Migration reviewed\n';
    const judged = await changeGate({ policy: unowned, files: [LOCAL], body });
    expect(judged.statuses).toEqual([['success', 'All 1 required item done']]);
    expect(judged.report.notes).toEqual([
      `This pull request changes the gate's configuration (${LOCAL}), but the policy names no policy-owners: nobody guards it beyond the rules above. Add policy-owners, and CODEOWNERS on .github/.`,
    ]);
    expect(emulator.gateComments(2)[0]?.body).toContain('nobody guards it');
    await emulator.stop();

    // A pull request that is no release pull request is not gated at all then.
    const selective = `${unowned}gate:\n  pull-requests:\n    labels: [release]\n`;
    const ungated = await changeGate({ policy: selective, files: [LOCAL] });
    expect(ungated.result.outputs['result']).toBe('skip');
  });
});
