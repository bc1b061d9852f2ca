import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { githubCheckboxes } from './helpers/github-render.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

/**
 * cmark-gfm draws a box when the check is followed by a vertical tab or a form feed. With no policy
 * file, or `unlisted: required`, such an open box must fail the gate through the bundle.
 */
let emulator: GitHubEmulator;

stopAfterEach(() => emulator);

async function gate(body: string, files: Record<string, Record<string, string>>) {
  emulator = new GitHubEmulator({
    files,
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body }],
  });
  const apiUrl = await emulator.start();
  return runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('opened', body) });
}

describe('boxes after a vertical tab or form feed are read as GitHub draws them', () => {
  it.each([
    ['a vertical tab, no policy file', '\v', {}],
    [
      'a form feed, unlisted: required',
      '\f',
      { master: { '.github/checklist-gate.yml': 'version: 1\nunlisted: required\n' } },
    ],
  ])('an open box followed by %s fails the gate', async (_name, space, files) => {
    const body = `## Release\n- [x] Tests pass\n- [ ]${space}Rollback plan tested\n`;
    expect(githubCheckboxes(body)).toEqual([true, false]);
    const run = await gate(body, files);
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['failure', '1 of 2 required items open'],
    ]);
    expect(emulator.gateComments(2)[0]?.body).toContain('Rollback plan tested');
  });

  it('the same description with the box ticked passes (the test above can fail)', async () => {
    const body = '## Release\n- [x] Tests pass\n- [x]\vRollback plan tested\n';
    expect(githubCheckboxes(body)).toEqual([true, true]);
    const run = await gate(body, {});
    expect(run.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
  });
});

const ROLLBACK_POLICY = {
  master: {
    '.github/checklist-gate.yml':
      'version: 1\nitems:\n  - id: tests\n    text: Tests pass\n  - id: rollback\n    text: Rollback plan tested\n',
  },
};

/**
 * Boxes the gate once read where GitHub shows none, or missed where GitHub draws one open: each
 * passed through the bundle before the parser followed GitHub.
 */
describe('what GitHub shows decides, not what the Markdown seems to say', () => {
  it('a ticked item inside a comment left open by an HTML block is missing (GitHub shows no item)', async () => {
    const body =
      '## Release\n- [x] Tests pass\n\n</details>\n<!--\n\n- [x] Rollback plan tested <!-- id: rollback -->\n';
    expect(githubCheckboxes(body)).toEqual([true]);
    const run = await gate(body, ROLLBACK_POLICY);
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
    expect(emulator.gateComments(2)[0]?.body).toMatch(/Rollback plan tested/);
  });

  it('an item holding only its check does not take the lazy line after it as its text', async () => {
    const body = '## Release\n\n- [x] Tests pass\n- [x] \r\nRollback plan tested <!-- id: rollback -->\n';
    expect(githubCheckboxes(body)).toEqual([true, true]);
    const run = await gate(body, ROLLBACK_POLICY);
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
  });

  it('an open box GitHub draws from a lazy line in a block quote fails the gate with no policy file', async () => {
    const body = '## Release\n- [x] Tests pass\n- Rollback plan tested\n  > note\n      - [x] lazy\n';
    // GitHub draws a box beside "Rollback plan tested", whose own line has none.
    expect(githubCheckboxes(body)).toEqual([true, true]);
    const run = await gate(body, {});
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => [status.state, status.description])).toEqual([
      ['failure', '1 of 2 required items open'],
    ]);
  });

  it('the same checklists, written plainly and ticked, pass (the tests above can fail)', async () => {
    const body = '## Release\n- [x] Tests pass\n- [x] Rollback plan tested <!-- id: rollback -->\n';
    const run = await gate(body, ROLLBACK_POLICY);
    expect(run.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
  });
});
