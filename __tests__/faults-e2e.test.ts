import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';
import { waitFor } from './helpers/wait-for.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';

let emulator: GitHubEmulator;

async function setUp(): Promise<string> {
  emulator = new GitHubEmulator(
    gatedPullRequest(POLICY, { body: COMPLETE, updatedAt: '2026-11-20T10:00:00Z' }),
  );
  return emulator.start();
}

stopAfterEach(() => emulator);

const count = (method: string, ending: string) =>
  emulator.requests.filter((request) => request.method === method && request.path.endsWith(ending)).length;

const run = (apiUrl: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('edited', COMPLETE), ...extra });

describe('the action when GitHub fails', () => {
  it('retries a 500 and a 502, then passes', async () => {
    const apiUrl = await setUp();
    // The first round's GraphQL query, which gives the pull request.
    emulator.inject({ method: 'POST', path: '/graphql', status: 500 });
    emulator.inject({ method: 'POST', path: /\/statuses\//, status: 502 });
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    // The query, its retry, and the query that confirms the verdict after writing; a run slowed
    // past two seconds (a cold start under load) also reads afresh before writing, not a retry.
    expect(count('POST', '/graphql')).toBeGreaterThanOrEqual(3);
    expect(count('GET', '/pulls/2')).toBe(0);
    expect(count('POST', `/statuses/${HEAD_SHA}`)).toBe(2);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
  });

  it('retries a connection that drops without an answer, then passes', async () => {
    const apiUrl = await setUp();
    emulator.inject({ method: 'GET', path: /\/contents\//, status: 0, drop: true });
    emulator.inject({ method: 'PATCH', path: /\/comments\//, status: 0, drop: true });
    emulator.inject({ method: 'POST', path: /\/comments$/, status: 0, drop: true });
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    // The dropped read and its retry; the confirming round reads the policy's blob by GraphQL.
    expect(count('GET', '/contents/.github%2Fchecklist-gate.yml')).toBe(2);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('retries answers cut short mid-way, and judges only whole ones', async () => {
    const apiUrl = await setUp();
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:01:00Z');
    // The first round's GraphQL query (which gives the pull request), and the policy.
    emulator.inject({ method: 'POST', path: '/graphql', status: 0, cut: true });
    emulator.inject({ method: 'GET', path: /\/contents\//, status: 0, cut: true });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    // Each cut answer and its retry; the query that confirms the verdict after writing.
    expect(count('POST', '/graphql')).toBe(3);
    expect(count('GET', '/contents/.github%2Fchecklist-gate.yml')).toBe(2);
    expect(emulator.statuses).toMatchObject([
      { state: 'failure', description: '1 of 2 required items open' },
    ]);
  });

  it('fails closed when every connection to the pull request drops', async () => {
    const apiUrl = await setUp();
    // GraphQL (the first round's query, then the identity asked alone) and REST alike.
    emulator.inject({ path: /^\/graphql$|\/pulls\/2$/, status: 0, drop: true, times: 20 });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(count('GET', '/pulls/2')).toBe(4);
    expect(emulator.statuses).toMatchObject([{ sha: HEAD_SHA, state: 'error' }]);
    expect(result.stdout).toContain(
      '::error::checklist-gate could not evaluate the checklist, so the gate fails',
    );
  });

  it('sits out a secondary rate limit (403 with retry-after), then passes', async () => {
    const apiUrl = await setUp();
    emulator.inject({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    // Sat out, read again; the confirming round reads the policy's blob by GraphQL.
    expect(count('GET', '/contents/.github%2Fchecklist-gate.yml')).toBe(2);
    expect(result.stdout).toContain('secondary rate limit');
  });

  it('sits out a 429 secondary rate limit with retry-after, then passes', async () => {
    const apiUrl = await setUp();
    emulator.inject({
      method: 'GET',
      path: /\/issues\/2\/comments$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    expect(count('GET', '/issues/2/comments')).toBeGreaterThanOrEqual(2);
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('sits out the primary rate limit until its reset, then passes', async () => {
    const apiUrl = await setUp();
    // On the first round's GraphQL query, which gives the pull request.
    emulator.inject({
      method: 'POST',
      path: '/graphql',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation.' },
    });
    const result = await run(apiUrl);
    expect(result.code).toBe(0);
    // Limited, sat out and asked again; then the confirming query.
    expect(count('POST', '/graphql')).toBe(3);
    expect(result.stdout).toContain('rate limit');
  });

  it('gives up on a secondary rate limit that asks for too long a wait, and fails closed', async () => {
    const apiUrl = await setUp();
    emulator.inject({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(count('GET', '/contents/.github%2Fchecklist-gate.yml')).toBe(1);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
  });

  it('does not retry a 404 for the pull request: an error status on the payload commit, and a failed job', async () => {
    const apiUrl = await setUp();
    emulator.pulls.delete(2);
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(count('GET', '/pulls/2')).toBe(1);
    expect(emulator.statuses).toMatchObject([{ sha: HEAD_SHA, state: 'error' }]);
  });

  it('does not retry a 422 when posting the status, and fails the job', async () => {
    const apiUrl = await setUp();
    emulator.inject({ method: 'POST', path: /\/statuses\//, status: 422, times: 5 });
    const result = await run(apiUrl);
    expect(result.code).toBe(1);
    expect(count('POST', `/statuses/${HEAD_SHA}`)).toBe(2);
    expect(result.stdout).toContain(
      '::error::checklist-gate could not evaluate the checklist, so the gate fails',
    );
  });
});

describe('the action when runs overlap', () => {
  it('a slow run whose description was edited meanwhile evaluates again before writing', async () => {
    const apiUrl = await setUp();
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:00:00Z');
    emulator.inject({ method: 'GET', path: /\/issues\/2\/comments$/, status: 0, delayMs: 2500 });
    const slow = run(apiUrl);
    // The first round's query, which gives the pull request, has been answered.
    await waitFor(() => count('POST', '/graphql') >= 1);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:05Z');
    const result = await slow;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('evaluating again');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('two runs at once leave one comment, showing the newer description, and the newer status last', async () => {
    const apiUrl = await setUp();
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:00:00Z');
    // The older run reads the old description and an empty comment list (answered as it stood when
    // the request arrived, 1.2 s later), while the newer run reads the edited description. The newer
    // run is held until the older one's comment list has arrived, whatever the machine's load.
    emulator.inject({
      method: 'GET',
      path: /\/issues\/2\/comments$/,
      status: 0,
      delayMs: 1200,
      token: 'older',
    });
    emulator.hold((request) => request.token === 'newer');
    const older = run(apiUrl, {
      inputs: { token: 'older' },
      payload: pullRequestEvent('edited', INCOMPLETE),
    });
    // The older run's first query (which gives the pull request) has been answered.
    await waitFor(() =>
      emulator.requests.some((request) => request.token === 'older' && request.path === '/graphql'),
    );
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:05Z');
    const newer = run(apiUrl, { inputs: { token: 'newer' } });
    await waitFor(() =>
      emulator.requests.some(
        (request) => request.token === 'older' && request.path.endsWith('/issues/2/comments'),
      ),
    );
    emulator.hold(() => false);
    emulator.release();
    const [first, second] = await Promise.all([older, newer]);
    expect(second.code).toBe(0);
    // The older run finds, once it has written, that the description moved, and evaluates it again.
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('evaluating again');
    const comments = emulator.gateComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('All 2 required items done');
    expect(emulator.statuses.at(-1)?.state).toBe('success');
  });

  it('a run that finds a verdict on newer facts already posted writes nothing and ends as that verdict', async () => {
    const apiUrl = await setUp();
    emulator.editBody(2, INCOMPLETE, '2026-11-20T10:00:00Z');
    // The older run's comment list is held until the newer run has finished: it then reads the
    // newer run's comment, whose stamp holds newer facts than the older run read.
    emulator.hold((request) => request.token === 'older' && request.path.endsWith('/issues/2/comments'));
    const older = run(apiUrl, {
      inputs: { token: 'older' },
      payload: pullRequestEvent('edited', INCOMPLETE),
    });
    await waitFor(() => emulator.held.length > 0);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:00:05Z');
    const second = await run(apiUrl, { inputs: { token: 'newer' } });
    expect(second.code).toBe(0);
    const writes = emulator.statuses.length;
    emulator.hold(() => false);
    emulator.release();
    const first = await older;
    expect(first.stdout).toContain('has already reported; this run');
    // Its own reading (two items open) is stale: the job ends as the verdict that stands.
    expect(first.code).toBe(0);
    expect(emulator.statuses).toHaveLength(writes);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.statuses.at(-1)?.state).toBe('success');
  });
});
