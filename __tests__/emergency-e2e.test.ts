import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import type { EmergencyException, Report } from '../src/evaluate/report.js';
import { stopAfterEach, type EmulatorFixture as Fixture } from './helpers/emulator-per-test.js';

const OLD_SHA = '7638417db6d59f3c431d3e1f261cc637155684cd';
const MERGED_AT = '2026-11-20T11:00:00Z';
const MARKER = '<!-- checklist-gate:follow-up Codertocat/Hello-World#2 -->';

const POLICY = [
  'version: 1',
  'emergency:',
  '  label: emergency',
  '  approvers: [carol]',
  '  follow-up: issue',
  'items:',
  '  - id: tests',
  '    text: Tests pass',
  '  - id: canary',
  '    text: Canary deployed',
  '  - id: rollback',
  '    text: Rollback plan tested',
  '',
].join('\n');
const BODY = '## Release\n- [x] Tests pass\n- [ ] Canary deployed\n- [ ] Rollback plan tested\n';

const started: GitHubEmulator[] = [];

stopAfterEach(() => started.splice(0));

const review = (id: number, login: string, commit: string) => ({
  id,
  user: { login, type: 'User' },
  state: 'APPROVED',
  commit_id: commit,
  submitted_at: `2026-11-20T09:${String(id).padStart(2, '0')}:00Z`,
});

/** PR #2 of Codertocat/Hello-World under the emergency policy, labelled `emergency`. */
async function emulate(
  reviews: unknown[],
  pull: Partial<NonNullable<Fixture['pulls']>[number]> = {},
  fixture: Partial<Fixture> = {},
): Promise<{ emulator: GitHubEmulator; apiUrl: string }> {
  const emulator = new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': POLICY } },
    pulls: [
      {
        number: 2,
        base: 'master',
        headSha: HEAD_SHA,
        body: BODY,
        labels: ['emergency'],
        updatedAt: '2026-11-20T10:00:00Z',
        ...pull,
      },
    ],
    reviews: { 2: reviews },
    ...fixture,
  });
  started.push(emulator);
  return { emulator, apiUrl: await emulator.start() };
}

async function gate(reviews: unknown[], action = 'labeled') {
  const { emulator, apiUrl } = await emulate(reviews);
  const payload = pullRequestEvent(action, BODY);
  if (action === 'labeled') payload['label'] = { ...payload['pull_request'].labels?.[0], name: 'emergency' };
  const run = await runAction({ apiUrl, eventName: 'pull_request', payload });
  return {
    run,
    report: JSON.parse(run.outputs['report'] ?? 'null') as Report | null,
    statuses: emulator.statuses.map((status) => [status.state, status.description]),
    comment: emulator.gateComments(2)[0]?.body ?? '',
  };
}

/** The `closed` event of PR #2, merged. */
function mergedEvent(): Record<string, any> {
  const payload = webhook('pull_request', 'closed');
  payload['pull_request'] = {
    ...payload['pull_request'],
    body: BODY,
    merged: true,
    merged_at: MERGED_AT,
    state: 'closed',
  };
  return payload;
}

const MERGED = { state: 'closed', merged: true, mergedAt: MERGED_AT, updatedAt: MERGED_AT };

describe('emergency releases, through the bundle', () => {
  it('the label without an approver’s review keeps the gate failing, and the comment says who can approve', async () => {
    const result = await gate([review(1, 'bob', HEAD_SHA)]);
    expect(result.run.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 3 required items open']]);
    const emergency = result.report?.exceptions?.find((each) => each.kind === 'emergency');
    expect(emergency?.state).toBe('needs-approval');
    expect(result.comment).toContain(
      'The “emergency” label asks for an emergency release. Who can approve it: @\u200bcarol',
    );
  });

  it('with an approver’s review of the head it passes, the items deferred in the status, the comment and the summary', async () => {
    const result = await gate([review(1, 'carol', HEAD_SHA)]);
    expect(result.run.code).toBe(0);
    expect(result.run.outputs['result']).toBe('pass');
    expect(result.statuses).toEqual([['success', 'emergency release approved by @carol: 2 items deferred']]);
    const emergency = result.report?.exceptions?.find(
      (each): each is EmergencyException => each.kind === 'emergency',
    );
    expect(emergency?.deferred.map((item) => item.id)).toEqual(['canary', 'rollback']);
    for (const shown of [result.comment, result.run.summary]) {
      expect(shown).toContain('#### 🚨 Deferred by the emergency release');
      expect(shown).toContain('Canary deployed');
      expect(shown).toContain('Rollback plan tested');
      expect(shown).toContain('When this pull request is merged, the gate opens an issue that lists them.');
    }
  });

  it('a new push after the review fails again: the review approved an older head', async () => {
    const result = await gate([review(1, 'carol', OLD_SHA)], 'synchronize');
    expect(result.run.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 3 required items open']]);
    expect(result.comment).toContain('a review of an earlier commit does not count');
  });

  it('on merge it opens one follow-up issue listing the deferred items; a re-run opens nothing', async () => {
    const { emulator, apiUrl } = await emulate([review(1, 'carol', HEAD_SHA)], MERGED);
    const first = await runAction({ apiUrl, eventName: 'pull_request', payload: mergedEvent() });
    expect(first.code).toBe(0);
    expect(first.outputs['result']).toBe('pass');
    expect(emulator.issues).toHaveLength(1);
    const issue = emulator.issues[0];
    expect(issue?.title).toBe('Follow up the emergency release #2: 2 deferred items');
    expect(issue?.body.split('\n')[0]).toBe(MARKER);
    expect(issue?.body).toContain('approved by @\u200bcarol');
    expect(issue?.body).toContain('- [ ] **Canary deployed** `canary`: ');
    expect(issue?.body).toContain(
      "([line 3 of the pull request's description](https://github.com/Codertocat/Hello-World/pull/2))",
    );
    expect(issue?.body).toContain('- [ ] **Rollback plan tested** `rollback`');
    expect(first.summary).toContain('Follow-up issue #3 opened for the emergency release of #2');
    // Nothing is posted on the merged pull request.
    expect(emulator.statuses).toEqual([]);
    expect(emulator.gateComments(2)).toEqual([]);

    const again = await runAction({ apiUrl, eventName: 'pull_request', payload: mergedEvent() });
    expect(again.code).toBe(0);
    expect(emulator.issues).toHaveLength(1);
    expect(again.summary).toContain('Follow-up issue #3 already opened for the emergency release of #2');
    const listing = emulator.requests.find(
      (request) => request.method === 'GET' && request.path.endsWith('/issues'),
    );
    expect(listing?.query).toMatchObject({ state: 'all', since: MERGED_AT });
  });

  it('an issue someone else wrote with the marker does not stand in for the follow-up', async () => {
    const forged = {
      number: 7,
      title: 'Nothing to see',
      body: `${MARKER}\nDone already.`,
      user: { login: 'mallory', type: 'User' },
      createdAt: '2026-11-20T12:00:00Z',
    };
    const { emulator, apiUrl } = await emulate([review(1, 'carol', HEAD_SHA)], MERGED, { issues: [forged] });
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: mergedEvent() });
    expect(run.code).toBe(0);
    expect(emulator.issues.map((issue) => issue.number)).toEqual([7, 8]);
  });

  it('a merge without an approved emergency release opens nothing', async () => {
    const { emulator, apiUrl } = await emulate([review(1, 'bob', HEAD_SHA)], MERGED);
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: mergedEvent() });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.issues).toEqual([]);
    expect(emulator.writes()).toEqual([]);
  });

  it('a pull request closed without merging is not evaluated', async () => {
    const { emulator, apiUrl } = await emulate([review(1, 'carol', HEAD_SHA)], { state: 'closed' });
    const payload = webhook('pull_request', 'closed');
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('skip');
    expect(emulator.requests).toEqual([]);
  });

  it('a token that may not open issues fails the job, naming the permission', async () => {
    const { emulator, apiUrl } = await emulate([review(1, 'carol', HEAD_SHA)], MERGED);
    emulator.inject({
      method: 'POST',
      path: '/repos/Codertocat/Hello-World/issues',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload: mergedEvent() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('issues: write');
    expect(emulator.issues).toEqual([]);
  });
});
