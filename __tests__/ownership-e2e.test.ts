import { APP_BOT, APP_TOKEN, BOT, GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';
import { waitFor } from './helpers/wait-for.js';
import { statusesOn } from './helpers/statuses-on.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

// Issues 12, 13 and 14: the gate's own comment, statuses and check runs by identity; foreign
// verdicts replaced; shared head commits; overlapping runs.
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
const MARKER = '<!-- checklist-gate:checklist-gate -->';
const MALLORY = { login: 'mallory', type: 'User', id: 666 };
const OTHER_APP = { login: 'quote-bot[bot]', type: 'Bot', id: 777 };
const SHA = (n: number) => n.toString(16).padStart(40, 'c');

let emulator: GitHubEmulator;

function start(fixture: EmulatorFixture = {}): Promise<string> {
  emulator = new GitHubEmulator(
    gatedPullRequest(POLICY, { body: INCOMPLETE, updatedAt: '2026-11-20T10:00:00Z' }, fixture),
  );
  return emulator.start();
}

stopAfterEach(() => emulator);

const run = (apiUrl: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: pullRequestEvent('synchronize', INCOMPLETE),
    ...extra,
  });

/** A comment carrying the marker and a stamp, as another author might post one. */
const lookAlike = (id: number, user: typeof BOT, evaluated: string, state = 'success') => ({
  id,
  issue: 2,
  user,
  body: `${MARKER}\n<!-- checklist-gate-verdict: {"evaluated":"${evaluated}","state":"${state}","description":"All done"} -->\n### ✅ All done`,
});

describe('the gate knows its own work by its identity', () => {
  it('with an app token: its own comment, status and check run are recognised, a look-alike from another app ignored', async () => {
    const apiUrl = await start({
      comments: [
        lookAlike(5, OTHER_APP, '2026-11-20T09:00:00Z'),
        lookAlike(6, APP_BOT, '2026-11-20T09:00:00Z'),
      ],
    });
    const inputs = { token: APP_TOKEN, 'report-as': 'both' };
    const first = await run(apiUrl, { inputs });
    expect(first.code).toBe(1);
    // The app's comment is updated in place; the other app's look-alike is left as it was.
    expect(emulator.comments.find((comment) => comment.id === 6)?.body).toContain(
      '1 of 2 required items open',
    );
    expect(emulator.comments.find((comment) => comment.id === 5)?.body).toContain('All done');
    expect(emulator.comments.filter((comment) => comment.issue === 2)).toHaveLength(2);
    // The second run finds its own status and check run as the latest: no notice, no warning.
    const second = await run(apiUrl, { inputs });
    expect(second.code).toBe(1);
    expect(second.stdout).not.toContain('not by the gate');
    expect(second.summary).not.toContain('not by the gate');
    expect(emulator.comments.find((comment) => comment.id === 6)?.body).not.toContain('not by the gate');
  });

  it('a check run by another app with the gate name is foreign to the app-token gate', async () => {
    const apiUrl = await start();
    emulator.checkRuns.push({
      id: 90,
      name: 'checklist-gate',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'All done' },
      app: { slug: 'github-actions', name: 'GitHub Actions' },
    });
    const result = await run(apiUrl, { inputs: { token: APP_TOKEN, 'report-as': 'check-run' } });
    expect(result.code).toBe(1);
    expect(result.summary).toContain(
      'A `checklist-gate` check run on ec26c3e was posted by @github-actions[bot], not by the gate. It was replaced.',
    );
    expect(emulator.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure', head_sha: HEAD_SHA });
  });

  it('a stamp from the future in its own comment is ignored: the run posts its own verdict', async () => {
    const apiUrl = await start({ comments: [lookAlike(5, BOT, '2099-01-01T00:00:00Z')] });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('newer than the pull request as read now');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
    expect(emulator.comments.find((comment) => comment.id === 5)?.body).toContain(
      '1 of 2 required items open',
    );
  });
});

describe('foreign verdicts are found and replaced', () => {
  it("a foreign success status posted after the gate's failure is replaced, with a notice and a warning", async () => {
    const apiUrl = await start();
    expect((await run(apiUrl)).code).toBe(1);
    emulator.postStatus(HEAD_SHA, { state: 'success', description: 'All done', creator: MALLORY });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    const notice =
      'A `checklist-gate` status on ec26c3e was posted by @mallory, not by the gate. It was replaced.';
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'failure' });
    expect(emulator.gateComments(2)[0]?.body).toContain(notice);
    expect(result.summary).toContain(notice);
    expect(result.stdout).toContain(`::warning::${notice}`);
  });

  it('a sweep replaces foreign statuses across open pull requests, even where its own verdict is unchanged', async () => {
    const apiUrl = await start({
      pulls: [
        { number: 2, base: 'master', headSha: SHA(2), body: INCOMPLETE, updatedAt: '2026-11-20T10:02:00Z' },
        { number: 3, base: 'master', headSha: SHA(3), body: INCOMPLETE, updatedAt: '2026-11-20T10:03:00Z' },
      ],
    });
    expect((await runAction({ apiUrl, eventName: 'schedule', payload: {} })).code).toBe(0);
    emulator.postStatus(SHA(2), { state: 'success', creator: MALLORY });
    emulator.postStatus(SHA(3), { state: 'success', creator: BOT_OTHER_WORKFLOW_USER() });
    const sweep = await runAction({ apiUrl, eventName: 'schedule', payload: {} });
    expect(sweep.code).toBe(0);
    for (const sha of [SHA(2), SHA(3)]) {
      expect(statusesOn(emulator, sha).at(-1)?.state).toBe('failure');
    }
    expect(sweep.stdout).toContain(
      `A \`checklist-gate\` status on ${SHA(2).slice(0, 7)} was posted by @mallory`,
    );
    expect(sweep.stdout).toContain(
      `A \`checklist-gate\` status on ${SHA(3).slice(0, 7)} was posted by @octocat`,
    );
  });
});

function BOT_OTHER_WORKFLOW_USER() {
  return { login: 'octocat', type: 'User', id: 1 };
}

describe('foreign verdicts on a release commit', () => {
  it('a foreign success status on the release commit is replaced by the failure, with the notice', async () => {
    const payload = webhook('release', 'published');
    const sha = 'a'.repeat(40);
    const apiUrl = await start({
      releases: [{ id: payload['release'].id, tagName: '0.0.1', body: INCOMPLETE }],
    });
    emulator.postStatus(sha, { state: 'success', creator: MALLORY });
    const result = await runAction({ apiUrl, eventName: 'release', payload, sha });
    expect(result.code).toBe(1);
    expect(emulator.statuses.at(-1)).toMatchObject({ sha, state: 'failure' });
    expect(result.summary).toContain(
      'A `checklist-gate` status on aaaaaaa was posted by @mallory, not by the gate. It was replaced.',
    );
  });
});

describe('shared head commits', () => {
  it('"Not gated" never overwrites the verdict of a gated pull request with the same head', async () => {
    const apiUrl = await start({
      pulls: [
        { number: 2, base: 'master', headSha: HEAD_SHA, body: INCOMPLETE },
        { number: 9, base: 'develop', headSha: HEAD_SHA, body: '' },
      ],
    });
    const payload = pullRequestEvent('opened', '');
    payload['pull_request'].number = 9;
    payload['pull_request'].base.ref = 'develop';
    const ungated = await runAction({ apiUrl, eventName: 'pull_request', payload });
    expect(ungated.outputs['result']).toBe('skip');
    expect(emulator.statuses).toMatchObject([
      { sha: HEAD_SHA, state: 'failure', description: '#2: 1 of 2 required items open' },
    ]);
    expect(ungated.summary).toContain("shows #2's verdict");
    // One listing of the open pull requests (whose heads it gives), in the read round's one
    // GraphQL request: no REST listing.
    expect(emulator.requests.filter((request) => request.path.endsWith('/Hello-World/pulls'))).toHaveLength(
      0,
    );
    const queries = emulator.requests.filter((request) => request.path === '/graphql');
    // Then the confirming query, after the write (the pull request, the policy's blob, the status).
    expect(queries.map((request) => String((request.body as { query: string }).query))).toEqual([
      expect.stringContaining('pullRequests(states: OPEN'),
      expect.stringContaining('policy: object('),
    ]);
    const gated = await run(apiUrl, { payload: pullRequestEvent('opened', INCOMPLETE) });
    expect(gated.code).toBe(1);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure', 'failure']);
  });
});

describe('overlapping runs without a concurrency block', () => {
  it('two edits in the same second: the run that read the older one evaluates again', async () => {
    const apiUrl = await start();
    expect((await run(apiUrl)).code).toBe(1);
    emulator.inject({
      method: 'GET',
      path: /\/issues\/2\/comments$/,
      status: 0,
      delayMs: 2500,
      token: 'older',
    });
    const older = run(apiUrl, { inputs: { token: 'older' } });
    // The older run's first query, which gives the pull request, has been answered.
    await waitFor(() =>
      emulator.requests.some((request) => request.token === 'older' && request.path === '/graphql'),
    );
    // Same updated_at, other description: only the description itself tells them apart.
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:00Z');
    const newer = await run(apiUrl, {
      inputs: { token: 'newer' },
      payload: pullRequestEvent('edited', COMPLETE),
    });
    expect(newer.code).toBe(0);
    const late = await older;
    expect(late.stdout).toContain('evaluating again');
    expect(emulator.statuses.at(-1)?.state).toBe('success');
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('All 2 required items done');
  });

  it('a status write delayed past a newer run is followed by a fresh read and the newest verdict', async () => {
    const apiUrl = await start();
    // The older run's status write fails slowly once, and its retry lands after the newer run's.
    emulator.inject({ method: 'POST', path: /\/statuses\//, status: 502, delayMs: 2500, token: 'older' });
    const older = run(apiUrl, { inputs: { token: 'older' } });
    await waitFor(() =>
      emulator.requests.some((request) => request.token === 'older' && request.path.includes('/statuses/')),
    );
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:05Z');
    const newer = await run(apiUrl, {
      inputs: { token: 'newer' },
      payload: pullRequestEvent('edited', COMPLETE),
    });
    expect(newer.code).toBe(0);
    await older;
    // The older run's failure landed after the newer success; it then read again and wrote the newest verdict.
    const states = emulator.statuses.map((status) => status.state);
    expect(states).toContain('failure');
    expect(states.at(-1)).toBe('success');
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('All 2 required items done');
  });

  it('a review and a sweep overlapping leave one comment with the newest verdict', async () => {
    const apiUrl = await start();
    emulator.inject({
      method: 'GET',
      path: /\/issues\/2\/comments$/,
      status: 0,
      delayMs: 2500,
      token: 'sweep',
    });
    const sweep = runAction({ apiUrl, eventName: 'schedule', payload: {}, inputs: { token: 'sweep' } });
    await waitFor(() =>
      emulator.requests.some((request) => request.token === 'sweep' && request.path.endsWith('/pulls')),
    );
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:09Z');
    const review = await runAction({
      apiUrl,
      eventName: 'pull_request_review',
      payload: webhook('pull_request_review', 'submitted'),
      inputs: { token: 'review' },
    });
    expect(review.code).toBe(0);
    expect((await sweep).code).toBe(0);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('All 2 required items done');
    expect(emulator.statuses.at(-1)?.state).toBe('success');
  });
});
