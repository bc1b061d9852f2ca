import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import type { Policy } from '../src/policy/policy.js';
import { FAILING_STATUSES, type ItemStatus, type Report } from '../src/evaluate/report.js';
import { githubCheckboxes } from './helpers/github-render.js';
import { CONTEXT, load, POLICY } from './helpers/hardening-policy.js';

/**
 * A corpus of attempts to get a release past the gate without doing the work. Each attempt starts
 * from a complete, passing description and changes one thing; each must fail, on the item and with
 * the status named here, and the boxes the gate reads must be the boxes GitHub (cmark-gfm) draws.
 */

function check(markdown: string, policy: Policy = POLICY): Report {
  return evaluate(parseChecklist(markdown), policy, CONTEXT);
}

/** The required items that fail, as [id, status], in report order. */
function failing(report: Report): [string | null, ItemStatus][] {
  return report.items
    .filter((item) => item.required && FAILING_STATUSES.has(item.status))
    .map((item) => [item.id, item.status]);
}

const RUN = 'https://github.com/o/r/actions/runs/1';
const ROLLBACK = '- [x] Rollback plan tested <!-- id: rollback -->';
const ROLLBACK_PLAIN = '- [x] Rollback plan tested';
const LOAD = `- [x] Load test passed: [run](${RUN})`;

/** A release description: a heading, then the given lines. */
function description(...lines: string[]): string {
  return ['## Release checklist', '', ...lines, ''].join('\n');
}

/** The description with the load-test item carrying other evidence. */
function loadEvidence(evidence: string): string {
  return description(ROLLBACK, `- [x] Load test passed: ${evidence}`);
}

/** The description with the rollback item's check written otherwise. */
function rollbackCheck(check: string): string {
  return description(`- ${check} Rollback plan tested <!-- id: rollback -->`, LOAD);
}

const BASE = description(ROLLBACK, LOAD, '  - dashboard: https://grafana.acme.io/d/load');

interface Attempt {
  name: string;
  markdown: string;
  /** The required items that must fail, as [id, status], in report order. */
  fails: [string, ItemStatus][];
  /** The boxes cmark-gfm draws, in order (true: ticked). */
  boxes: boolean[];
}

const ROLLBACK_MISSING: [string, ItemStatus][] = [['rollback', 'missing']];
const LOAD_BAD: [string, ItemStatus][] = [['load', 'bad-evidence']];
const LOAD_NONE: [string, ItemStatus][] = [['load', 'no-evidence']];

const HIDDEN: Attempt[] = [
  { name: 'the required item deleted', markdown: description(LOAD), fails: ROLLBACK_MISSING, boxes: [true] },
  {
    name: 'the item moved into a ``` fenced code block',
    markdown: description(LOAD, '', '```markdown', ROLLBACK, '```'),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a ~~~ fenced code block',
    markdown: description(LOAD, '', '~~~', ROLLBACK, '~~~'),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into an indented code block',
    markdown: description(`    ${ROLLBACK}`, '', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a one-line HTML comment',
    markdown: description(`<!-- ${ROLLBACK_PLAIN} -->`, LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a multi-line HTML comment',
    markdown: description('<!--', ROLLBACK_PLAIN, '-->', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into an HTML block (<div>)',
    markdown: description('<div>', ROLLBACK, '</div>', '', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a table cell',
    markdown: description('| Item | Done |', '| --- | --- |', `| ${ROLLBACK} | yes |`, '', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a block quote (GitHub draws no box there)',
    markdown: description(`> ${ROLLBACK}`, '', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved into a <details> block without blank lines',
    markdown: description('<details>', '<summary>Checks</summary>', ROLLBACK, '</details>', '', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'the item moved after another list marker on the same line',
    markdown: description(`- ${ROLLBACK}`, LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
];

const LOOK_ALIKES: [string, string][] = [
  ['[х] (Cyrillic х)', '[х]'],
  ['[✓]', '[✓]'],
  ['[✔]', '[✔]'],
  ['［x］ (full-width brackets)', '［x］'],
  ['[x\\u200b] (zero-width space after x)', '[x\u200b]'],
  ['[\\u200bx] (zero-width space before x)', '[\u200bx]'],
  ['[\\u00a0] (no-break space)', '[\u00a0]'],
  ['[*]', '[*]'],
  ['[xx]', '[xx]'],
  ['[X ]', '[X ]'],
  ['[ x]', '[ x]'],
  ['[]', '[]'],
  ['\\[x] (escaped bracket)', '\\[x]'],
  ['[\\tx] (tab inside)', '[\tx]'],
];

const TICKED_WRONGLY: Attempt[] = [
  ...LOOK_ALIKES.map(([name, check]): Attempt => ({
    name: `ticked with the look-alike ${name}`,
    markdown: rollbackCheck(check),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  })),
  {
    name: 'ticked as [x] with no space before the text',
    markdown: description('- [x]Rollback plan tested <!-- id: rollback -->', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true],
  },
  {
    name: 'duplicated: a ticked copy and an unticked copy',
    markdown: description(ROLLBACK, LOAD, '- [ ] Rollback plan tested'),
    fails: [['rollback', 'unchecked']],
    boxes: [true, true, false],
  },
  {
    name: 'duplicated: the unticked copy first, the ticked copy carrying the id',
    markdown: description('- [ ] Rollback plan tested', ROLLBACK, LOAD),
    fails: [['rollback', 'unchecked']],
    boxes: [false, true, true],
  },
  {
    name: 'reworded slightly, without the id marker',
    markdown: description('- [x] Rollback plan was tested', LOAD),
    fails: ROLLBACK_MISSING,
    boxes: [true, true],
  },
  {
    name: 'the id marker moved onto a ticked decoy, the real item unticked',
    markdown: description('- [x] Smoke test done <!-- id: rollback -->', '- [ ] Rollback plan tested', LOAD),
    fails: [['rollback', 'unchecked']],
    boxes: [true, false, true],
  },
  {
    name: 'the real item nested, unticked, under a ticked decoy carrying the id',
    markdown: description('- [x] Release steps <!-- id: rollback -->', '  - [ ] Rollback plan tested', LOAD),
    fails: [['rollback', 'unchecked']],
    boxes: [true, false, true],
  },
];

const EVIDENCE: Attempt[] = [
  {
    name: 'evidence on a look-alike host (github.com.evil.example)',
    markdown: loadEvidence('https://github.com.evil.example/o/r/actions/runs/1'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence with the real address in the path of another host',
    markdown: loadEvidence('[run](https://evil.example/https://github.com/o/r/actions/runs/1)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence with github.com as the user name of another host',
    markdown: loadEvidence('[run](https://github.com@evil.com/o/r/actions/runs/1)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence on a homograph host (Cyrillic і in github)',
    markdown: loadEvidence('[run](https://gіthub.com/o/r/actions/runs/1)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence over plain http',
    markdown: loadEvidence('[run](http://github.com/o/r/actions/runs/1)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence as a javascript: link',
    markdown: loadEvidence('[run](javascript:alert(1))'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence linking the list of runs, not a run',
    markdown: loadEvidence('[run](https://github.com/o/r/actions/runs/)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence linking the list of runs with a doubled slash (runs//)',
    markdown: loadEvidence('[run](https://github.com/o/r/actions/runs//)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence whose run id is a blank (runs/%20)',
    markdown: loadEvidence('[run](https://github.com/o/r/actions/runs/%20)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence whose run id is an invisible zero-width space (runs/%E2%80%8B)',
    markdown: loadEvidence('[run](https://github.com/o/r/actions/runs/%E2%80%8B)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence on a placeholder host (example.com)',
    markdown: loadEvidence('https://example.com/run'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence with a TODO run id',
    markdown: loadEvidence('https://github.com/o/r/actions/runs/TODO'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence as an empty link',
    markdown: loadEvidence('[run]()'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence as a relative link',
    markdown: loadEvidence('[run](/o/r/actions/runs/1)'),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence whose text is the run but whose target is elsewhere',
    markdown: loadEvidence(`[${RUN}](https://evil.com/)`),
    fails: LOAD_BAD,
    boxes: [true, true],
  },
  {
    name: 'evidence inside inline code (not a link), in a bullet under the item',
    markdown: description(ROLLBACK, '- [x] Load test passed', `  - \`${RUN}\``),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
  {
    name: 'evidence inside an HTML comment',
    markdown: loadEvidence(`<!-- ${RUN} -->`),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
  {
    name: 'evidence as an image, in a bullet under the item',
    markdown: description(ROLLBACK, '- [x] Load test passed', `  - ![run](${RUN})`),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
  {
    name: 'evidence in a fenced code block under the item',
    markdown: description(ROLLBACK, '- [x] Load test passed', '', '  ```', `  ${RUN}`, '  ```'),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
  {
    name: 'evidence as a reference link whose definition is in a code block',
    markdown: description(
      ROLLBACK,
      '- [x] Load test passed',
      '  - [run][ci]',
      '',
      '```',
      `[ci]: ${RUN}`,
      '```',
    ),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
  {
    name: 'evidence in a nested TASK item (it belongs to that item, not the parent)',
    markdown: description(ROLLBACK, '- [x] Load test passed', `  - [x] CI run: ${RUN}`),
    fails: LOAD_NONE,
    boxes: [true, true, true],
  },
  {
    name: 'the evidence link removed',
    markdown: description(ROLLBACK, '- [x] Load test passed'),
    fails: LOAD_NONE,
    boxes: [true, true],
  },
];

const ATTEMPTS: Attempt[] = [...HIDDEN, ...TICKED_WRONGLY, ...EVIDENCE];

describe('bypass corpus: the base case', () => {
  it('a complete description passes, and GitHub draws both boxes ticked', () => {
    const report = check(BASE);
    expect(report.passed).toBe(true);
    expect(report.conclusion).toBe('pass');
    expect(report.items.map((item) => [item.id, item.status])).toEqual([
      ['rollback', 'ok'],
      ['load', 'ok'],
    ]);
    expect(githubCheckboxes(BASE)).toEqual([true, true]);
  });

  it('holds enough attempts', () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ATTEMPTS.map((attempt) => attempt.name)).size).toBe(ATTEMPTS.length);
  });
});

describe('bypass corpus: every attempt fails the gate', () => {
  it.each(ATTEMPTS.map((attempt) => [attempt.name, attempt] as const))('%s', (_name, attempt) => {
    const report = check(attempt.markdown);
    expect(failing(report)).toEqual(attempt.fails);
    expect(report.passed).toBe(false);
    expect(report.conclusion).toBe('fail');
    // What GitHub draws, and that the gate reads exactly those boxes.
    expect(githubCheckboxes(attempt.markdown)).toEqual(attempt.boxes);
    expect(parseChecklist(attempt.markdown).items.map((item) => item.checked)).toEqual(attempt.boxes);
  });
});

describe('bypass corpus: no checklist at all', () => {
  it.each([
    ['the checklist emptied', description('Nothing to do here.')],
    [
      'the ticks removed, leaving plain bullets',
      description('- Rollback plan tested', `- Load test passed ${RUN}`),
    ],
    ['the whole description empty', ''],
    ['the description only white space', ' \n\t\n  '],
  ])('%s', (_name, markdown) => {
    const report = check(markdown);
    expect(report.passed).toBe(false);
    expect(report.conclusion).toBe('fail');
    expect(report.checklist.found).toBe(false);
    expect(report.counts.open).toBe(1);
    expect(report.summary).toMatch(/^No checklist found/);
    expect(githubCheckboxes(markdown)).toEqual([]);
  });
});

describe('bypass corpus: a policy written into the description changes nothing', () => {
  const LAX_POLICY = 'version: 1\nunlisted: optional\nchecklist:\n  required: false\n';
  const UNTICKED = description(
    '- [ ] Rollback plan tested <!-- id: rollback -->',
    '- [x] Load test passed',
    '',
    '```yaml',
    '# .github/checklist-gate.yml',
    LAX_POLICY,
    '```',
    '',
    '<!--',
    LAX_POLICY,
    '-->',
  );
  const FRONT_MATTER = `---\n${LAX_POLICY}---\n\n${UNTICKED}`;

  it('evaluate takes the policy only as its argument; the context carries none', () => {
    expect(evaluate.length).toBe(3);
    expect(Object.keys(CONTEXT).sort()).toEqual(['baseBranch', 'changedPaths', 'event', 'labels']);
  });

  it.each([
    ['in a fenced block', UNTICKED],
    ['as front matter', FRONT_MATTER],
  ])('YAML %s has no effect', (_name, markdown) => {
    // That policy would let this description through if the gate used it ...
    expect(check(markdown, load(LAX_POLICY)).passed).toBe(true);
    // ... but the gate judges by the policy it is given, and the description does not change that.
    const report = check(markdown);
    expect(report.passed).toBe(false);
    expect(failing(report)).toEqual([
      ['rollback', 'unchecked'],
      ['load', 'no-evidence'],
    ]);
    const bare = check(
      description('- [ ] Rollback plan tested <!-- id: rollback -->', '- [x] Load test passed'),
    );
    expect(report.items.map((item) => [item.id, item.status, item.required])).toEqual(
      bare.items.map((item) => [item.id, item.status, item.required]),
    );
  });

  it('an unlisted item stays required, whatever the description says about "unlisted"', () => {
    const markdown = description(ROLLBACK, LOAD, '- [ ] Notify support', '', '<!-- unlisted: optional -->');
    const report = check(markdown);
    expect(report.passed).toBe(false);
    expect(failing(report)).toEqual([[null, 'unchecked']]);
    expect(report.items.find((item) => item.text === 'Notify support')?.required).toBe(true);
  });
});
