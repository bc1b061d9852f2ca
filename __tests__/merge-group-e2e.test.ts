import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { webhook } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// Issue 22: a merge group's commit holds every pull request queued ahead of the one it is named
// after (gh-readonly-queue/main/pr-104-… is main plus #103 plus #104). When the queue merges a
// whole group on its head commit's result (GitHub's "Only merge non-failing pull requests"
// unticked, the ruleset's grouping_strategy HEADGREEN: "only the commit at the head of the merge
// group, i.e. the commit containing changes from all of the PRs in the group, must pass its
// required checks to merge"), #103 merged on #104's success though its checklist was unticked.
const POLICY = 'version: 1\ngate:\n  branches: [main]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';

let emulator: GitHubEmulator;

stopAfterEach(() => emulator);

async function queueRun(mergeQueues: Record<string, number[]> | undefined) {
  emulator = new GitHubEmulator({
    defaultBranch: 'main',
    files: { main: { '.github/checklist-gate.yml': POLICY } },
    pulls: [
      { number: 103, base: 'main', headSha: 'a'.repeat(40), body: INCOMPLETE },
      { number: 104, base: 'main', headSha: 'b'.repeat(40), body: COMPLETE },
      { number: 105, base: 'main', headSha: 'c'.repeat(40), body: INCOMPLETE },
    ],
    ...(mergeQueues && { mergeQueues }),
  });
  const apiUrl = await emulator.start();
  // GitHub's example: the group named after #104, head_ref gh-readonly-queue/main/pr-104-….
  const payload = webhook('merge_group', 'checks_requested');
  payload['repository'] = { ...payload['repository'], default_branch: 'main' };
  const run = await runAction({ apiUrl, eventName: 'merge_group', payload });
  const group = payload['merge_group'].head_sha as string;
  const posted = emulator.statuses.map((status) => [status.sha === group, status.state, status.description]);
  return { run, posted };
}

describe('merge groups through the bundle', () => {
  it('the verdict on the group commit is the strictest over every pull request queued ahead', async () => {
    const { run, posted } = await queueRun({ main: [103, 104, 105] });
    expect(run.code).toBe(1);
    // #105 is queued behind #104: its changes are not in this group, and it has no say.
    expect(posted).toEqual([[true, 'failure', '#103: 1 of 2 required items open']]);
    expect(run.summary).toContain("shows #103's verdict: the group holds every pull request queued ahead");
  });

  it('a group whose pull requests all pass gets success', async () => {
    const { run, posted } = await queueRun({ main: [104, 105] });
    expect(run.code).toBe(0);
    expect(posted).toEqual([[true, 'success', 'All 2 required items done']]);
  });

  it('fails closed when the branch has no merge queue to read the group from', async () => {
    const { run, posted } = await queueRun(undefined);
    expect(run.code).toBe(1);
    expect(posted).toEqual([
      [
        true,
        'error',
        'checklist-gate could not finish: cannot find the pull requests in merge group #104: the branch main has no merge queue',
      ],
    ]);
  });

  it('fails closed when the named pull request is no longer in the queue', async () => {
    const { run, posted } = await queueRun({ main: [103] });
    expect(run.code).toBe(1);
    expect(posted).toEqual([
      [
        true,
        'error',
        'checklist-gate could not finish: cannot find every pull request in merge group #104: #104 is no longer in the merge queue of main',
      ],
    ]);
  });
});
