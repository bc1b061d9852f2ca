import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';

// Issue 28: the first read round's one GraphQL request (whom the token acts as, the newest
// releases, the head commit's open pull requests and latest verdicts). A part GitHub does not
// answer is read by REST, never guessed.
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const MALLORY = { login: 'mallory', type: 'User', id: 666 };
const OTHER_APP = 'quote-bot';

let emulator: GitHubEmulator;

function start(fixture: ConstructorParameters<typeof GitHubEmulator>[0] = {}): Promise<string> {
  emulator = new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': POLICY } },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: INCOMPLETE }],
    latencyMs: 100,
    ...fixture,
  });
  return emulator.start();
}

afterEach(async () => {
  await emulator?.stop();
});

/** The run's requests in its first round (before its first write), without the repository's prefix. */
function firstRound(): string[] {
  const rounds = emulator.rounds();
  const firstWrite = emulator.requests.findIndex(
    (request) => request.method !== 'GET' && request.path !== '/graphql',
  );
  const reads = emulator.requests.slice(0, firstWrite === -1 ? undefined : firstWrite);
  return reads
    .map(
      (request, index) =>
        `${rounds[index]} ${request.method} ${request.path.replace('/repos/Codertocat/Hello-World', '')}`,
    )
    .sort();
}

/** Opening pull request #9 into an ungated branch, with the same head as the gated #2. */
function ungatedSharer(): Record<string, any> {
  const payload = pullRequestEvent('opened', '');
  payload['pull_request'].number = 9;
  payload['pull_request'].base.ref = 'develop';
  return payload;
}

const SHARED = [
  { number: 2, base: 'master', headSha: HEAD_SHA, body: INCOMPLETE },
  { number: 9, base: 'develop', headSha: HEAD_SHA, body: '' },
];

describe('the first read round', () => {
  it('reads the open pull requests and the latest status from the one GraphQL request: no REST request of their own', async () => {
    const apiUrl = await start({ pulls: SHARED });
    emulator.postStatus(HEAD_SHA, { state: 'success', creator: MALLORY });
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: ungatedSharer() });
    expect(run.outputs['result']).toBe('skip');
    // The sharer's failure stands over "Not gated", and mallory's success is replaced and noted.
    expect(emulator.statuses.at(-1)).toMatchObject({
      state: 'failure',
      description: '#2: 1 of 2 required items open',
    });
    expect(run.summary).toContain('was posted by @mallory, not by the gate. It was replaced.');
    // Before the first write: no REST listing, and no REST read of the statuses.
    expect(firstRound().filter((request) => / GET \/pulls$| GET \/commits\//.test(request))).toEqual([]);
    expect(firstRound()).toContain('1 POST /graphql');
  });

  it('a commit GitHub does not answer for in GraphQL: its latest status is read by REST, and a foreign one still replaced', async () => {
    const apiUrl = await start();
    emulator.graphqlFailing.add('object');
    emulator.postStatus(HEAD_SHA, { state: 'success', creator: MALLORY });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses.at(-1)).toMatchObject({
      state: 'failure',
      description: '1 of 2 required items open',
    });
    expect(run.summary).toContain('was posted by @mallory, not by the gate. It was replaced.');
    expect(firstRound()).toContain(`2 GET /commits/${HEAD_SHA}/statuses`);
  });

  it('open pull requests GitHub does not answer for in GraphQL: listed by REST, so "Not gated" still never stands over a gated failure', async () => {
    const apiUrl = await start({ pulls: SHARED });
    emulator.graphqlFailing.add('pullRequests');
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: ungatedSharer() });
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.statuses).toMatchObject([
      { state: 'failure', description: '#2: 1 of 2 required items open' },
    ]);
    expect(firstRound()).toContain('2 GET /pulls');
  });

  it('the GraphQL request refused: the identity is asked alone, the commit read by REST, and the verdict is the same', async () => {
    const apiUrl = await start({ pulls: SHARED });
    emulator.inject({ method: 'POST', path: '/graphql', status: 403, times: 1 });
    emulator.postStatus(HEAD_SHA, { state: 'success', creator: MALLORY });
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: ungatedSharer() });
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.statuses.at(-1)).toMatchObject({
      state: 'failure',
      description: '#2: 1 of 2 required items open',
    });
    expect(run.summary).toContain('was posted by @mallory, not by the gate. It was replaced.');
    // The refused query, the identity asked alone, and the confirming query after the write.
    expect(emulator.requests.filter((request) => request.path === '/graphql')).toHaveLength(3);
    expect(firstRound()).toEqual(
      expect.arrayContaining(['2 GET /pulls', `2 GET /commits/${HEAD_SHA}/statuses`]),
    );
  });

  it('reports as a check run: the latest check run with its name, from another app, is read from GraphQL and noted', async () => {
    const apiUrl = await start();
    emulator.postCheckRun(HEAD_SHA, {
      conclusion: 'success',
      app: OTHER_APP,
      completedAt: '2026-11-20T10:00:00Z',
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
      inputs: { 'report-as': 'check-run' },
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain(`was posted by @${OTHER_APP}[bot], not by the gate`);
    expect(firstRound().filter((request) => request.includes('check-runs'))).toEqual([]);
  });
});
