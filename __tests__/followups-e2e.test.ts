import { APP_TOKEN, GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

// Follow-ups on issues 13 and 14: notices with `report-as: both`, shared commits named as posted.
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const OTHER_APP = { login: 'quote-bot[bot]', type: 'Bot', id: 777 };

let emulator: GitHubEmulator;

function start(fixture: EmulatorFixture = {}): Promise<string> {
  emulator = new GitHubEmulator(gatedPullRequest(POLICY, { body: INCOMPLETE }, fixture));
  return emulator.start();
}

stopAfterEach(() => emulator);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('report-as: both', () => {
  it('a foreign status and check run by one author make one notice, in the comment, the summary and the warnings', async () => {
    const apiUrl = await start();
    emulator.postStatus(HEAD_SHA, { state: 'success', description: 'All done', creator: OTHER_APP });
    emulator.checkRuns.push({
      id: 90,
      name: 'checklist-gate',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'All done' },
      app: { slug: 'quote-bot', name: 'Quote bot' },
    });
    const result = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('synchronize', INCOMPLETE),
      inputs: { token: APP_TOKEN, 'report-as': 'both' },
    });
    expect(result.code).toBe(1);
    const notice =
      'A `checklist-gate` status and check run on ec26c3e were posted by @quote-bot[bot], not by the gate. They were replaced.';
    expect(occurrences(result.summary, 'not by the gate')).toBe(1);
    expect(result.summary).toContain(notice);
    const comment = emulator.gateComments(2)[0]?.body ?? '';
    expect(occurrences(comment, 'not by the gate')).toBe(1);
    expect(occurrences(result.stdout, `::warning::${notice}`)).toBe(1);
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'failure' });
    expect(emulator.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
  });
});

describe('the shared-commit note names what was posted', () => {
  const ungatedRun = async (reportAs: string) => {
    const apiUrl = await start({
      pulls: [
        { number: 2, base: 'master', headSha: HEAD_SHA, body: INCOMPLETE },
        { number: 9, base: 'develop', headSha: HEAD_SHA, body: '' },
      ],
    });
    const payload = pullRequestEvent('opened', '');
    payload['pull_request'].number = 9;
    payload['pull_request'].base.ref = 'develop';
    return runAction({ apiUrl, eventName: 'pull_request', payload, inputs: { 'report-as': reportAs } });
  };

  it('a check run', async () => {
    const result = await ungatedRun('check-run');
    expect(result.summary).toContain("The `checklist-gate` check run on ec26c3e shows #2's verdict");
    expect(result.summary).toContain('a check run belongs to the commit');
    expect(result.summary).not.toContain('status');
    expect(emulator.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
  });

  it('a status and a check run', async () => {
    const result = await ungatedRun('both');
    expect(result.summary).toContain(
      "The `checklist-gate` status and check run on ec26c3e show #2's verdict: that pull request has the same head commit, and both belong to the commit",
    );
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'failure' });
    expect(emulator.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
  });
});

describe('gate.branches cannot point the gate away from the branches a base gates', () => {
  const BASE = 'acme/release-policies/checklists/production.yml@v3';
  const LOCAL = '.github/checklist-gate.yml';
  const POLICY_TOKEN = 'app-installation-token';
  const BASE_ITEMS = 'items:\n  - id: rollback\n    text: Rollback plan tested\n';
  const setUp = (basePolicy: string) =>
    start({
      files: {
        master: { [LOCAL]: `version: 1\nextends: ${BASE}\ngate:\n  branches: [develop]\n` },
      },
      repositories: {
        'acme/release-policies': {
          files: { v3: { 'checklists/production.yml': basePolicy } },
          readers: [POLICY_TOKEN],
        },
      },
    });
  const run = (apiUrl: string) =>
    runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
      inputs: { 'policy-token': POLICY_TOKEN },
    });

  it('a local list that drops the base branch is an error naming both files, not "Not gated"', async () => {
    const apiUrl = await setUp(`version: 1\ngate:\n  branches: [master]\n${BASE_ITEMS}`);
    const result = await run(apiUrl);
    expect(result.outputs['result']).toBe('error');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    const [error] = JSON.parse(result.outputs['report'] ?? '').errors;
    expect(error).toEqual({
      file: LOCAL,
      line: 4,
      column: 3,
      message: `gate.branches no longer gates "master", which the base policy gates; list every branch the base gates (master) and add your own after them (locked by ${BASE}:3:3).`,
    });
  });

  it('over a base that gates the default branch, the default branch stays gated', async () => {
    const apiUrl = await setUp(`version: 1\n${BASE_ITEMS}`);
    const result = await run(apiUrl);
    expect(result.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
  });
});

describe('a release whose tag points at a shared commit', () => {
  const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
  const setUp = (releaseSha: string) =>
    start({
      pulls: [
        { number: 2, base: 'master', headSha: HEAD_SHA, body: COMPLETE },
        { number: 9, base: 'develop', headSha: HEAD_SHA, body: '' },
      ],
      releases: [{ id: 77, tagName: 'v1.0.0', body: INCOMPLETE, sha: releaseSha }],
    });
  const prRun = (apiUrl: string, number: number, base: string, body: string) => {
    const payload = pullRequestEvent('opened', body);
    payload['pull_request'].number = number;
    payload['pull_request'].base.ref = base;
    return runAction({ apiUrl, eventName: 'pull_request', payload });
  };

  it('an ungated pull request with the release commit as head posts the release failure, not "Not gated"', async () => {
    const apiUrl = await setUp(HEAD_SHA);
    const result = await prRun(apiUrl, 9, 'develop', '');
    expect(result.outputs['result']).toBe('skip');
    expect(emulator.statuses).toMatchObject([
      { sha: HEAD_SHA, state: 'failure', description: 'Release v1.0.0: 1 of 2 required items open' },
    ]);
    expect(result.summary).toContain('shows the verdict of release v1.0.0, whose tag points at this commit');
  });

  it('a passing gated pull request does not overwrite the failing release on its head', async () => {
    const apiUrl = await setUp(HEAD_SHA);
    const result = await prRun(apiUrl, 2, 'master', COMPLETE);
    // The pull request's own checklist passes; the commit's status is the release's failure.
    expect(result.outputs['result']).toBe('pass');
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'failure' });
  });

  it('costs no request when no release points at the head: the releases come with the identity query', async () => {
    const apiUrl = await setUp('b'.repeat(40));
    const result = await prRun(apiUrl, 2, 'master', COMPLETE);
    expect(result.outputs['result']).toBe('pass');
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'success' });
    expect(emulator.requests.filter((request) => request.path.includes('/releases'))).toHaveLength(0);
    // The first round's one query, with the releases; then the confirming query after the write.
    const queries = emulator.requests.filter((request) => request.path === '/graphql');
    expect(queries.map((request) => String((request.body as { query: string }).query))).toEqual([
      expect.stringContaining('releases('),
      expect.not.stringContaining('releases('),
    ]);
  });

  it('a policy that does not gate releases leaves the release out', async () => {
    const apiUrl = await setUp(HEAD_SHA);
    emulator.files['master'] = { '.github/checklist-gate.yml': `${POLICY}  releases: false\n` };
    await prRun(apiUrl, 2, 'master', COMPLETE);
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'success' });
  });
});

describe('a release event on a commit that open pull requests have as their head', () => {
  const releaseRun = async (policy: string, releaseBody: string) => {
    const payload = webhook('release', 'published');
    const apiUrl = await start({
      files: { master: { '.github/checklist-gate.yml': policy } },
      releases: [{ id: payload['release'].id, tagName: 'v2.0.0', body: releaseBody, sha: HEAD_SHA }],
    });
    return runAction({ apiUrl, eventName: 'release', payload, sha: HEAD_SHA });
  };

  it('"Not gated" for the release never overwrites the failure of a gated pull request on the commit', async () => {
    const result = await releaseRun(`${POLICY}  releases: false\n`, '');
    expect(result.outputs['result']).toBe('skip');
    expect(emulator.statuses).toMatchObject([
      { sha: HEAD_SHA, state: 'failure', description: '#2: 1 of 2 required items open' },
    ]);
    expect(result.summary).toContain("shows #2's verdict");
  });

  it('a passing release posts the failing pull request verdict on their shared commit', async () => {
    const result = await releaseRun(POLICY, '- [x] Tests pass\n- [x] Rollback plan tested\n');
    expect(result.outputs['result']).toBe('pass');
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'failure' });
  });
});

describe('a release run whose facts move while it evaluates', () => {
  const COMPLETE_RELEASE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
  const STRICT = `${POLICY}items:\n  - id: canary\n    text: Canary healthy\n`;
  it.each([
    [
      'the release is edited',
      (id: number) => {
        const release = emulator.releases.get(id);
        if (release) Object.assign(release, { body: COMPLETE_RELEASE, updatedAt: '2026-11-20T10:00:05Z' });
      },
      'success',
    ],
    [
      'the policy is pushed',
      () => {
        emulator.files['master'] = { '.github/checklist-gate.yml': STRICT };
      },
      'failure',
    ],
  ])('evaluates again when %s between its read and its write', async (_what, move, final) => {
    const payload = webhook('release', 'published');
    const id = payload['release'].id as number;
    const apiUrl = await start({
      files: { master: { '.github/checklist-gate.yml': POLICY } },
      releases: [
        { id, tagName: 'v2.0.0', body: INCOMPLETE, sha: HEAD_SHA, updatedAt: '2026-11-20T10:00:00Z' },
      ],
      // No pull request shares the commit: the status is the release's own verdict.
      pulls: [],
    });
    // Its first status write is held back until the facts have moved.
    emulator.hold((request) => request.method === 'POST' && request.path.includes('/statuses/'));
    const running = runAction({ apiUrl, eventName: 'release', payload, sha: HEAD_SHA });
    const since = Date.now();
    while (emulator.held.length === 0 && Date.now() - since < 20000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    move(id);
    emulator.hold(() => false);
    emulator.release();
    const result = await running;
    expect(result.stdout).toContain('evaluating again');
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: final });
    expect(result.outputs['result']).toBe(final === 'success' ? 'pass' : 'fail');
  });
});
