import { GitHubEmulator, READ_ONLY_TOKEN } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

const POLICY = `version: 1
gate:
  branches: [master]
items:
  - id: tests-pass
    text: All tests passing
    evidence:
      allow: ["https://github.com/*/*/actions/runs/*"]
  - id: rollback
    text: Rollback plan tested
`;

const INCOMPLETE = `## Release checklist
- [x] All tests passing: https://github.com/Codertocat/Hello-World/actions/runs/11
- [ ] Rollback plan tested
`;
const COMPLETE = INCOMPLETE.replace('- [ ] Rollback', '- [x] Rollback');

let emulator: GitHubEmulator;

function setUp(fixture: EmulatorFixture = {}): Promise<string> {
  emulator = new GitHubEmulator(
    gatedPullRequest(POLICY, { body: INCOMPLETE, updatedAt: '2026-11-20T10:00:00Z' }, fixture),
  );
  return emulator.start();
}

stopAfterEach(() => emulator);

describe('the bundled action on pull requests', () => {
  it('passes a complete checklist: success status on the head commit, one comment, outputs', async () => {
    const apiUrl = await setUp({ pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: COMPLETE }] });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('pass');
    expect(JSON.parse(run.outputs['missing'] ?? '')).toEqual([]);
    expect(JSON.parse(run.outputs['report'] ?? '')).toMatchObject({ passed: true, conclusion: 'pass' });
    expect(emulator.statuses).toEqual([
      {
        sha: HEAD_SHA,
        state: 'success',
        context: 'checklist-gate',
        description: 'All 2 required items done',
        target_url: 'https://github.com/Codertocat/Hello-World/actions/runs/4242',
      },
    ]);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.body).toContain('✅ checklist-gate: All 2 required items done');
    expect(run.summary).toContain('All 2 required items done');
  });

  it('fails an incomplete checklist, says what is missing, and fails the job', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(JSON.parse(run.outputs['missing'] ?? '')).toEqual(['rollback']);
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['failure', '1 of 2 required items open'],
    ]);
    const comment = emulator.gateComments(2)[0]?.body ?? '';
    expect(comment).toContain('Rollback plan tested');
    expect(comment).toContain('Tick each box once its step is done');
    // The job's error annotation names the failing items.
    expect(run.stdout).toContain('::error::checklist-gate: 1 of 2 required items open: rollback\n');
  });

  it('updates the same comment when an edit completes the checklist, and leaves it alone when nothing changed', async () => {
    const apiUrl = await setUp();
    await runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('opened', INCOMPLETE) });
    const [first] = emulator.gateComments(2);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:05:00Z');
    const second = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('edited', COMPLETE, { from: INCOMPLETE }),
    });
    expect(second.code).toBe(0);
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(emulator.gateComments(2)[0]?.id).toBe(first?.id);
    expect(emulator.gateComments(2)[0]?.body).toContain('All 2 required items done');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure', 'success']);
    const writesBefore = emulator.writes().filter((request) => request.method === 'PATCH').length;
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('synchronize', COMPLETE),
    });
    expect(emulator.writes().filter((request) => request.method === 'PATCH').length).toBe(writesBefore);
  });

  it('makes three round trips: the reads at once, the writes at once, then the reads that confirm them', async () => {
    const apiUrl = await setUp({ latencyMs: 150 });
    const run = (payload: unknown) => runAction({ apiUrl, eventName: 'pull_request', payload });
    const requestsIn = (from: number) =>
      emulator.requests
        .slice(from)
        .map((request, index) => [
          emulator.rounds(from)[index],
          `${request.method} ${request.path.replace('/repos/Codertocat/Hello-World', '')}`,
        ]);
    // The first run creates the comment, then reads the comments again to settle concurrent runs.
    expect((await run(pullRequestEvent('opened', INCOMPLETE))).code).toBe(1);
    emulator.editBody(2, COMPLETE, '2026-11-20T10:05:00Z');
    const before = emulator.requests.length;
    expect((await run(pullRequestEvent('edited', COMPLETE, { from: INCOMPLETE }))).code).toBe(0);
    const rounds = requestsIn(before);
    expect(rounds.sort()).toEqual(
      [
        [1, 'GET /contents/.github%2Fchecklist-gate.yml'],
        [1, 'GET /issues/2/comments'],
        // One GraphQL request: who the gate is, the newest releases, the pull request, the open
        // pull requests (shared heads, from forks too) and the head's latest status (a foreign
        // one is replaced).
        [1, 'POST /graphql'],
        [2, `POST /statuses/${HEAD_SHA}`],
        [2, `PATCH /issues/comments/${emulator.gateComments(2)[0]?.id}`],
        // After writing, one GraphQL request: the facts again (the pull request, the policy's
        // blob at its base) and the latest status.
        [3, 'POST /graphql'],
      ].sort(),
    );
    // Nothing changed: the same verdict is already the latest status, and the comment is left as
    // it is, so nothing is written (GitHub keeps at most 1,000 statuses on a commit); the facts
    // and the latest status are read once more, after the first reads.
    const again = emulator.requests.length;
    expect((await run(pullRequestEvent('synchronize', COMPLETE))).code).toBe(0);
    const isWrite = (request: unknown) => !String(request).startsWith('GET') && request !== 'POST /graphql';
    expect(requestsIn(again).filter(([, request]) => isWrite(request))).toEqual([]);
    expect(emulator.requests.length - again).toBe(4);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure', 'success']);
  });

  it('reads the description fresh: a re-run with a stale payload cannot pass', async () => {
    const apiUrl = await setUp();
    // The payload claims everything is ticked, but the description on GitHub is incomplete.
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('edited', COMPLETE, { from: INCOMPLETE }),
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses[0]?.state).toBe('failure');
    // Read fresh in the first round's GraphQL query, not taken from the payload.
    expect(
      emulator.requests.some(
        (request) =>
          request.path === '/graphql' && JSON.stringify(request.body).includes('pullRequest(number:'),
      ),
    ).toBe(true);
  });

  it('reads the policy from the base branch, so a pull request cannot weaken its own gate', async () => {
    const lax = 'version: 1\nunlisted: optional\nchecklist:\n  required: false\n';
    const apiUrl = await setUp({
      files: {
        master: { '.github/checklist-gate.yml': POLICY },
        release: { '.github/checklist-gate.yml': lax },
      },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, headRef: 'release', body: INCOMPLETE }],
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    // Read at the base, and its blob there again after writing (by GraphQL), to confirm the verdict's facts.
    const policyReads = emulator.requests.filter((request) => request.path.includes('/contents/'));
    expect(policyReads.map((request) => request.query['ref'])).toEqual(['master']);
    const confirming = emulator.requests.filter(
      (request) => request.path === '/graphql' && JSON.stringify(request.body).includes('policy: object('),
    );
    expect(
      confirming.map((request) => (request.body as { variables: { policy: string } }).variables.policy),
    ).toEqual(['master:.github/checklist-gate.yml']);
  });

  it('fails closed on an invalid policy and shows line and column', async () => {
    const apiUrl = await setUp({
      files: { master: { '.github/checklist-gate.yml': 'version: 1\nitems:\n  - id: a\n    txt: typo\n' } },
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('error');
    expect(emulator.statuses[0]?.state).toBe('error');
    expect(run.summary).toContain('.github/checklist-gate.yml:4:5');
    expect(run.summary).toContain('unknown key "txt"');
  });

  it('uses the default policy when the repository has none, and says so', async () => {
    const apiUrl = await setUp({ files: {} });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses[0]?.description).toBe('1 of 2 required items open');
    expect(run.summary).toContain('No policy file: every task item in the description is required.');
  });

  it('posts success without evaluating when the base branch is not gated', async () => {
    const apiUrl = await setUp({ pulls: [{ number: 2, base: 'feature/x', headSha: HEAD_SHA, body: '' }] });
    const payload = pullRequestEvent('opened', '');
    payload['pull_request'].base.ref = 'feature/x';
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.statuses).toMatchObject([
      { state: 'success', description: 'Not gated: the policy does not gate the base branch feature/x' },
    ]);
    expect(emulator.gateComments()).toHaveLength(0);
  });

  it('skips a closed pull request and posts nothing', async () => {
    const apiUrl = await setUp({
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: INCOMPLETE, state: 'closed' }],
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('reopened', INCOMPLETE),
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.writes()).toEqual([]);
  });

  it('fails an empty description and tells the author how to add the checklist', async () => {
    const apiUrl = await setUp({ pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: '' }] });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', ''),
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses[0]?.description).toContain('No checklist found');
    const comment = emulator.gateComments(2)[0]?.body ?? '';
    expect(comment).toContain('Paste the release checklist into the description');
    expect(comment).toContain(
      '- [ ] All tests passing <!-- id: tests-pass -->\n  - Evidence: a link to a GitHub Actions run',
    );
    expect(comment).toContain('- [ ] Rollback plan tested <!-- id: rollback -->');
  });

  it('never mistakes a person pasting the marker for its own comment', async () => {
    const apiUrl = await setUp({
      comments: [
        {
          id: 7,
          issue: 2,
          body: '<!-- checklist-gate:checklist-gate -->\n### ✅ checklist-gate: All done',
          user: { login: 'mallory', type: 'User' },
        },
      ],
    });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    expect(emulator.comments.find((comment) => comment.id === 7)?.body).toContain('All done');
    const ours = emulator.gateComments(2).filter((comment) => comment.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('1 of 2 required items open');
  });

  it('finds its comment on a later page of a long discussion', async () => {
    const chatter = Array.from({ length: 150 }, (_, index) => ({
      id: index + 1,
      issue: 2,
      body: `comment ${index}`,
      user: { login: 'dev', type: 'User' },
    }));
    const apiUrl = await setUp({ comments: chatter });
    await runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('opened', INCOMPLETE) });
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('synchronize', INCOMPLETE),
    });
    expect(emulator.gateComments(2)).toHaveLength(1);
    expect(
      emulator.requests.some(
        (request) => request.path.endsWith('/comments') && request.query['page'] === '2',
      ),
    ).toBe(true);
  });

  it('with a read-only token (a fork under pull_request) warns once and still decides the job', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
      inputs: { token: READ_ONLY_TOKEN },
    });
    expect(run.code).toBe(1);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('statuses: write');
    expect(warnings[0]).toContain('pull-requests: write');
    expect(warnings[0]).toContain('pull_request_target');
    expect(run.summary).toContain('1 of 2 required items open');
  });

  it('fails closed when GitHub keeps failing: retried, then an error status and a failed job', async () => {
    const apiUrl = await setUp();
    emulator.inject({ path: /\/contents\//, status: 502, times: 10 });
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBeUndefined();
    expect(emulator.requests.filter((request) => request.path.includes('/contents/')).length).toBe(4);
    expect(emulator.statuses).toMatchObject([{ sha: HEAD_SHA, state: 'error' }]);
    expect(run.stdout).toContain(
      '::error::checklist-gate could not evaluate the checklist, so the gate fails',
    );
  });

  it('posts a check run with the report when asked', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
      inputs: { 'report-as': 'check-run' },
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses).toEqual([]);
    expect(emulator.checkRuns).toMatchObject([
      { name: 'checklist-gate', head_sha: HEAD_SHA, conclusion: 'failure', status: 'completed' },
    ]);
    expect(JSON.stringify(emulator.checkRuns[0])).toContain('Rollback plan tested');
  });

  it('on-failure: no comment while passing, and an old failure comment is updated to say it passes', async () => {
    const apiUrl = await setUp({ pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: COMPLETE }] });
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', COMPLETE),
      inputs: { comment: 'on-failure' },
    });
    expect(emulator.gateComments(2)).toHaveLength(0);
    emulator.editBody(2, INCOMPLETE, '2026-11-20T11:00:00Z');
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('edited', INCOMPLETE),
      inputs: { comment: 'on-failure' },
    });
    expect(emulator.gateComments(2)).toHaveLength(1);
    emulator.editBody(2, COMPLETE, '2026-11-20T11:05:00Z');
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('edited', COMPLETE),
      inputs: { comment: 'on-failure' },
    });
    expect(emulator.gateComments(2)[0]?.body).toContain('All 2 required items done');
  });

  it('fail-job false keeps the job green on a failing gate but the status still fails', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', INCOMPLETE),
      inputs: { 'fail-job': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses[0]?.state).toBe('failure');
  });
});

describe('the bundled action on other events', () => {
  it('merge_group: finds the PR from the queue ref and posts on the group head', async () => {
    const apiUrl = await setUp({
      pulls: [{ number: 104, base: 'main', headSha: HEAD_SHA, body: INCOMPLETE }],
      files: { main: { '.github/checklist-gate.yml': POLICY.replace('[master]', '[main]') } },
      mergeQueues: { main: [104] },
    });
    const payload = webhook('merge_group', 'checks_requested');
    payload['repository'] = { ...payload['repository'], default_branch: 'main' };
    const run = await runAction({ apiUrl, eventName: 'merge_group', payload });
    expect(run.code).toBe(1);
    expect(emulator.statuses).toMatchObject([{ sha: payload['merge_group'].head_sha, state: 'failure' }]);
    // Pull request #104, read in the first round's GraphQL query.
    expect(
      emulator.requests.some(
        (request) =>
          request.path === '/graphql' &&
          (request.body as { variables?: { number?: number } }).variables?.number === 104,
      ),
    ).toBe(true);
  });

  it('release: evaluates the release description, posts on the release commit, and comments nowhere', async () => {
    const payload = webhook('release', 'published');
    const apiUrl = await setUp({
      releases: [{ id: payload['release'].id, tagName: '0.0.1', body: INCOMPLETE }],
    });
    const sha = 'a'.repeat(40);
    const run = await runAction({ apiUrl, eventName: 'release', payload, sha });
    expect(run.code).toBe(1);
    expect(emulator.statuses).toMatchObject([
      { sha, state: 'failure', description: '1 of 2 required items open' },
    ]);
    expect(emulator.requests.filter((request) => request.path.includes('/comments'))).toEqual([]);
    expect(run.summary).toContain('Rollback plan tested');
  });

  it('pull_request_target is evaluated like pull_request', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', INCOMPLETE),
    });
    expect(run.code).toBe(1);
    expect(emulator.statuses).toMatchObject([
      { sha: HEAD_SHA, state: 'failure', description: '1 of 2 required items open' },
    ]);
    expect(emulator.gateComments(2)).toHaveLength(1);
  });

  it('a release the policy does not gate: success posted, and a read-only token still gets its warning', async () => {
    const payload = webhook('release', 'published');
    const apiUrl = await setUp({
      files: { master: { '.github/checklist-gate.yml': 'version: 1\ngate:\n  releases: false\n' } },
      releases: [{ id: payload['release'].id, tagName: '0.0.1', body: INCOMPLETE }],
    });
    const run = await runAction({
      apiUrl,
      eventName: 'release',
      payload,
      inputs: { token: READ_ONLY_TOKEN },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('skip');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning::'))).toHaveLength(1);
    expect(run.stdout).toContain('statuses: write');
  });

  it('workflow_dispatch with a body evaluates it and posts nothing', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'workflow_dispatch',
      payload: webhook('workflow_dispatch'),
      inputs: { body: COMPLETE },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('pass');
    expect(emulator.writes()).toEqual([]);
  });

  it('rejects an unsupported event with the list of supported ones', async () => {
    const apiUrl = await setUp();
    const run = await runAction({
      apiUrl,
      eventName: 'issue_comment',
      payload: webhook('issue_comment', 'created'),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'the event "issue_comment" is not supported; use one of: pull_request, pull_request_target, pull_request_review, merge_group, release, workflow_run, push, schedule, workflow_dispatch',
    );
  });
});
