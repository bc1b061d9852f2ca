import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { isNearMiss } from '../src/evaluate/near-miss.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { CONTEXT, load } from './helpers/hardening-policy.js';

/** Items matched as people write them: the words that introduce evidence links are not part of the item. */
const POLICY = load(
  [
    'version: 1',
    'items:',
    '  - text: Load test passed',
    '  - id: rollback',
    '    text: Rollback plan tested',
    '  - text: Deploy on',
    '',
  ].join('\n'),
);

function statusOf(markdown: string, text: string): string | undefined {
  return evaluate(parseChecklist(markdown), POLICY, CONTEXT).items.find((item) => item.text.startsWith(text))
    ?.status;
}

const LINK = 'https://grafana.acme.dev/d/42';

describe('the words that introduce an evidence link are ignored for matching', () => {
  it.each([
    `Load test passed, see ${LINK}`,
    `Load test passed: ${LINK}`,
    `Load test passed - ${LINK}`,
    `Load test passed — ${LINK}`,
    `Load test passed → ${LINK}`,
    `Load test passed (${LINK})`,
    `Load test passed (see ${LINK})`,
    `Load test passed in ${LINK}`,
    `Load test passed at ${LINK}`,
    `Load test passed via [the dashboard](${LINK})`,
    `Load test passed on ${LINK}`,
    `Load test passed per ${LINK}`,
    `Load test passed, see: ${LINK}`,
  ])('"%s" matches "Load test passed"', (line) => {
    expect(statusOf(`- [x] ${line}`, 'Load test passed')).toBe('ok');
  });

  it.each([
    [`Rollback plan tested — not yet: ${LINK}`],
    [`Rollback plan tested later, see ${LINK}`],
    [`Rollback plan tested in part, see ${LINK}`],
    ['Rollback plan tested on'],
  ])('a reworded item still fails closed: "%s"', (line) => {
    const report = evaluate(parseChecklist(`- [x] ${line}`), POLICY, CONTEXT);
    expect(report.items.find((item) => item.id === 'rollback')?.status).toBe('missing');
  });

  it('an introducer is dropped only before a link, so a text that ends in one still matches as written', () => {
    expect(statusOf(`- [x] Deploy on ${LINK}`, 'Deploy on')).toBe('ok');
    expect(statusOf('- [x] Deploy on', 'Deploy on')).toBe('ok');
    expect(parseChecklist(`- [x] Deploy on ${LINK}`).items[0]?.textBeforeEvidence).toBe('Deploy');
  });
});

describe('near misses: a hint on a missing item, never a match', () => {
  it('names the line and the wording of an item one word apart', () => {
    const markdown = ['## Release', '', '- [x] Load test passed', '- [x] Rollback plan was tested'].join(
      '\n',
    );
    const report = evaluate(parseChecklist(markdown), POLICY, CONTEXT);
    const rollback = report.items.find((item) => item.id === 'rollback');
    expect(rollback?.status).toBe('missing');
    expect(report.passed).toBe(false);
    expect(rollback?.fix).toBe(
      'Did you mean line 4, "Rollback plan was tested"? Use the policy\'s wording or add `<!-- id: rollback -->` to that item.',
    );
    expect(renderMarkdown(report, { title: 'checklist-gate' })).toContain(
      'Did you mean line 4, "Rollback plan was tested"?',
    );
    expect(renderText(report)).toContain('Did you mean line 4, "Rollback plan was tested"?');
  });

  it('names an item a few characters apart, and an unticked one too', () => {
    const report = evaluate(
      parseChecklist('- [ ] Rolback plan tested\n- [x] Load test passed'),
      POLICY,
      CONTEXT,
    );
    expect(report.items.find((item) => item.id === 'rollback')?.fix).toMatch(
      /^Did you mean line 1, "Rolback plan tested"\?/,
    );
  });

  it('gives the usual fix when nothing is close', () => {
    const report = evaluate(
      parseChecklist('- [x] Load test passed\n- [x] Something else entirely'),
      POLICY,
      CONTEXT,
    );
    expect(report.items.find((item) => item.id === 'rollback')?.fix).toBe(
      'Add it back: - [ ] Rollback plan tested <!-- id: rollback -->',
    );
  });

  it('never offers an item that another rule matched', () => {
    const report = evaluate(
      parseChecklist('- [x] Load test passed'),
      load('version: 1\nitems:\n  - text: Load test passed\n  - text: Load tests passed\n'),
      CONTEXT,
    );
    expect(report.items.find((item) => item.text === 'Load tests passed')?.fix).toBe(
      'Add it back: - [ ] Load tests passed',
    );
  });

  it.each([
    ['rollback plan tested', 'rollback plan was tested', true],
    ['rollback plan tested', 'rollback plan', true],
    ['rollback plan tested', 'rolback plan tested', true],
    ['load test passed', 'load test failed', true],
    ['rollback plan tested', 'rollback plan tested — not yet', false],
    ['rollback plan tested', 'database migrated', false],
    ['rollback plan tested', 'rollback plan tested', false],
    ['db', 'ab', false],
    ['gone', 'done', false],
    ['unit tests', 'unit', false],
  ])('isNearMiss(%j, %j) is %s', (wanted, candidate, near) => {
    expect(isNearMiss(wanted, candidate)).toBe(near);
  });
});
