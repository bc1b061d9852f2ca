import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';

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

afterEach(async () => {
  await emulator?.stop();
});

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
