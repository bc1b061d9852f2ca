import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { waitFor } from './helpers/wait-for.js';

// Issue 28: the confirming round (issue 22) as one GraphQL request: the pull request, the policy
// file's blob at its base and the latest verdict on the commit. A request or a part GitHub does
// not answer is read by REST, never taken as unchanged; a policy pushed between the writes and
// the confirmation shows in the blob, and the pull request is evaluated again.

const POLICY = '.github/checklist-gate.yml';
const STRICT = 'version: 1\ngate:\n  branches: [master]\n';
const LAX = 'version: 1\ngate:\n  branches: [master]\nunlisted: optional\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
/** The confirming query: the only one that asks for the policy's blob. */
const CONFIRM = /policy: object\(/;

let emulator: GitHubEmulator;
stopAfterEach(() => emulator);

function start(body: string, policy = STRICT): Promise<string> {
  emulator = new GitHubEmulator(gatedPullRequest(policy, { body }, { latencyMs: 20 }));
  return emulator.start();
}

/** The requests from `from` on, without the repository's prefix. */
function requestsFrom(from: number): string[] {
  return emulator.requests
    .slice(from)
    .map((request) => `${request.method} ${request.path.replace('/repos/Codertocat/Hello-World', '')}`);
}

/** The requests after the run's last write: its confirming round. */
function afterWrites(): string[] {
  const requests = requestsFrom(0);
  const isWrite = (request: string) => !request.startsWith('GET') && request !== 'POST /graphql';
  return requests.slice(requests.findLastIndex(isWrite) + 1);
}

describe('the confirming round as one GraphQL request', () => {
  it('a typical run makes 6 requests: the confirmation is one GraphQL request after the writes', async () => {
    const apiUrl = await start(INCOMPLETE);
    expect(
      (
        await runAction({
          apiUrl,
          eventName: 'pull_request',
          payload: pullRequestEvent('opened', INCOMPLETE),
        })
      ).code,
    ).toBe(1);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:05:00Z');
    const before = emulator.requests.length;
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('edited', COMPLETE, { from: INCOMPLETE }),
    });
    expect(run.code).toBe(0);
    const requests = requestsFrom(before);
    expect(requests).toHaveLength(6);
    expect(requests.filter((request) => request === 'POST /graphql')).toHaveLength(2);
    expect(requests).not.toContain('GET /pulls/2');
    expect(emulator.statuses.at(-1)).toMatchObject({ sha: HEAD_SHA, state: 'success' });
  });

  it('the confirming GraphQL request failing: the facts and the latest status are read by REST, and the run ends right', async () => {
    const apiUrl = await start(COMPLETE);
    // Past the client's retries: a 502 four times over.
    emulator.inject({ method: 'POST', path: '/graphql', query: CONFIRM, status: 502, times: 4 });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('pass');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
    expect(afterWrites()).toEqual(
      expect.arrayContaining([
        'GET /pulls/2',
        `GET /contents/${encodeURIComponent(POLICY)}`,
        `GET /commits/${HEAD_SHA}/statuses`,
      ]),
    );
    // Every attempt at the confirming query failed; nothing was taken from it.
    expect(emulator.faults[0]?.times).toBe(0);
  });

  it('a part of the confirming answer GitHub does not give (the commit): the latest status is read by REST, the rest taken from the answer', async () => {
    const apiUrl = await start(COMPLETE);
    emulator.graphqlFailing.add('commit');
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(run.code).toBe(0);
    // (A first comment is settled by reading the comments again, among the writes.)
    expect(afterWrites().filter((request) => request !== 'GET /issues/2/comments')).toEqual([
      'POST /graphql',
      `GET /commits/${HEAD_SHA}/statuses`,
    ]);
  });

  it('the policy pushed between the writes and the confirmation: the blob shows it moved, and the pull request is judged again on it', async () => {
    // Incomplete under the strict policy (failure), complete enough under the lax one (success).
    const apiUrl = await start(INCOMPLETE);
    let held = false;
    emulator.hold((request) => {
      const query = (request as { body?: { query?: string } }).body?.query ?? '';
      if (held || request.path !== '/graphql' || !CONFIRM.test(query)) return false;
      held = true;
      return true;
    });
    const running = runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    await waitFor(() => emulator.held.length === 1);
    // The run wrote its verdict on the strict policy; the policy changes before it confirms.
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
    const confirmAt = emulator.requests.length - 1;
    emulator.files['master'] = { [POLICY]: LAX };
    emulator.release();
    const run = await running;
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('pass');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure', 'success']);
    // The blob differed from the one judged, so the policy was read by REST before evaluating again.
    const after = requestsFrom(confirmAt);
    expect(after[0]).toBe('POST /graphql');
    expect(after[1]).toBe(`GET /contents/${encodeURIComponent(POLICY)}`);
    expect(run.stdout).toContain('changed while this run evaluated it');
  });
});
