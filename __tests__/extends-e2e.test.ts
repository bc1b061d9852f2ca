import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// End to end through the bundle: a repository's policy that extends an organisation's base policy.
const BASE = 'acme/release-policies/checklists/production.yml@v3';
const LOCAL = '.github/checklist-gate.yml';
const POLICY_TOKEN = 'app-installation-token';

const BASE_POLICY = `version: 1
items:
  - id: tests
    text: All tests passing
    evidence:
      allow: ["https://github.com/*/*/actions/runs/*"]
  - id: rollback
    text: Rollback plan tested
`;

const LOCAL_POLICY = `version: 1
extends: ${BASE}
gate:
  branches: [master]
items:
  - id: flags
    text: Feature flags default to off
`;

const COMPLETE = `## Release checklist
- [x] All tests passing: https://github.com/Codertocat/Hello-World/actions/runs/11
- [x] Rollback plan tested
- [x] Feature flags default to off
`;

let emulator: GitHubEmulator;

function setUp(
  localPolicy: string,
  baseFiles: Record<string, Record<string, string>> = { v3: { 'checklists/production.yml': BASE_POLICY } },
  body = COMPLETE,
): Promise<string> {
  emulator = new GitHubEmulator({
    files: { master: { [LOCAL]: localPolicy } },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body, updatedAt: '2026-11-20T10:00:00Z' }],
    // Private to the organisation: only the policy token can see it.
    repositories: { 'acme/release-policies': { files: baseFiles, readers: [POLICY_TOKEN] } },
  });
  return emulator.start();
}

function run(apiUrl: string, env: Record<string, string> = {}, body = COMPLETE) {
  return runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: pullRequestEvent('opened', body),
    inputs: { 'policy-token': POLICY_TOKEN },
    env,
  });
}

stopAfterEach(() => emulator);

describe('the bundled action with a policy that extends a base', () => {
  it('passes when the base items and the local ones are done, reading the base with the policy token', async () => {
    const apiUrl = await setUp(LOCAL_POLICY);
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['success', 'All 3 required items done'],
    ]);
    const baseReads = emulator.requests.filter((request) => request.path.startsWith('/repos/acme/'));
    expect(baseReads.map((request) => [request.path, request.query['ref'], request.token])).toEqual([
      ['/repos/acme/release-policies/contents/checklists%2Fproduction.yml', 'v3', POLICY_TOKEN],
    ]);
    // Everything else is read and written with the workflow token.
    expect(
      emulator.requests.filter((request) => request.token === POLICY_TOKEN).map((request) => request.path),
    ).toEqual(baseReads.map((request) => request.path));
    const report = JSON.parse(result.outputs['report'] ?? '');
    expect(report.items.map((item: { id: string; ruleFrom: string[] }) => [item.id, item.ruleFrom])).toEqual([
      ['tests', [BASE]],
      ['rollback', [BASE]],
      ['flags', [LOCAL]],
    ]);
    expect(emulator.gateComments(2)[0]?.body).toContain(`rule from \`${BASE}\``);
  });

  it('fails when a base item is not done, though the local file does not name it', async () => {
    const body = COMPLETE.replace('- [x] Rollback', '- [ ] Rollback');
    const apiUrl = await setUp(LOCAL_POLICY, undefined, body);
    const result = await run(apiUrl, {}, body);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.outputs['missing'] ?? '')).toEqual(['rollback']);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
  });

  it('is an error when the local file weakens a locked item, naming both files and lines', async () => {
    const apiUrl = await setUp(`${LOCAL_POLICY}  - id: rollback\n    required: false\n`);
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    const [error] = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(error).toEqual({
      file: LOCAL,
      line: 9,
      column: 5,
      message: `items.1 (rollback): required: false makes a locked item optional (locked by ${BASE}:7:5).`,
    });
    expect(emulator.gateComments(2)[0]?.body).toContain(`${LOCAL}:9:5`);
  });

  it('is an error naming the permission when the base cannot be read (404 to the workflow token)', async () => {
    const apiUrl = await setUp(LOCAL_POLICY);
    // No policy-token: the workflow token cannot see the private repository.
    const result = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    const [error] = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(error).toMatchObject({ file: LOCAL, line: 2, column: 10 });
    expect(error.message).toContain(
      `cannot read the base policy ${BASE}: repository acme/release-policies, path checklists/production.yml, ref v3. GitHub answered 404`,
    );
    expect(error.message).toContain('policy-token contents: read on acme/release-policies');
    expect(error.message).toContain('actions/create-github-app-token');
  });

  it('is an error on a 403 too, and never falls back to the local file alone', async () => {
    const apiUrl = await setUp(LOCAL_POLICY);
    emulator.inject({
      path: /^\/repos\/acme\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const result = await run(apiUrl);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    expect(JSON.parse(result.outputs['report'] ?? '').errors[0].message).toContain('GitHub answered 403');
  });

  it('reports an invalid base with its own file, line and column', async () => {
    const apiUrl = await setUp(LOCAL_POLICY, {
      v3: { 'checklists/production.yml': `${BASE_POLICY}  - id: flags\n    requird: true\n` },
    });
    const result = await run(apiUrl);
    expect(result.outputs['result']).toBe('error');
    const errors = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(
      errors.map((error: { file: string; line: number; column: number }) => [
        error.file,
        error.line,
        error.column,
      ]),
    ).toEqual([
      [LOCAL, 2, 10],
      [BASE, 10, 5],
    ]);
    expect(errors[1].message).toContain('unknown key "requird"');
  });

  it('follows a three-level chain, and names the chain of a cycle', async () => {
    const deepest = 'acme/release-policies/checklists/common.yml';
    const chained = {
      'checklists/production.yml': `version: 1\nextends: ${deepest}\nitems:\n  - id: tests\n    text: All tests passing\n`,
    };
    const apiUrl = await setUp(LOCAL_POLICY, {
      v3: chained,
      main: {
        'checklists/common.yml': 'version: 1\nitems:\n  - id: rollback\n    text: Rollback plan tested\n',
      },
    });
    const passing = await run(apiUrl);
    expect(passing.outputs['result']).toBe('pass');
    expect(
      JSON.parse(passing.outputs['report'] ?? '').items.map((item: { ruleFrom: string[] }) => item.ruleFrom),
    ).toEqual([[BASE], [deepest], [LOCAL]]);
    await emulator.stop();

    const cycleUrl = await setUp(LOCAL_POLICY, {
      v3: chained,
      main: { 'checklists/common.yml': `version: 1\nextends: ${BASE}\n` },
    });
    const cycle = await run(cycleUrl);
    expect(cycle.outputs['result']).toBe('error');
    expect(JSON.parse(cycle.outputs['report'] ?? '').errors).toEqual([
      {
        file: deepest,
        line: 2,
        column: 10,
        message: `extends ${BASE}, which closes a cycle: ${LOCAL} → ${BASE} → ${deepest} → ${BASE}. A policy cannot build on itself.`,
      },
    ]);
  });

  it('in a workflow kept in a central repository, reads the policy from the pull request’s own base branch and its base from extends', async () => {
    const apiUrl = await setUp(LOCAL_POLICY);
    const result = await run(apiUrl, {
      // A required workflow of an organisation ruleset: the file lives elsewhere, the event is this repository's.
      GITHUB_WORKFLOW_REF: 'acme/ci-workflows/.github/workflows/checklist-gate.yml@refs/heads/main',
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    });
    expect(result.outputs['result']).toBe('pass');
    const contents = emulator.requests.filter((request) => request.path.includes('/contents/'));
    expect(contents.map((request) => [request.path, request.query['ref'] ?? null])).toEqual([
      ['/repos/Codertocat/Hello-World/contents/.github%2Fchecklist-gate.yml', 'master'],
      ['/repos/acme/release-policies/contents/checklists%2Fproduction.yml', 'v3'],
    ]);
    // Its blob read again after writing, by GraphQL, to confirm the verdict's facts (docs/behaviour.md).
    const confirming = emulator.requests.filter(
      (request) => request.path === '/graphql' && JSON.stringify(request.body).includes('policy: object('),
    );
    expect(
      confirming.map((request) => (request.body as { variables: { policy: string } }).variables.policy),
    ).toEqual(['master:.github/checklist-gate.yml']);
    expect(emulator.requests.some((request) => request.path.includes('ci-workflows'))).toBe(false);
  });
});
