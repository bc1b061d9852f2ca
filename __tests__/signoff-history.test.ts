import { parseChecklist } from '../src/checklist/parse.js';
import {
  HISTORY_PARSE_BUDGET,
  tickersFromHistory,
  traceTickers,
  whoTicked,
} from '../src/evaluate/ticked-in-edit.js';
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
/** The approver ticks an innocuous item that carries the sign-off's id; the author moves the marker and ticks the sign-off. */
const MOVED: [string, string, string] = [
  '- [ ] Update the runbook <!-- id: security -->\n- [ ] Security sign-off\n- [x] Release notes written\n',
  '- [x] Update the runbook <!-- id: security -->\n- [ ] Security sign-off\n- [x] Release notes written\n',
  '- [x] Update the runbook\n- [x] Security sign-off <!-- id: security -->\n- [x] Release notes written\n',
];

/** The approver ticks the Staging copy of a sign-off; the author deletes Staging and ticks the Production copy. */
const STAGED: [string, string, string] = [
  '## Staging\n- [ ] Security sign-off\n## Production\n- [ ] Security sign-off\n- [x] Release notes written\n',
  '## Staging\n- [x] Security sign-off\n## Production\n- [ ] Security sign-off\n- [x] Release notes written\n',
  '## Production\n- [x] Security sign-off\n- [x] Release notes written\n',
];
/** The same, with Production moved above Staging instead of Staging deleted. */
const SWAPPED =
  '## Production\n- [x] Security sign-off\n- [x] Release notes written\n## Staging\n- [x] Security sign-off\n';

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

  it('starts afresh when an item is reworded, even keeping its id marker: whoever reworded it ticked it', () => {
    const current = parseChecklist('- [x] Security reviewed <!-- id: sec -->\n').items;
    const history = [
      { editor: 'alice', body: '- [x] Security sign-off <!-- id: sec -->\n' },
      { editor: 'bob', body: '- [x] Security reviewed <!-- id: sec -->\n' },
    ];
    expect(tickersFromHistory(current, history, policy()).get(0)).toBe('bob');
  });

  it('a marker moved onto another item does not carry the tick given to the first', () => {
    const current = parseChecklist(MOVED[2]).items;
    const history = MOVED.map((body, at) => ({ editor: at === 1 ? 'alice' : 'Codertocat', body }));
    const tickers = tickersFromHistory(current, history, policy());
    expect(current.map((item) => [item.text, item.id, tickers.get(item.index)])).toEqual([
      ['Update the runbook', null, 'Codertocat'],
      ['Security sign-off', 'security', 'Codertocat'],
      ['Release notes written', null, 'Codertocat'],
    ]);
  });

  it('a marker kept on its own item keeps its history across edits elsewhere', () => {
    const history = [
      { editor: 'Codertocat', body: MOVED[0] },
      { editor: 'alice', body: MOVED[1] },
      { editor: 'bob', body: `${MOVED[1]}\nA note.\n` },
    ];
    const current = parseChecklist(history[2]?.body ?? '').items;
    expect(tickersFromHistory(current, history, policy()).get(0)).toBe('alice');
  });

  it('copies of one item are told apart by their order', () => {
    const two = (first: string, second: string) =>
      `- [${first}] Security sign-off\n- [${second}] Security sign-off\n`;
    const history = [
      { editor: 'Codertocat', body: two(' ', ' ') },
      { editor: 'alice', body: two('x', ' ') },
      { editor: 'carol', body: two('x', 'x') },
    ];
    const tickers = tickersFromHistory(parseChecklist(two('x', 'x')).items, history, policy());
    expect([tickers.get(0), tickers.get(1)]).toEqual(['alice', 'carol']);
  });

  it('a copy in another section is another item: a tick of the Staging copy is not the Production copy', () => {
    const current = parseChecklist(STAGED[2]).items;
    const history = STAGED.map((body, at) => ({ editor: at === 1 ? 'alice' : 'Codertocat', body }));
    expect(tickersFromHistory(current, history, policy()).get(0)).toBe('Codertocat');
    // Production moved above Staging: each copy keeps its own history, wherever it stands.
    const swapped = parseChecklist(SWAPPED).items;
    const moved = [...history.slice(0, 2), { editor: 'Codertocat', body: SWAPPED }];
    const tickers = tickersFromHistory(swapped, moved, policy());
    expect(swapped.map((item) => [item.section, tickers.get(item.index)])).toEqual([
      ['Production', 'Codertocat'],
      ['Production', 'Codertocat'],
      ['Staging', 'alice'],
    ]);
  });

  it('copies without markers are told apart by their order within their section only', () => {
    // The approver ticks Production's second copy; the author then adds a ticked copy under Staging.
    const production = (second: string) =>
      `## Production\n- [x] Security sign-off\n- [${second}] Security sign-off\n`;
    const history = [
      { editor: 'Codertocat', body: production(' ') },
      { editor: 'alice', body: production('x') },
      { editor: 'Codertocat', body: `## Staging\n- [x] Security sign-off\n${production('x')}` },
    ];
    const current = parseChecklist(history[2]?.body ?? '').items;
    const tickers = tickersFromHistory(current, history, policy());
    expect(current.map((item) => [item.section, tickers.get(item.index)])).toEqual([
      ['Staging', 'Codertocat'],
      ['Production', 'Codertocat'],
      ['Production', 'alice'],
    ]);
  });

  it('no one is credited across an unknown revision (deleted from the history, or older than those read)', () => {
    const withGap = [
      { editor: 'alice', body: TICKED },
      { editor: 'carol', body: null },
      { editor: 'carol', body: TICKED },
    ];
    expect(tickersFromHistory(parseChecklist(TICKED).items, withGap, policy()).has(0)).toBe(false);
    const truncated = [
      { editor: '', body: null },
      { editor: 'alice', body: TICKED },
    ];
    expect(tickersFromHistory(parseChecklist(TICKED).items, truncated, policy()).has(0)).toBe(false);
    // A tick given after the unknown revision is known.
    const after = [
      { editor: '', body: null },
      { editor: 'carol', body: UNTICKED },
      { editor: 'alice', body: TICKED },
    ];
    expect(tickersFromHistory(parseChecklist(TICKED).items, after, policy()).get(0)).toBe('alice');
  });
});

describe('reading the history: only as far back as needed, within a budget', () => {
  it('a tick beyond the parse budget is credited to no one; within it, to its editor', () => {
    const items = parseChecklist(TICKED).items;
    const history = [
      { editor: 'Codertocat', body: UNTICKED },
      { editor: 'alice', body: TICKED },
      { editor: 'bob', body: `${TICKED}\nA note.\n` },
    ];
    const all = history.reduce((sum, revision) => sum + revision.body.length, 0);
    expect(traceTickers(items, history, policy(), () => true, all)).toEqual({
      tickers: new Map([
        [0, 'alice'],
        [1, 'Codertocat'],
      ]),
      cutShort: false,
    });
    // The first revision no longer fits: no one can tell whether either box was ticked before it.
    const short = traceTickers(items, history, policy(), () => true, all - 1);
    expect(short.cutShort).toBe(true);
    expect(short.tickers.size).toBe(0);
  });

  it('only the traced items are followed back, so a long-ticked other item costs nothing', () => {
    const items = parseChecklist(TICKED).items;
    const history = [
      { editor: 'Codertocat', body: TICKED.replace('- [x] Security', '- [ ] Security') },
      { editor: 'alice', body: TICKED },
    ];
    // Budget for the latest two revisions only: enough for the sign-off, not for the notes item.
    const trace = traceTickers(items, history, policy(), (item) => item.index === 0, TICKED.length * 2);
    expect(trace).toEqual({ tickers: new Map([[0, 'alice']]), cutShort: false });
  });

  it('the report says when the history was too large to read back to a tick', () => {
    const items = parseChecklist(TICKED).items;
    const huge = 'x'.repeat(HISTORY_PARSE_BUDGET);
    const history = [
      { editor: 'alice', body: TICKED },
      { editor: 'Codertocat', body: `${TICKED}\n${huge}\n` },
      { editor: 'Codertocat', body: `${TICKED}\nA note.\n` },
    ];
    const notes: string[] = [];
    const signoffs = { approvedBy: [], teams: new Map(), edit: null, history };
    expect(whoTicked(items, signoffs, policy(), notes).has(0)).toBe(false);
    expect(notes).toEqual([
      'The edit history is too large to read further back (at most 1,048,576 characters of revisions are read), so a box ticked before that counts only with an approving review.',
    ]);
  });
});

describe('sign-offs in the action, from the edit history', () => {
  let emulator: GitHubEmulator;
  afterEach(async () => emulator?.stop());

  type Edit = { editor: string; body: string; editedAt: string; deleted?: boolean };

  async function runWith(
    edits: Edit[],
    payload = pullRequestEvent('synchronize', TICKED),
    body = TICKED,
    policyText = POLICY_TEXT,
  ) {
    emulator = new GitHubEmulator({
      files: { master: { '.github/checklist-gate.yml': policyText } },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body }],
      edits: { 2: edits },
    });
    const apiUrl = await emulator.start();
    const run = await runAction({ apiUrl, eventName: 'pull_request', payload });
    const report = JSON.parse(run.outputs['report'] ?? 'null') as {
      items: { id: string; status: string; problems: string[] }[];
      notes: string[];
    };
    return {
      run,
      report,
      security: report.items.find((item) => item.id === 'security'),
      statuses: emulator.statuses.map((status) => status.state),
    };
  }
  const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00Z`;

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

  it("a replayed edit: the approver's old edit is not credited once someone else re-ticked the box", async () => {
    // alice ticked, carol unticked and ticked again; re-running alice's old run replays her edit.
    const replayed = pullRequestEvent('edited', TICKED, { from: UNTICKED, sender: 'alice' });
    const { run, report, security, statuses } = await runWith(
      [
        { editor: 'Codertocat', body: UNTICKED, editedAt: at(0) },
        { editor: 'alice', body: TICKED, editedAt: at(1) },
        { editor: 'carol', body: UNTICKED, editedAt: at(2) },
        { editor: 'carol', body: TICKED, editedAt: at(3) },
      ],
      replayed,
    );
    expect(run.code).toBe(1);
    expect(statuses).toEqual(['failure']);
    expect(security).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @carol, who is not an approver'],
    });
    expect(report.notes).toContain(
      "The edit by @alice that triggered this run is not the description's latest revision (a re-run replays an old event), so who ticked each box is read from the edit history alone.",
    );
  });

  it('a current edit by the approver, the latest revision, is credited', async () => {
    const current = pullRequestEvent('edited', TICKED, { from: UNTICKED, sender: 'alice' });
    const { run, report, security } = await runWith(
      [
        { editor: 'Codertocat', body: UNTICKED, editedAt: at(0) },
        { editor: 'alice', body: TICKED, editedAt: at(1) },
      ],
      current,
    );
    expect(run.code).toBe(0);
    expect(security?.status).toBe('ok');
    expect(report.notes).toEqual([]);
  });

  it("a moved id marker: the approver's tick of another item is not credited to the sign-off", async () => {
    const { run, security, statuses } = await runWith(
      [
        { editor: 'Codertocat', body: MOVED[0], editedAt: at(0) },
        { editor: 'alice', body: MOVED[1], editedAt: at(1) },
        { editor: 'Codertocat', body: MOVED[2], editedAt: at(2) },
      ],
      pullRequestEvent('synchronize', MOVED[2]),
      MOVED[2],
    );
    expect(run.code).toBe(1);
    expect(statuses).toEqual(['failure']);
    expect(security).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @Codertocat, who is not an approver'],
    });
  });

  it("a sign-off for Production: the approver's tick of the Staging copy is not credited after Staging goes or moves", async () => {
    const production = POLICY_TEXT.replace(
      '    approvers: [alice]',
      '    section: Production\n    approvers: [alice]',
    );
    for (const last of [STAGED[2], SWAPPED]) {
      await emulator?.stop();
      const { run, security, statuses } = await runWith(
        [
          { editor: 'Codertocat', body: STAGED[0], editedAt: at(0) },
          { editor: 'alice', body: STAGED[1], editedAt: at(1) },
          { editor: 'Codertocat', body: last, editedAt: at(2) },
        ],
        pullRequestEvent('synchronize', last),
        last,
        production,
      );
      expect(run.code).toBe(1);
      expect(statuses).toEqual(['failure']);
      expect(security).toMatchObject({
        status: 'unapproved',
        problems: ['ticked by @Codertocat, who is not an approver'],
      });
    }
  });

  it('a revision deleted from the history breaks the chain: the tick before it is not credited', async () => {
    const { run, security } = await runWith([
      { editor: 'alice', body: TICKED, editedAt: at(0) },
      { editor: 'carol', body: UNTICKED, editedAt: at(1), deleted: true },
      { editor: 'carol', body: TICKED, editedAt: at(2) },
    ]);
    expect(run.code).toBe(1);
    expect(security).toMatchObject({ status: 'unapproved', problems: ['no approval from @alice'] });
  });

  it('beyond the latest 100 revisions: the oldest one read is not taken for the one that ticked', async () => {
    // carol ticked first; alice's later edit, the 100th from the end, changed something else.
    const edits: Edit[] = [
      { editor: 'Codertocat', body: UNTICKED, editedAt: '2026-11-20T09:00:00Z' },
      { editor: 'carol', body: TICKED, editedAt: '2026-11-20T09:01:00Z' },
      ...Array.from({ length: 100 }, (_, index) => ({
        editor: index === 0 ? 'alice' : 'Codertocat',
        body: `${TICKED}\nNote ${index}.\n`,
        editedAt: `2026-11-20T${String(10 + Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00Z`,
      })),
    ];
    const body = edits.at(-1)?.body ?? '';
    const { run, security } = await runWith(edits, pullRequestEvent('synchronize', body), body);
    expect(run.code).toBe(1);
    expect(security).toMatchObject({ status: 'unapproved', problems: ['no approval from @alice'] });
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
