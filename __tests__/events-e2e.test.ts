import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';
import { statesOn } from './helpers/statuses-on.js';

// Issue 12: the verdict follows every fact it depends on, through the bundle.
const POLICY_PATH = '.github/checklist-gate.yml';
const BASE_POLICY = `version: 1
gate:
  branches: [master]
items:
  - id: tests
    text: Tests pass
  - id: migration
    text: Migration rehearsed
    when: { labels: [database] }
`;
const BODY = '- [x] Tests pass\n- [ ] Migration rehearsed\n';
const SHA = (n: number) => n.toString(16).padStart(40, 'c');

let emulator: GitHubEmulator;

function start(fixture: EmulatorFixture): Promise<string> {
  emulator = new GitHubEmulator(fixture);
  return emulator.start();
}

stopAfterEach(() => emulator);

describe('events that change a verdict', () => {
  it('a label added after a pass turns the status to failure', async () => {
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: BASE_POLICY } },
      pulls: [
        { number: 2, base: 'master', headSha: HEAD_SHA, body: BODY, updatedAt: '2026-11-20T10:00:00Z' },
      ],
    });
    const first = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', BODY),
    });
    expect(first.code).toBe(0);
    const pull = emulator.pulls.get(2);
    if (!pull) throw new Error('no pull request');
    pull.labels = ['database'];
    pull.updatedAt = '2026-11-20T10:01:00Z';
    const payload = webhook('pull_request', 'labeled');
    payload['pull_request'].body = BODY;
    const second = await runAction({ apiUrl, eventName: 'pull_request', payload });
    expect(second.code).toBe(1);
    expect(statesOn(emulator, HEAD_SHA)).toEqual(['success', 'failure']);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('Migration rehearsed');
  });

  it('an approving review by an approver turns a sign-off item to ok', async () => {
    const policy = 'version: 1\nitems:\n  - id: qa\n    text: QA sign-off\n    approvers: [alice]\n';
    const body = '- [x] QA sign-off\n';
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: policy } },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body }],
    });
    const before = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', body),
    });
    expect(before.code).toBe(1);
    emulator.reviews.set(2, [
      { id: 1, user: { login: 'alice', type: 'User' }, state: 'APPROVED', commit_id: HEAD_SHA },
    ]);
    const payload = webhook('pull_request_review', 'submitted');
    const after = await runAction({ apiUrl, eventName: 'pull_request_review', payload });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.outputs['report'] ?? '{}').items[0]).toMatchObject({ id: 'qa', status: 'ok' });
    expect(statesOn(emulator, HEAD_SHA)).toEqual(['failure', 'success']);
    expect(JSON.parse(after.outputs['results'] ?? '{}')).toEqual({ '2': 'pass' });
  });

  it('a completed run turns linked evidence to ok, and a failed re-run turns it back', async () => {
    const policy = 'version: 1\nitems:\n  - id: ci\n    text: CI green\n    evidence:\n      verify: true\n';
    const body = '- [x] CI green: https://github.com/Codertocat/Hello-World/actions/runs/11\n';
    const runPath = '/repos/Codertocat/Hello-World/actions/runs/11';
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: policy } },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body }],
      resources: {
        [runPath]: { json: { id: 11, status: 'in_progress', conclusion: null, head_sha: HEAD_SHA } },
      },
    });
    await runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('opened', body) });
    const completed = webhook('workflow_run', 'completed');
    completed['workflow_run'].head_sha = HEAD_SHA;
    completed['workflow_run'].pull_requests = [];
    completed['repository'] = { ...completed['repository'], default_branch: 'master' };
    emulator.resources.set(runPath, {
      json: { id: 11, status: 'completed', conclusion: 'success', head_sha: HEAD_SHA },
    });
    const green = await runAction({ apiUrl, eventName: 'workflow_run', payload: completed });
    expect(green.code).toBe(0);
    // The payload named no pull request: the open pull requests were listed, and those with the commit as head judged.
    expect(
      emulator.requests.some((request) => request.method === 'GET' && /\/pulls$/.test(request.path)),
    ).toBe(true);
    expect(statesOn(emulator, HEAD_SHA)).toEqual(['failure', 'success']);
    emulator.resources.set(runPath, {
      json: { id: 11, status: 'completed', conclusion: 'failure', head_sha: HEAD_SHA },
    });
    const repo = {
      id: 186853002,
      url: 'https://api.github.com/repos/Codertocat/Hello-World',
      name: 'Hello-World',
    };
    // A pull request as a workflow run names it: number, head and base, no description.
    completed['workflow_run'].pull_requests = [
      {
        id: 279147437,
        number: 2,
        url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/2',
        head: { ref: 'changes', sha: HEAD_SHA, repo },
        base: { ref: 'master', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', repo },
      },
    ];
    const red = await runAction({ apiUrl, eventName: 'workflow_run', payload: completed });
    expect(red.code).toBe(0);
    expect(JSON.parse(red.outputs['results'] ?? '{}')).toEqual({ '2': 'fail' });
    expect(statesOn(emulator, HEAD_SHA)).toEqual(['failure', 'success', 'failure']);
  });

  it('a push that changes the policy on the base re-evaluates every open pull request into it', async () => {
    const lax = 'version: 1\ngate:\n  branches: [main]\nitems:\n  - id: tests\n    text: Tests pass\n';
    const strict = `${lax}  - id: rollback\n    text: Rollback plan tested\n`;
    const body = '- [x] Tests pass\n';
    const apiUrl = await start({
      defaultBranch: 'main',
      files: { main: { [POLICY_PATH]: strict } },
      pulls: [
        { number: 3, base: 'main', headSha: SHA(3), body, updatedAt: '2026-11-20T10:03:00Z' },
        { number: 4, base: 'main', headSha: SHA(4), body, updatedAt: '2026-11-20T10:04:00Z' },
        { number: 5, base: 'develop', headSha: SHA(5), body, updatedAt: '2026-11-20T10:05:00Z' },
        { number: 6, base: 'main', headSha: SHA(6), body, state: 'closed' },
      ],
    });
    void lax;
    const payload = webhook('push');
    payload['ref'] = 'refs/heads/main';
    payload['repository'] = { ...payload['repository'], default_branch: 'main' };
    const run = await runAction({ apiUrl, eventName: 'push', payload });
    // The verdicts live in each pull request's status: the sweep's job is green.
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['results'] ?? '{}')).toEqual({ '4': 'fail', '3': 'fail' });
    expect(statesOn(emulator, SHA(3))).toEqual(['failure']);
    expect(statesOn(emulator, SHA(4))).toEqual(['failure']);
    expect(statesOn(emulator, SHA(5))).toEqual([]);
    const listing = emulator.requests.find(
      (request) => request.path.endsWith('/pulls') && request.method === 'GET',
    );
    expect(listing?.query).toMatchObject({ state: 'open', base: 'main', sort: 'updated', direction: 'desc' });
  });

  it('a scheduled sweep evaluates every open pull request into a gated branch, skips the others, and reports a table', async () => {
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: BASE_POLICY } },
      pulls: [
        { number: 2, base: 'master', headSha: SHA(2), body: BODY, updatedAt: '2026-11-20T10:02:00Z' },
        {
          number: 7,
          base: 'master',
          headSha: SHA(7),
          body: '- [ ] Tests pass\n',
          updatedAt: '2026-11-20T10:07:00Z',
        },
        { number: 8, base: 'feature/x', headSha: SHA(8), body: '', updatedAt: '2026-11-20T10:08:00Z' },
      ],
    });
    const run = await runAction({ apiUrl, eventName: 'schedule', payload: { schedule: '0 6 * * *' } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['results'] ?? '{}')).toEqual({ '7': 'fail', '2': 'pass' });
    expect(statesOn(emulator, SHA(2))).toEqual(['success']);
    expect(statesOn(emulator, SHA(7))).toEqual(['failure']);
    expect(statesOn(emulator, SHA(8))).toEqual([]);
    expect(emulator.gateComments(8)).toEqual([]);
    expect(run.summary).toContain('2 evaluated, 1 skipped (not gated), 0 left for the next run');
    expect(run.summary).toContain('| [#7](https://github.com/Codertocat/Hello-World/pull/7) | fail |');
    // Nothing changed: a second sweep writes nothing at all.
    const before = emulator.writes().length;
    const again = await runAction({ apiUrl, eventName: 'schedule', payload: { schedule: '0 6 * * *' } });
    expect(again.code).toBe(0);
    expect(emulator.writes().length).toBe(before);
  });

  it("a schedule's payload names no default branch: it is read, so a policy gating the default branch still gates", async () => {
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: 'version: 1\n' } },
      pulls: [{ number: 2, base: 'master', headSha: SHA(2), body: '- [ ] Tests pass\n' }],
    });
    const run = await runAction({ apiUrl, eventName: 'schedule', payload: { schedule: '0 6 * * *' } });
    expect(JSON.parse(run.outputs['results'] ?? '{}')).toEqual({ '2': 'fail' });
    expect(statesOn(emulator, SHA(2))).toEqual(['failure']);
    expect(emulator.requests.some((request) => request.path === '/repos/Codertocat/Hello-World')).toBe(true);
  });

  it('a sweep evaluates at most max-pulls, most recently updated first, and says how many are left', async () => {
    const pulls = [1, 2, 3].map((number) => ({
      number,
      base: 'master',
      headSha: SHA(number),
      body: BODY,
      updatedAt: `2026-11-20T10:0${number}:00Z`,
    }));
    const apiUrl = await start({ files: { master: { [POLICY_PATH]: BASE_POLICY } }, pulls });
    const run = await runAction({
      apiUrl,
      eventName: 'workflow_dispatch',
      payload: webhook('workflow_dispatch'),
      inputs: { 'max-pulls': '2' },
    });
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.outputs['results'] ?? '{}')).sort()).toEqual(['2', '3']);
    expect(run.summary).toContain('1 left for the next run (max-pulls 2)');
  });

  it('a sweep fails its job only when an evaluation errors, and still evaluates the others', async () => {
    const apiUrl = await start({
      files: { master: { [POLICY_PATH]: BASE_POLICY } },
      pulls: [
        { number: 2, base: 'master', headSha: SHA(2), body: BODY, updatedAt: '2026-11-20T10:02:00Z' },
        { number: 3, base: 'master', headSha: SHA(3), body: BODY, updatedAt: '2026-11-20T10:03:00Z' },
      ],
    });
    emulator.inject({ method: 'GET', path: /\/issues\/3\/comments$/, status: 404, times: 5 });
    const run = await runAction({ apiUrl, eventName: 'schedule', payload: {} });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs['results'] ?? '{}')).toEqual({ '3': 'error', '2': 'pass' });
    expect(statesOn(emulator, SHA(3))).toEqual(['error']);
    expect(statesOn(emulator, SHA(2))).toEqual(['success']);
  });
});
