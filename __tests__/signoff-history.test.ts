import { parseChecklist } from '../src/checklist/parse.js';
import { tickersFromHistory } from '../src/evaluate/ticked-in-edit.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy } from '../src/policy/policy.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';

const POLICY_TEXT = `version: 1
gate:
  branches: [master]
items:
  - id: security
    text: Security sign-off
    approvers: [alice]
  - id: notes
    text: Release notes written
`;
const UNTICKED = '- [ ] Security sign-off\n- [x] Release notes written\n';
const TICKED = '- [x] Security sign-off\n- [x] Release notes written\n';

function policy(): Policy {
  const loaded = loadPolicy(POLICY_TEXT, 'p.yml');
  if (!loaded.ok) throw new Error('invalid policy');
  return loaded.policy;
}

describe('who ticked an item, from the edit history', () => {
  const items = parseChecklist(TICKED).items;

  it('is the editor of the revision that ticked it', () => {
    const history = [
      { editor: 'Codertocat', body: UNTICKED },
      { editor: 'alice', body: TICKED },
      { editor: 'bob', body: `${TICKED}\nA note.\n` },
    ];
    expect([...tickersFromHistory(items, history, policy())]).toEqual([
      [0, 'alice'],
      [1, 'Codertocat'],
    ]);
  });

  it('is whoever ticked it last, after an untick', () => {
    const history = [
      { editor: 'alice', body: TICKED },
      { editor: 'carol', body: UNTICKED },
      { editor: 'carol', body: TICKED },
    ];
    expect(tickersFromHistory(items, history, policy()).get(0)).toBe('carol');
  });

  it('is no one when the history does not show the current tick', () => {
    expect(tickersFromHistory(items, [{ editor: 'alice', body: UNTICKED }], policy()).has(0)).toBe(false);
  });

  it('follows an item by its id marker when it is reworded', () => {
    const current = parseChecklist('- [x] Security reviewed <!-- id: sec -->\n').items;
    const history = [
      { editor: 'alice', body: '- [x] Security sign-off <!-- id: sec -->\n' },
      { editor: 'bob', body: '- [x] Security reviewed <!-- id: sec -->\n' },
    ];
    expect(tickersFromHistory(current, history, policy()).get(0)).toBe('alice');
  });
});

describe('sign-offs in the action, from the edit history', () => {
  let emulator: GitHubEmulator;
  afterEach(async () => emulator?.stop());

  async function runWith(edits: { editor: string; body: string; editedAt: string }[]) {
    emulator = new GitHubEmulator({
      files: { master: { '.github/checklist-gate.yml': POLICY_TEXT } },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: TICKED }],
      edits: { 2: edits },
    });
    const apiUrl = await emulator.start();
    const run = await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('synchronize', TICKED),
    });
    const report = JSON.parse(run.outputs['report'] ?? 'null') as {
      items: { id: string; status: string; problems: string[] }[];
    };
    return { run, security: report.items.find((item) => item.id === 'security') };
  }

  it('an approver who ticked the box in an earlier edit still counts on a later push', async () => {
    const { run, security } = await runWith([
      { editor: 'Codertocat', body: UNTICKED, editedAt: '2026-11-20T10:00:00Z' },
      { editor: 'alice', body: TICKED, editedAt: '2026-11-20T11:00:00Z' },
    ]);
    expect(run.code).toBe(0);
    expect(security?.status).toBe('ok');
    expect(emulator.requests.filter(isHistoryQuery)).toHaveLength(1);
  });

  it('a box ticked by someone else is reported by name', async () => {
    const { run, security } = await runWith([
      { editor: 'Codertocat', body: UNTICKED, editedAt: '2026-11-20T10:00:00Z' },
      { editor: 'carol', body: TICKED, editedAt: '2026-11-20T11:00:00Z' },
    ]);
    expect(run.code).toBe(1);
    expect(security).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @carol, who is not an approver'],
    });
  });

  it("an approver's tick, unticked and ticked again by someone else, no longer counts", async () => {
    const { run, security } = await runWith([
      { editor: 'alice', body: TICKED, editedAt: '2026-11-20T10:00:00Z' },
      { editor: 'carol', body: UNTICKED, editedAt: '2026-11-20T11:00:00Z' },
      { editor: 'carol', body: TICKED, editedAt: '2026-11-20T12:00:00Z' },
    ]);
    expect(run.code).toBe(1);
    expect(security?.problems).toEqual(['ticked by @carol, who is not an approver']);
  });

  it('reads no history when no ticked item has approvers', async () => {
    emulator = new GitHubEmulator({
      files: { master: { '.github/checklist-gate.yml': POLICY_TEXT } },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: UNTICKED }],
    });
    const apiUrl = await emulator.start();
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: pullRequestEvent('synchronize', UNTICKED),
    });
    expect(emulator.requests.some(isHistoryQuery)).toBe(false);
  });
});

/** The edit-history query (the gate also asks GraphQL who it is, once per run). */
function isHistoryQuery(request: { path: string; body: unknown }): boolean {
  return request.path === '/graphql' && JSON.stringify(request.body).includes('userContentEdits');
}
