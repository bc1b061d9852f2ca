import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';
import { statusesOn } from './helpers/statuses-on.js';

const RUN_PATH = '/repos/Codertocat/Hello-World/actions/runs/11';

// Issue 22: pull requests from forks sharing a commit. GitHub's pull requests of a commit leave
// out heads in forks (the emulator does the same; see its GET /commits/{sha}/pulls), so anyone
// with a fork could open a second pull request with the release's head commit into an ungated
// branch, whose run found no other pull request and posted "Not gated" success on that commit.
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
/** The gated release pull request, from the maintainer's fork. */
const RELEASE = {
  number: 2,
  base: 'master',
  headSha: HEAD_SHA,
  body: INCOMPLETE,
  headRepo: 'octocat/Hello-World',
};

let emulator: GitHubEmulator;

function start(fixture: EmulatorFixture = {}): Promise<string> {
  emulator = new GitHubEmulator({ files: { master: { '.github/checklist-gate.yml': POLICY } }, ...fixture });
  return emulator.start();
}

stopAfterEach(() => emulator);

/** The pull_request event of an outsider's pull request #9 from their own fork. */
function outsiderEvent(base: string, body: string): Record<string, any> {
  const payload = pullRequestEvent('opened', body);
  payload['pull_request'].number = 9;
  payload['pull_request'].base.ref = base;
  payload['pull_request'].head.repo.full_name = 'mallory/Hello-World';
  return payload;
}

const onHead = () => statusesOn(emulator, HEAD_SHA).map((status) => [status.state, status.description]);

describe('pull requests from forks sharing a commit', () => {
  it('an outsider\'s "Not gated" pull request never stands over the gated release from a fork', async () => {
    const apiUrl = await start({
      pulls: [RELEASE, { number: 9, base: 'develop', headSha: HEAD_SHA, headRepo: 'mallory/Hello-World' }],
    });
    // GitHub associates neither pull request with the commit: both heads live in forks.
    expect(
      await (
        await fetch(`${apiUrl}/repos/Codertocat/Hello-World/commits/${HEAD_SHA}/pulls`, {
          headers: { authorization: 'token test-token' },
        })
      ).json(),
    ).toEqual([]);
    emulator.requests.length = 0;
    const release = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(release.code).toBe(1);
    const outsider = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: outsiderEvent('develop', ''),
    });
    expect(outsider.outputs['result']).toBe('skip');
    expect(onHead()).toEqual([
      ['failure', '1 of 2 required items open'],
      ['failure', '#2: 1 of 2 required items open'],
    ]);
    expect(outsider.summary).toContain("shows #2's verdict");
  });

  it("a fork's own gated pull request that passes never stands over the release's failure", async () => {
    const apiUrl = await start({
      pulls: [
        RELEASE,
        { number: 9, base: 'master', headSha: HEAD_SHA, body: COMPLETE, headRepo: 'mallory/Hello-World' },
      ],
    });
    const outsider = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: outsiderEvent('master', COMPLETE),
    });
    expect(outsider.outputs['result']).toBe('pass');
    expect(onHead()).toEqual([['failure', '#2: 1 of 2 required items open']]);
  });

  it('a release event on the commit weighs the gated pull request from a fork', async () => {
    const payload = webhook('release', 'published');
    const apiUrl = await start({
      // Releases not gated: the release's own verdict is "Not gated".
      files: { master: { '.github/checklist-gate.yml': `${POLICY}  releases: false\n` } },
      pulls: [RELEASE],
      releases: [{ id: payload['release'].id, tagName: '0.0.1', body: '', sha: HEAD_SHA }],
    });
    const result = await runAction({ apiUrl, eventName: 'release', payload, sha: HEAD_SHA });
    expect(result.outputs['result']).toBe('skip');
    expect(onHead()).toEqual([['failure', '#2: 1 of 2 required items open']]);
  });

  it('a success is never posted when too many pull requests are open to know every one on the commit', async () => {
    // 1,001 open pull requests: more than the ten pages of 100 the gate reads.
    const crowd = Array.from({ length: 1001 }, (_, index) => ({
      number: 100 + index,
      base: 'develop',
      headSha: (index + 1).toString(16).padStart(40, 'd'),
    }));
    const apiUrl = await start({ pulls: [{ number: 9, base: 'develop', headSha: HEAD_SHA }, ...crowd] });
    const outsider = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: outsiderEvent('develop', ''),
    });
    expect(outsider.code).toBe(1);
    expect(onHead()).toEqual([
      [
        'error',
        expect.stringContaining(
          'cannot tell which open pull requests share the commit ec26c3e: the repository has more than 1000',
        ),
      ],
    ]);
    expect(emulator.requests.filter((request) => request.path.endsWith('/Hello-World/pulls'))).toHaveLength(
      10,
    );
  });

  it('a failure needs no complete listing: the crowd costs no error', async () => {
    const crowd = Array.from({ length: 1001 }, (_, index) => ({
      number: 100 + index,
      base: 'develop',
      headSha: (index + 1).toString(16).padStart(40, 'd'),
    }));
    const apiUrl = await start({ pulls: [RELEASE, ...crowd] });
    const release = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(release.outputs['result']).toBe('fail');
    expect(onHead()).toEqual([['failure', '1 of 2 required items open']]);
  });

  it('a sweep of one branch lists every open pull request once, for all the pull requests it evaluates', async () => {
    const apiUrl = await start({
      pulls: [2, 3, 4].map((number) => ({
        number,
        base: 'master',
        headSha: number.toString(16).padStart(40, 'e'),
        body: COMPLETE,
      })),
    });
    const payload = webhook('push');
    payload['ref'] = 'refs/heads/master';
    payload['repository'] = { ...payload['repository'], default_branch: 'master' };
    const run = await runAction({ apiUrl, eventName: 'push', payload });
    expect(JSON.parse(run.outputs['results'] ?? '{}')).toEqual({ '2': 'pass', '3': 'pass', '4': 'pass' });
    const listings = emulator.requests.filter((request) => request.path.endsWith('/Hello-World/pulls'));
    // The sweep's own listing of the pushed branch, and one of every open pull request.
    expect(listings.map((request) => request.query['base'] ?? null).sort()).toEqual(['master', null]);
  });

  it('a completed workflow run re-evaluates the pull request from a fork whose head it ran on', async () => {
    // The evidence is a run on the head commit: the fork's pull request passes once it is green.
    const policy =
      'version: 1\ngate:\n  branches: [master]\nitems:\n  - id: tests\n    text: Tests pass\n' +
      '    evidence:\n      allow: ["https://github.com/Codertocat/Hello-World/actions/runs/*"]\n      verify: true\n';
    const body = '- [x] Tests pass https://github.com/Codertocat/Hello-World/actions/runs/11\n';
    const apiUrl = await start({
      files: { master: { '.github/checklist-gate.yml': policy } },
      pulls: [{ ...RELEASE, body }],
    });
    emulator.resources.set(RUN_PATH, {
      json: { id: 11, status: 'in_progress', conclusion: null, head_sha: HEAD_SHA },
    });
    const opened = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', body),
    });
    expect(opened.code).toBe(1);
    emulator.resources.set(RUN_PATH, {
      json: { id: 11, status: 'completed', conclusion: 'success', head_sha: HEAD_SHA },
    });
    // GitHub's workflow run names no pull request whose head lives in a fork, nor does its
    // pull requests of a commit: the gate finds it in the listing of open pull requests.
    const completed = webhook('workflow_run', 'completed');
    completed['workflow_run'].head_sha = HEAD_SHA;
    completed['workflow_run'].pull_requests = [];
    completed['repository'] = { ...completed['repository'], default_branch: 'master' };
    const green = await runAction({ apiUrl, eventName: 'workflow_run', payload: completed });
    expect(green.code).toBe(0);
    expect(JSON.parse(green.outputs['results'] ?? '{}')).toEqual({ '2': 'pass' });
    expect(onHead().at(-1)?.[0]).toBe('success');
  });
});
