import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { waitFor } from './helpers/wait-for.js';
import { statesOn } from './helpers/statuses-on.js';

// Issue 22: the 1,000-status cap, and writes that land late or judge stale facts.
const STRICT = 'version: 1\ngate:\n  branches: [master]\n';
const LAX = 'version: 1\ngate:\n  branches: [master]\nunlisted: optional\n';
const POLICY = '.github/checklist-gate.yml';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const MALLORY = { login: 'mallory', type: 'User', id: 666 };

let emulator: GitHubEmulator;

function start(options: { policy?: string; body?: string; statusCap?: number } = {}): Promise<string> {
  emulator = new GitHubEmulator({
    files: { master: { [POLICY]: options.policy ?? STRICT } },
    pulls: [
      {
        number: 2,
        base: 'master',
        headSha: HEAD_SHA,
        body: options.body ?? INCOMPLETE,
        updatedAt: '2026-11-20T10:00:00Z',
      },
    ],
    ...(options.statusCap !== undefined && { statusCap: options.statusCap }),
  });
  return emulator.start();
}

afterEach(async () => {
  emulator?.release();
  await emulator?.stop();
});

const run = (apiUrl: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: pullRequestEvent('synchronize', INCOMPLETE),
    ...extra,
  });

const states = () => statesOn(emulator, HEAD_SHA);

describe('the 1,000-status cap', () => {
  it('posts a status only when the verdict on the commit changes', async () => {
    // Three statuses at most: each of the runs below would have posted one before.
    const apiUrl = await start({ statusCap: 3 });
    for (let index = 0; index < 5; index++) expect((await run(apiUrl)).code).toBe(1);
    expect(states()).toEqual(['failure']);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:01:00Z');
    for (let index = 0; index < 3; index++)
      expect((await run(apiUrl, { payload: pullRequestEvent('edited', COMPLETE) })).code).toBe(0);
    expect(states()).toEqual(['failure', 'success']);
    // Eight runs of the bundle one after another: more than the default timeout on a loaded machine.
  }, 120_000);

  it('a foreign success as the last status GitHub keeps: the run fails loudly and never says it replaced it', async () => {
    const apiUrl = await start({ statusCap: 4 });
    expect((await run(apiUrl)).code).toBe(1);
    // Someone with push access fills the commit's statuses, a success last.
    for (const state of ['pending', 'pending', 'success'])
      expect(emulator.postStatus(HEAD_SHA, { state, description: 'All done', creator: MALLORY })).toBe(true);
    expect(emulator.postStatus(HEAD_SHA, { state: 'success', creator: MALLORY })).toBe(false);
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    // The status could not be changed: mallory's success is still the latest, and nobody says otherwise.
    expect(states()).toEqual(['failure', 'pending', 'pending', 'success']);
    expect(result.stdout).not.toContain('It was replaced');
    expect(result.summary).not.toContain('It was replaced');
    for (const text of [result.summary, emulator.gateComments(2)[0]?.body ?? '']) {
      expect(text).toContain('The `checklist-gate` status on ec26c3e can no longer be changed.');
      expect(text).toContain('Push a new commit');
      expect(text).toContain('check run pinned to the gate');
      expect(text).toContain('posted by @mallory, not by the gate. It was not replaced');
    }
    expect(result.stdout).toContain('::error::The checklist-gate status on ec26c3e can no longer be changed');
    // Checks are writable: a failing check run says so.
    expect(emulator.checkRuns.at(-1)).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: 'failure',
      output: { title: 'Error: the checklist-gate status on ec26c3e can no longer be changed' },
    });
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it("a retarget to an ungated branch as the last status: going back fails loudly, not on 'Not gated'", async () => {
    const apiUrl = await start({ statusCap: 2 });
    expect((await run(apiUrl)).code).toBe(1);
    const retarget = (base: string) => {
      const pull = emulator.pulls.get(2);
      if (pull)
        Object.assign(pull, {
          base,
          updatedAt: base === 'develop' ? '2026-11-20T10:01:00Z' : '2026-11-20T10:02:00Z',
        });
      const payload = pullRequestEvent('edited', INCOMPLETE);
      payload['pull_request'].base.ref = base;
      payload['changes'] = {
        base: { ref: { from: base === 'develop' ? 'master' : 'develop' }, sha: { from: 'b'.repeat(40) } },
      };
      return payload;
    };
    const away = await run(apiUrl, { payload: retarget('develop') });
    expect(away.outputs['result']).toBe('skip');
    expect(states()).toEqual(['failure', 'success']);
    const back = await run(apiUrl, { payload: retarget('master') });
    expect(back.code).toBe(1);
    expect(back.outputs['result']).toBe('error');
    expect(back.summary).toContain('can no longer be changed');
    expect(emulator.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('without checks: write, no check run, and the job still fails', async () => {
    const apiUrl = await start({ statusCap: 1 });
    emulator.postStatus(HEAD_SHA, { state: 'success', creator: MALLORY });
    emulator.inject({ method: 'POST', path: /\/check-runs$/, status: 403, times: 5 });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.checkRuns).toEqual([]);
    expect(result.summary).toContain('can no longer be changed');
  });
});

describe('late writes and stale facts', () => {
  it('a write retried after a newer run finished does not leave the older verdict last', async () => {
    const apiUrl = await start({ body: COMPLETE });
    // The older run's status write fails once; its retry is held until the newer run has finished.
    emulator.inject({ method: 'POST', path: /\/statuses\//, status: 502, token: 'older' });
    let retried = false;
    emulator.hold((request) => {
      if (request.token !== 'older' || request.method !== 'POST' || !request.path.includes('/statuses/'))
        return false;
      return (retried = true);
    });
    const older = run(apiUrl, { inputs: { token: 'older' }, payload: pullRequestEvent('edited', COMPLETE) });
    await waitFor(() => retried, 15000);
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:00:05Z');
    const newer = await run(apiUrl, {
      inputs: { token: 'newer' },
      payload: pullRequestEvent('edited', INCOMPLETE),
    });
    expect(newer.code).toBe(1);
    emulator.hold(() => false);
    emulator.release();
    const late = await older;
    expect(late.stdout).toContain('evaluating again');
    expect(states().at(-1)).toBe('failure');
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('1 of 2 required items open');
  });

  it("a run on the old policy that writes after the policy push's sweep does not overwrite its failure", async () => {
    const apiUrl = await start({ policy: LAX });
    let held = false;
    emulator.hold(
      (request) =>
        request.token === 'slow' && request.method !== 'GET' && request.path !== '/graphql' && (held = true),
    );
    const slow = run(apiUrl, { inputs: { token: 'slow' } });
    await waitFor(() => held, 15000);
    (emulator.files['master'] as Record<string, string>)[POLICY] = STRICT;
    const push = webhook('push');
    push['ref'] = 'refs/heads/master';
    push['repository'] = { ...push['repository'], default_branch: 'master' };
    const sweep = await runAction({ apiUrl, eventName: 'push', payload: push, inputs: { token: 'sweep' } });
    expect(sweep.code).toBe(0);
    expect(states()).toEqual(['failure']);
    emulator.hold(() => false);
    emulator.release();
    const result = await slow;
    expect(result.stdout).toContain('evaluating again');
    expect(states().at(-1)).toBe('failure');
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('1 of 2 required items open');
  });

  it("a sweep without a comment does not overwrite an edit's newer failure with its listing's success", async () => {
    const apiUrl = await start({ body: COMPLETE });
    emulator.hold(
      (request) =>
        request.token === 'sweep' && request.method === 'POST' && request.path.includes('/statuses/'),
    );
    const sweep = runAction({
      apiUrl,
      eventName: 'schedule',
      payload: {},
      inputs: { token: 'sweep', comment: 'never' },
    });
    await waitFor(() => emulator.held.length > 0, 15000);
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:00:05Z');
    const edit = await run(apiUrl, {
      inputs: { token: 'edit', comment: 'never' },
      payload: pullRequestEvent('edited', INCOMPLETE),
    });
    expect(edit.code).toBe(1);
    expect(states()).toEqual(['failure']);
    emulator.hold(() => false);
    emulator.release();
    expect((await sweep).code).toBe(0);
    expect(states().at(-1)).toBe('failure');
  });
});
