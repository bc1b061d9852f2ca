import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// Issue 16: a team on main requires the status; only release pull requests are gated.
const POLICY_PATH = '.github/checklist-gate.yml';
const POLICY = `version: 1
gate:
  branches: [master]
  pull-requests:
    head-branches: ["release/**"]
    labels: [release]
    title: '^Release '
items:
  - id: tests
    text: Tests pass
`;
const BODY = 'Adds the login page.\n';
const NOT_GATED =
  'Not gated: not a release pull request (one needs a head branch release/**, label release or title matching ^Release )';

let emulator: GitHubEmulator;

stopAfterEach(() => emulator);

describe('gate.pull-requests through the bundle', () => {
  it('a feature pull request gets "Not gated" and no comment; the release label gates it at once', async () => {
    emulator = new GitHubEmulator({
      files: { master: { [POLICY_PATH]: POLICY } },
      pulls: [
        {
          number: 2,
          base: 'master',
          headRef: 'feature/login',
          title: 'Add the login page',
          headSha: HEAD_SHA,
          body: BODY,
          updatedAt: '2026-11-20T10:00:00Z',
        },
      ],
    });
    const apiUrl = await emulator.start();
    const first = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('opened', BODY),
    });
    expect(first.code).toBe(0);
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['success', NOT_GATED],
    ]);
    expect(emulator.gateComments(2)).toEqual([]);

    const pull = emulator.pulls.get(2);
    if (!pull) throw new Error('no pull request');
    pull.labels = ['release'];
    pull.updatedAt = '2026-11-20T10:01:00Z';
    const labeled = webhook('pull_request', 'labeled');
    labeled['pull_request'].body = BODY;
    const second = await runAction({ apiUrl, eventName: 'pull_request', payload: labeled });
    expect(second.code).toBe(1);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success', 'failure']);
    expect(emulator.gateComments(2)).toHaveLength(1);
    // The comment links the policy at the ref it was read from.
    expect(emulator.gateComments(2)[0]?.body).toContain(
      'policy [.github/checklist-gate.yml](https://github.com/Codertocat/Hello-World/blob/master/.github/checklist-gate.yml)',
    );

    // The label taken off again: the comment it already has now says it is not gated.
    pull.labels = [];
    pull.updatedAt = '2026-11-20T10:02:00Z';
    const unlabeled = webhook('pull_request', 'unlabeled');
    unlabeled['pull_request'].body = BODY;
    const third = await runAction({ apiUrl, eventName: 'pull_request', payload: unlabeled });
    expect(third.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success', 'failure', 'success']);
    const comments = emulator.gateComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`### checklist-gate\n\n${NOT_GATED}\n`);
  });
});
