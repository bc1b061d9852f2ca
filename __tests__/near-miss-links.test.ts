import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { trailingMiss } from '../src/evaluate/trailing-miss.js';
import { policyOf } from './helpers/policy-of.js';

// Issue 25: a present item whose link is a near miss is that item, failing with the fix, never "deleted".
const WITH_EVIDENCE = policyOf(
  'version: 1\nitems:\n  - id: load-test\n    text: Load test passed\n    evidence:\n      hint: the load-test dashboard\n  - text: Tests pass\n',
);
const PLAIN = policyOf('version: 1\nitems:\n  - text: Load test passed\n  - text: Tests pass\n');

function loadTest(body: string, policy = WITH_EVIDENCE) {
  const report = evaluate(parseChecklist(body), policy, {
    event: 'pull_request',
    baseBranch: 'main',
    labels: [],
    changedPaths: null,
    description: body,
  });
  const item = report.items.find((each) => each.text.startsWith('Load test passed'));
  return {
    passed: report.passed,
    status: item?.status,
    line: item?.line,
    problems: item?.problems,
    fix: item?.fix,
  };
}

describe('a present item with a near miss of a link fails as that item', () => {
  it.each([
    [
      'an address without https://',
      '- [x] Load test passed grafana.acme.dev/d/1\n- [x] Tests pass\n',
      'no-evidence',
      ['ticked without evidence: needs a link to the load-test dashboard'],
      'Add "https://" in front of grafana.acme.dev/d/1: without it GitHub draws no link, so it is no evidence.',
    ],
    [
      'TODO',
      '- [x] Load test passed TODO\n- [x] Tests pass\n',
      'no-evidence',
      ['ends with TODO, a placeholder where a link belongs'],
      'Replace TODO with the link to the load-test dashboard.',
    ],
    [
      'TBD after a dash',
      '- [x] Load test passed — TBD\n- [x] Tests pass\n',
      'no-evidence',
      ['ends with TBD, a placeholder where a link belongs'],
      'Replace TBD with the link to the load-test dashboard.',
    ],
    [
      'a template expression',
      '- [x] Load test passed ${{ run_id }}\n- [x] Tests pass\n',
      'no-evidence',
      ['ends with ${{ run_id }}, a placeholder where a link belongs'],
      'Replace ${{ run_id }} with the link to the load-test dashboard.',
    ],
    [
      'the word link',
      '- [x] Load test passed: link\n- [x] Tests pass\n',
      'no-evidence',
      ['ends with link, a placeholder where a link belongs'],
      'Replace link with the link to the load-test dashboard.',
    ],
  ])('%s', (_name, body, status, problems, fix) => {
    expect(loadTest(body)).toEqual({ passed: false, status, line: 1, problems, fix });
  });

  it('without an evidence rule too: the placeholder says a link is missing', () => {
    expect(loadTest('- [x] Load test passed TODO\n- [x] Tests pass\n', PLAIN)).toEqual({
      passed: false,
      status: 'bad-evidence',
      line: 1,
      problems: ['ends with TODO, a placeholder where a link belongs'],
      fix: 'Replace TODO with the link it stands for.',
    });
  });

  it('a bare domain without an evidence rule', () => {
    expect(loadTest('- [x] Load test passed grafana.acme.dev\n- [x] Tests pass\n', PLAIN).fix).toBe(
      'Add "https://" in front of grafana.acme.dev: without it GitHub draws no link, so it is no evidence.',
    );
  });

  it('a real link passes, and an item whose own text ends in such a word is itself', () => {
    expect(loadTest('- [x] Load test passed https://grafana.acme.dev/d/1\n- [x] Tests pass\n')).toMatchObject(
      { passed: true, status: 'ok' },
    );
    const policy = policyOf('version: 1\nitems:\n  - text: Update the README link\n');
    const body = '- [x] Update the README link\n';
    const report = evaluate(parseChecklist(body), policy, {
      event: 'pull_request',
      baseBranch: null,
      labels: [],
      changedPaths: null,
      description: body,
    });
    expect(report.passed).toBe(true);
  });
});

describe('trailingMiss', () => {
  it.each([
    ['Load test passed grafana.acme.dev/d/1', 'Load test passed', 'grafana.acme.dev/d/1'],
    ['Load test passed: <url>', 'Load test passed', '<url>'],
    ['Load test passed ${{ run_id }}', 'Load test passed', '${{ run_id }}'],
    ['Dashboard: grafana.acme.dev.', 'Dashboard', 'grafana.acme.dev'],
  ])('%s', (text, before, word) => {
    expect(trailingMiss(text)).toMatchObject({ before, word });
  });

  it.each(['Load test passed', 'passed:TODO', 'See docs.', 'TODO'])('%s is none', (text) => {
    expect(trailingMiss(text)).toBeNull();
  });
});

describe('a box GitHub does not draw is named by the block it is in', () => {
  const policy = policyOf('version: 1\nitems:\n  - text: Tests pass\n');
  function missing(written: string) {
    // One box GitHub draws, so that the checklist is found; the line numbers below count it.
    const body = `- [x] Docs\n\n${written}`;
    const report = evaluate(parseChecklist(body), policy, {
      event: 'pull_request',
      baseBranch: null,
      labels: [],
      changedPaths: null,
      description: body,
    });
    const item = report.items.find((each) => each.text === 'Tests pass');
    return { status: item?.status, problems: item?.problems, fix: item?.fix };
  }

  it.each([
    ['a fenced code block', 'Release\n\n```\n- [x] Tests pass\n```\n', 6, 'a code block', 'the code block'],
    ['an indented code block', 'Release\n\n    - [x] Tests pass\n', 5, 'a code block', 'the code block'],
    [
      'an HTML block',
      '<details>\n<summary>Checks</summary>\n- [x] Tests pass\n</details>\n',
      5,
      'an HTML block',
      'the HTML block',
    ],
    ['a quote', '> [x] Tests pass\n', 3, 'a quote', 'the quote'],
  ])('%s', (_name, body, line, inside, outside) => {
    expect(missing(body)).toEqual({
      status: 'missing',
      problems: [`not a task item: line ${line} is inside ${inside}, so GitHub does not draw a box`],
      fix: `Line ${line} is inside ${inside}, so GitHub does not draw a box: write "- [x]" on a line of its own, outside ${outside}.`,
    });
  });

  it('a table cell, as before', () => {
    expect(missing('| a | b |\n| - | - |\n| [x] Tests pass | |\n').fix).toBe(
      'Line 5 looks like a box, but GitHub does not draw one here: write "- [x]" on a line of its own, outside the table.',
    );
  });
});
