import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { githubCheckboxes } from './helpers/github-render.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

/**
 * Raw HTML as GitHub reads it (issue 22): cmark-gfm (CommonMark 0.29) with its tagfilter, and the
 * served page as a browser reads it. Each description passed through the bundle while the parser
 * read raw HTML by CommonMark 0.31.
 */
let emulator: GitHubEmulator;

stopAfterEach(() => emulator);

const POLICY = {
  master: {
    '.github/checklist-gate.yml':
      'version: 1\nitems:\n  - id: tests\n    text: Tests pass\n  - id: signoff\n    text: Security sign-off\n',
  },
};

async function gate(body: string) {
  emulator = new GitHubEmulator({
    files: POLICY,
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body }],
  });
  const apiUrl = await emulator.start();
  return runAction({ apiUrl, eventName: 'pull_request', payload: pullRequestEvent('opened', body) });
}

describe('raw HTML GitHub reads differently from CommonMark 0.31', () => {
  it.each([
    // A screenshot under an item starts an HTML block on GitHub: the sign-off below is raw text.
    [
      'a tag alone on the line after an item',
      '- [x] Tests pass\n<img src="shot.png">\n- [x] Security sign-off\n',
    ],
    // "<!-->" in text is escaped on GitHub, so it does not end the comment the HTML block left open.
    [
      'a box in a comment that "<!-->" in text does not end',
      '- [x] Tests pass\n\n<div>\n<!--\n\nx <!--> y\n- [x] Security sign-off\n',
    ],
  ])('%s: the sign-off GitHub does not show is missing', async (_name, body) => {
    expect(githubCheckboxes(body)).toEqual([true]);
    const run = await gate(body);
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(emulator.statuses.map((status) => status.state)).toEqual(['failure']);
    expect(emulator.gateComments(2)[0]?.body).toMatch(/Security sign-off/);
  });

  it('a quoted attribute value left open is an error naming the line', async () => {
    const body = "- [x] Tests pass\n<div title='x\n\n- [x] Security sign-off\n";
    const run = await gate(body);
    expect(run.code).toBe(1);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['error']);
    // The job summary says why, naming the line.
    // The status and the job's log say why, naming the line.
    expect(emulator.statuses[0]?.description).toMatch(
      /line 2 of the description opens a quoted attribute value/,
    );
    expect(run.stdout).toMatch(
      /::error::.*line 2 of the description opens a quoted attribute value.*close the quote/,
    );
  });

  it('the same checklist without the raw HTML passes (the tests above can fail)', async () => {
    const run = await gate('- [x] Tests pass\n- [x] Security sign-off\n');
    expect(run.code).toBe(0);
    expect(emulator.statuses.map((status) => status.state)).toEqual(['success']);
  });
});
