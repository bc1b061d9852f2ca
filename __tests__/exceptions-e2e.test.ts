import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import type { NotApplicableException, Report } from '../src/evaluate/report.js';
import { stopAfterEach, type EmulatorFixture as Fixture } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

const OLD_SHA = '7638417db6d59f3c431d3e1f261cc637155684cd';

/** Every emulator a test started: a test that runs the gate twice starts two, and each must stop. */
const started: GitHubEmulator[] = [];

stopAfterEach(() => started.splice(0));

/** Runs the bundled action on PR #2 of Codertocat/Hello-World under `policy`, with `body` as its description. */
async function gate(
  policy: string,
  body: string,
  options: { fixture?: Fixture; payload?: Record<string, any> } = {},
): Promise<{ code: number; report: Report | null; statuses: [string, string][]; comment: string }> {
  const emulator = new GitHubEmulator(
    gatedPullRequest(policy, { body, updatedAt: '2026-11-20T10:00:00Z' }, options.fixture),
  );
  started.push(emulator);
  const apiUrl = await emulator.start();
  const run = await runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: options.payload ?? pullRequestEvent('opened', body),
  });
  return {
    code: run.code,
    report: JSON.parse(run.outputs['report'] ?? 'null') as Report | null,
    statuses: emulator.statuses.map((status) => [status.state, status.description]),
    comment: emulator.gateComments(2)[0]?.body ?? '',
  };
}

const review = (id: number, login: string, commit: string) => ({
  id,
  user: { login, type: 'User' },
  state: 'APPROVED',
  commit_id: commit,
  submitted_at: `2026-11-20T09:${String(id).padStart(2, '0')}:00Z`,
});

const policy = (rule: string) =>
  `version: 1\nitems:\n  - id: deployed\n    text: Deployed to staging\n  - id: lb\n    text: Load balancer configured\n    approvers: [alice]\n    not-applicable: ${rule}\n`;
const BODY =
  '## Release\n- [x] Deployed to staging\n- [ ] Load balancer configured — N/A: single instance behind the platform ingress\n';

describe('not applicable, through the bundle', () => {
  it('an N/A with a reason passes under with-reason, and the comment lists it with its reason', async () => {
    const result = await gate(policy('with-reason'), BODY);
    expect(result.code).toBe(0);
    expect(result.statuses).toEqual([['success', '2 of 2 required items done, 1 not applicable']]);
    expect(
      result.report?.exceptions?.map((exception) => [
        (exception as NotApplicableException).id,
        exception.state,
      ]),
    ).toEqual([['lb', 'accepted']]);
    expect(result.comment).toContain('#### ➖ Not applicable (1)');
    expect(result.comment).toContain(
      '- **Load balancer configured** — single instance behind the platform ingress <sub>the reason is enough for this item · line 3 · `lb`</sub>',
    );
  });

  it('the same N/A fails under never, saying N/A is not allowed', async () => {
    const result = await gate(policy('never'), BODY);
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.report?.items[1]?.problems).toEqual([
      'marked not applicable, but the policy does not allow N/A for this item',
    ]);
  });

  it('with-approval fails until an approver approves the head, then passes; a review of an older head does not count', async () => {
    const waiting = await gate(policy('with-approval'), BODY, {
      fixture: { reviews: { 2: [review(1, 'bob', HEAD_SHA)] } },
    });
    expect(waiting.code).toBe(1);
    expect(waiting.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(waiting.report?.items[1]?.fix).toBe(
      'Ask @alice to approve the pull request (a review on its current head commit), or to write or keep the N/A line in the description themselves.',
    );
    expect(waiting.comment).toContain('⏳ needs approval from @\u200balice');

    const approved = await gate(policy('with-approval'), BODY, {
      fixture: { reviews: { 2: [review(1, 'alice', HEAD_SHA)] } },
    });
    expect(approved.code).toBe(0);
    expect(approved.statuses).toEqual([['success', '2 of 2 required items done, 1 not applicable']]);
    expect(approved.comment).toContain('approved by @\u200balice (an approving review)');

    // A new push: alice's review approved the commit before it.
    const pushed = await gate(policy('with-approval'), BODY, {
      fixture: { reviews: { 2: [review(1, 'alice', OLD_SHA)] } },
      payload: pullRequestEvent('synchronize', BODY),
    });
    expect(pushed.code).toBe(1);
    expect(pushed.statuses).toEqual([['failure', '1 of 2 required items open']]);
  });

  it('an N/A written by a non-approver counts once an approver keeps it in an edit', async () => {
    const before = BODY.replace(' — N/A: single instance behind the platform ingress', '');
    const kept = `${BODY}\nReviewed the exceptions.\n`;
    const history = (editor: string) => ({
      2: [
        { editor: 'Codertocat', body: before, editedAt: '2026-11-20T08:00:00Z' },
        { editor: 'Codertocat', body: BODY, editedAt: '2026-11-20T09:00:00Z' },
        { editor, body: kept, editedAt: '2026-11-20T10:00:00Z' },
      ],
    });
    const byAuthor = await gate(policy('with-approval'), kept, {
      payload: pullRequestEvent('edited', kept, { from: BODY, sender: 'carol' }),
      fixture: { edits: history('carol') },
    });
    expect(byAuthor.code).toBe(1);
    const byApprover = await gate(policy('with-approval'), kept, {
      payload: pullRequestEvent('edited', kept, { from: BODY, sender: 'alice' }),
      fixture: { edits: history('alice') },
    });
    expect(byApprover.code).toBe(0);
    expect(byApprover.report?.exceptions?.[0]?.approvedBy).toEqual({ login: 'alice', by: 'edit' });
    expect(byApprover.comment).toContain('approved by @\u200balice (wrote or kept the N/A line)');
  });
});
