import fc from 'fast-check';
import { parseChecklist, UnreadableDescriptionError } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { defaultPolicy } from '../src/policy/default-policy.js';
import type { Policy } from '../src/policy/policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { FAILING_STATUSES, type Report } from '../src/evaluate/report.js';
import { githubBoxes, githubCheckboxes } from './helpers/github-render.js';
import { CONTEXT, load, POLICY } from './helpers/hardening-policy.js';

/**
 * Hostile and worst-case descriptions: the engine never throws, always comes to a verdict, and never
 * passes a description whose required boxes GitHub does not draw ticked. Speed is not asserted here
 * (it is measured in bench/); these tests only ask for completion and the right verdict.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);

/** Parse, evaluate and render, as the action does. */
function gate(markdown: string, policy: Policy = POLICY): { report: Report; comment: string } {
  const report = evaluate(parseChecklist(markdown), policy, CONTEXT);
  const comment = renderMarkdown(report, { title: 'checklist-gate' });
  return { report, comment };
}

/**
 * When the gate passes, GitHub must agree: every box it draws is ticked (every task item is
 * required, as nothing is unlisted-optional here), and each required item stands on a line where
 * GitHub draws a ticked box.
 */
function expectGitHubAgreesWithPass(markdown: string, report: Report): void {
  if (!report.passed) return;
  const boxes = githubBoxes(markdown);
  expect(boxes.filter((box) => !box.checked)).toEqual([]);
  for (const item of report.items.filter((entry) => entry.required)) {
    expect(boxes.some((box) => box.line === item.line && box.checked)).toBe(true);
  }
}

/** Report items come in description order, items missing from it last. */
function expectOrderedByLine(report: Report): void {
  const lines = report.items.map((item) => item.line ?? Number.POSITIVE_INFINITY);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
}

const VALID = [
  '## Release checklist',
  '',
  '- [x] Rollback plan tested <!-- id: rollback -->',
  '- [x] Load test passed: [run](https://github.com/o/r/actions/runs/1)',
  '  - dashboard: https://grafana.acme.io/d/load',
  '',
].join('\n');

/** What attempts to fake or hide a box are made of. */
const INSERTS = [
  '[',
  ']',
  '`',
  '```',
  '~~~',
  '<!--',
  '-->',
  '|',
  '>',
  '> ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\n\n',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  ' ',
  '    ',
  '- ',
  '1. ',
  '*',
  '\\',
  '<div>',
  '<details>',
  '[ ]',
  '- [ ] ',
  '| --- |',
  '\u00a0',
];

const mutation = fc.tuple(fc.nat(), fc.constantFrom(...INSERTS));
const mutatedChecklist = fc.array(mutation, { minLength: 1, maxLength: 6 }).map((mutations) => {
  let text = VALID;
  for (const [position, insert] of mutations) {
    const at = position % (text.length + 1);
    text = text.slice(0, at) + insert + text.slice(at);
  }
  return text;
});

describe('arbitrary input: never throws, always a verdict, never a pass GitHub does not show', () => {
  it.each([
    ['grapheme', fc.string({ unit: 'grapheme', maxLength: 400 })],
    ['binary', fc.string({ unit: 'binary', maxLength: 400 })],
  ])('random strings (unit %s)', (_unit, strings) => {
    fc.assert(
      fc.property(strings, (markdown) => {
        for (const policy of [POLICY, defaultPolicy()]) {
          const { report, comment } = gate(markdown, policy);
          expect(typeof report.passed).toBe('boolean');
          expect(report.conclusion).toBe(report.passed ? 'pass' : 'fail');
          expect(comment.length).toBeGreaterThan(0);
          expectGitHubAgreesWithPass(markdown, report);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid checklist with brackets, backticks, comments, pipes, quotes, tabs, CRs and zero-width characters inserted', () => {
    fc.assert(
      fc.property(mutatedChecklist, (markdown) => {
        const { report, comment } = gate(markdown);
        expect(typeof report.passed).toBe('boolean');
        expect(comment.length).toBeGreaterThan(0);
        expectGitHubAgreesWithPass(markdown, report);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('the unmutated checklist passes (so that the property above is not vacuous)', () => {
    expect(gate(VALID).report.passed).toBe(true);
    expect(githubCheckboxes(VALID)).toEqual([true, true]);
  });

  it('deterministic: the same input gives deep-equal reports and the same comment; items by line', () => {
    fc.assert(
      fc.property(mutatedChecklist, (markdown) => {
        const first = gate(markdown);
        const second = gate(markdown);
        expect(second.report).toEqual(first.report);
        expect(second.comment).toBe(first.comment);
        expectOrderedByLine(first.report);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('items are ordered by line, not by policy order, with missing items last', () => {
    const reversed = load(
      [
        'version: 1',
        'items:',
        '  - text: Not in the description',
        '  - id: load',
        '    text: Load test passed',
        '  - id: rollback',
        '    text: Rollback plan tested',
        '',
      ].join('\n'),
    );
    const markdown = ['- [ ] Extra one', VALID, '- [ ] Extra two', ''].join('\n');
    const { report } = gate(markdown, reversed);
    expect(report.items.map((item) => [item.text.slice(0, 20), item.line])).toEqual([
      ['Extra one', 1],
      ['Rollback plan tested', 4],
      ['Load test passed: ru', 5],
      ['Extra two', 8],
      ['Not in the descripti', null],
    ]);
    expect(gate(markdown, reversed).report).toEqual(report);
  });
});

const SIZE = 65_536;

/** Exactly SIZE characters: the head, then the unit repeated, then the tail. */
function sized(head: string, unit: string, tail = ''): string {
  const room = SIZE - head.length - tail.length;
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

const ROLLBACK = '- [x] Rollback plan tested <!-- id: rollback -->';
const LOAD = '- [x] Load test passed: [run](https://github.com/o/r/actions/runs/1)';
const COMPLETE = `${ROLLBACK}\n${LOAD}\n\n`;

/** Exactly SIZE characters: the head, then as many whole lines as fit, the last padded with spaces. */
function sizedLines(head: string, line: (index: number) => string): string {
  let text = head;
  for (let index = 0; ; index++) {
    const next = (index === 0 ? '' : '\n') + line(index);
    if (text.length + next.length > SIZE) break;
    text += next;
  }
  return text.padEnd(SIZE, ' ');
}

interface Worst {
  name: string;
  markdown: string;
  policy: Policy;
  /** The verdict, and what else must hold of the report. */
  passed: boolean;
  expect?: (report: Report, comment: string, markdown: string) => void;
}

const allStatuses = (report: Report) => [...new Set(report.items.map((item) => item.status))];

const WORST: Worst[] = [
  {
    name: 'thousands of unclosed [ after a complete checklist',
    markdown: sized(COMPLETE, '['),
    policy: POLICY,
    passed: true,
  },
  {
    name: 'thousands of unclosed [ on the evidence line',
    markdown: sized(`${ROLLBACK}\n- [x] Load test passed `, '['),
    policy: POLICY,
    passed: false,
    // Trailing brackets are separators: the item keeps its text, and has no link.
    expect: (report) => expect(report.items.find((item) => item.id === 'load')?.status).toBe('no-evidence'),
  },
  {
    name: 'thousands of backticks after a complete checklist',
    markdown: sized(COMPLETE, '`'),
    policy: POLICY,
    passed: true,
  },
  {
    name: 'a fence of 30,000 backticks around the items (they are code)',
    markdown: sized('`'.repeat(30_000) + `\n${COMPLETE}`, '`'),
    policy: POLICY,
    passed: false,
    expect: (report, _comment, markdown) => {
      expect(report.checklist.found).toBe(false);
      expect(githubCheckboxes(markdown)).toEqual([]);
    },
  },
  {
    name: 'thousands of unclosed <!-- before the checklist (hiding it up to the first -->)',
    markdown: sized('', '<!--', `\n${COMPLETE}`),
    policy: POLICY,
    passed: false,
    expect: (report, _comment, markdown) => {
      expect(report.items.map((item) => [item.id, item.status])).toEqual([
        ['load', 'ok'],
        ['rollback', 'missing'],
      ]);
      expect(githubCheckboxes(markdown)).toEqual([true]);
    },
  },
  {
    name: 'thousands of <!-- after a complete checklist',
    markdown: sized(COMPLETE, '<!--'),
    policy: POLICY,
    passed: true,
  },
  {
    name: 'lists nested 100 levels deep, the most read, one after another (two-space steps, every box unticked)',
    markdown: sizedLines('', (level) => '  '.repeat(level % 100) + '- [ ] x'),
    policy: defaultPolicy(),
    passed: false,
    expect: (report, _comment, markdown) => {
      expect(report.items.length).toBeGreaterThan(250);
      expect(allStatuses(report)).toEqual(['unchecked']);
      expect(Math.max(...report.items.map((item) => item.depth ?? 0))).toBe(99);
      expect(report.items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
    },
  },
  {
    name: '5,000 ticked items',
    markdown: sized('- [x] a\n'.repeat(5000) + '\n', 'filler '),
    policy: defaultPolicy(),
    passed: true,
    expect: (report, comment, markdown) => {
      expect(report.items).toHaveLength(5000);
      expect(allStatuses(report)).toEqual(['ok']);
      expect(githubCheckboxes(markdown)).toEqual(Array(5000).fill(true));
      expect(comment).toContain('5000 done');
    },
  },
  {
    name: '5,000 unticked items',
    markdown: sized('- [ ] a\n'.repeat(5000) + '\n', 'filler '),
    policy: defaultPolicy(),
    passed: false,
    expect: (report) => {
      expect(report.counts.open).toBe(5000);
      expect(allStatuses(report)).toEqual(['unchecked']);
    },
  },
  {
    name: 'one item of 65,536 characters',
    markdown: sized('- [x] ', 'a'),
    policy: defaultPolicy(),
    passed: true,
    expect: (report, comment) => {
      expect(report.items).toHaveLength(1);
      expect(report.items[0]?.text).toHaveLength(SIZE - 6);
      expect(comment.length).toBeLessThan(2000);
    },
  },
  {
    name: 'one required item of 65,536 characters that matches nothing',
    markdown: sized('- [ ] Rollback plan tested ', 'b'),
    policy: POLICY,
    passed: false,
    expect: (report, comment) => {
      expect(report.items.map((item) => item.status)).toEqual(['unchecked', 'missing', 'missing']);
      expect(comment.length).toBeLessThan(5000);
    },
  },
  {
    name: 'thousands of link reference definitions',
    markdown: sizedLines(
      `${ROLLBACK}\n- [x] Load test passed: [run][d1]\n\n`,
      (index) => `[d${index}]: https://github.com/o/r/actions/runs/${index}`,
    ),
    policy: POLICY,
    passed: true,
    expect: (report) =>
      expect(report.items.find((item) => item.id === 'load')?.links).toEqual([
        'https://github.com/o/r/actions/runs/1',
      ]),
  },
  {
    name: 'thousands of pipes: a table with thousands of rows holding fake boxes',
    markdown: sized(`${COMPLETE}| a |\n| --- |\n`, '| - [ ] b |\n'),
    policy: POLICY,
    passed: true,
  },
  {
    name: 'thousands of entity and autolink openers',
    markdown: sized(`${COMPLETE}`, '&# www. https:// a@ '),
    policy: POLICY,
    passed: true,
  },
  // Items holding only their check are read from rewritten text (src/checklist/empty-checks.ts).
  {
    name: 'thousands of items holding only their check, each after a paragraph line and before an open indented item',
    markdown: sized('', 'text\n- [x] \n\n  - [ ] item\n'),
    policy: defaultPolicy(),
    passed: false,
    expect: (report, _comment, markdown) => {
      expect(report.items.length).toBeGreaterThan(5000);
      expect(allStatuses(report).sort()).toEqual(['ok', 'unchecked']);
      expect(report.items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
    },
  },
  {
    name: 'thousands of ticked items holding only their check, each before a blank line and a ticked indented item',
    markdown: sized('', '- [x] \n\n  - [x] item\n'),
    policy: defaultPolicy(),
    passed: true,
    expect: (report, _comment, markdown) => {
      expect(report.items.length).toBeGreaterThan(6000);
      expect(report.items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
    },
  },
  {
    name: 'thousands of ticked items holding only their check, each before a lazy line (which is not their text)',
    markdown: sized('', '- [x] \nmore\n'),
    policy: defaultPolicy(),
    passed: true,
    expect: (report, _comment, markdown) => {
      expect(report.items.length).toBeGreaterThan(5000);
      expect(report.items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
      expect(new Set(report.items.map((item) => item.text))).toEqual(new Set(['']));
    },
  },
  {
    name: 'thousands of open boxes borrowed from lazy quoted lines',
    markdown: sized('', '- a\n  > b\n      - [ ] lazy\n'),
    policy: defaultPolicy(),
    passed: false,
    expect: (report, _comment, markdown) => {
      expect(report.items.length).toBeGreaterThan(2000);
      expect(allStatuses(report)).toEqual(['unchecked']);
      expect(report.items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
    },
  },
];

describe('worst cases of 65,536 characters (the size of a description on GitHub)', () => {
  it.each(WORST.map((worst) => [worst.name, worst] as const))('%s', (_name, worst) => {
    expect(worst.markdown).toHaveLength(SIZE);
    const { report, comment } = gate(worst.markdown, worst.policy);
    expect(report.passed).toBe(worst.passed);
    expect(comment).toMatch(/^### (✅|❌) checklist-gate: /);
    worst.expect?.(report, comment, worst.markdown);
    expectGitHubAgreesWithPass(worst.markdown, report);
    if (!report.passed) {
      expect(
        report.items.some((item) => item.required && FAILING_STATUSES.has(item.status)) ||
          !report.checklist.found,
      ).toBe(true);
    }
  });
});

describe('deep nesting is refused with a clear message, never a crash or a pass', () => {
  // More than 100 quotes or list markers on one line: GitHub draws no box there, and such nesting
  // costs the parser time and stack out of all proportion, so the description is refused (the
  // action then posts an error status), naming the line.
  it.each([
    ['10,000 nested block quotes', sized('>'.repeat(10_000) + '\n\n' + COMPLETE, 'filler ')],
    ['3,000 list markers nested on one line', sized('+ '.repeat(3000) + 'x\n\n' + COMPLETE, 'filler ')],
    [
      '3,000 ordered list markers nested on one line',
      sized('1. '.repeat(3000) + 'x\n\n' + COMPLETE, 'filler '),
    ],
    [
      '1,500 quoted list items nested on one line',
      sized('> - '.repeat(1500) + 'x\n\n' + COMPLETE, 'filler '),
    ],
    [
      'list markers nested 1,000 deep on a later line',
      sized('- [x] a\n' + '+ '.repeat(1000) + '[x] x\n\n', 'filler '),
    ],
  ])('%s', (_name, markdown) => {
    expect(markdown).toHaveLength(SIZE);
    expect(() => gate(markdown)).toThrow(UnreadableDescriptionError);
    expect(() => gate(markdown)).toThrow(
      /^line \d+ of the description (nests more than 100 block quotes or list markers|has a list marker at column \d+; checklist-gate reads list markers up to column 200)/,
    );
  });

  // A list nested one level deeper on every line: commonmark scans each line's indentation once
  // for every list around it, so the cost grows with the cube of the depth. A list marker at
  // column 201 or later (past 100 levels of two columns) is refused, naming the line.
  it.each([
    ['a list nested one level deeper on every line', (depth: number) => `${'  '.repeat(depth)}- [ ] x`],
    [
      'an ordered list nested one level deeper on every line',
      (depth: number) => `${'   '.repeat(depth)}1. [ ] x`,
    ],
    [
      'a list nested by tabs',
      (depth: number) => `${'\t'.repeat(Math.floor(depth / 2))}${depth % 2 ? '  ' : ''}- [ ] x`,
    ],
  ])('%s, past 100 levels', (_name, line) => {
    const markdown = sizedLines(`${COMPLETE}`, line);
    expect(() => gate(markdown)).toThrow(
      /^line \d+ of the description has a list marker at column 20[1-3]; checklist-gate reads list markers up to column 200 \(lists nested up to 100 levels deep\)/,
    );
  });

  it('reads a list nested 100 levels deep, its deepest box included, as GitHub does', () => {
    const levels = Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}- [x] level ${depth}`);
    const markdown = `${levels.join('\n')}\n`;
    const { report } = gate(markdown, defaultPolicy());
    expect(report.checklist.items).toBe(100);
    expect(report.passed).toBe(true);
    expect(githubCheckboxes(markdown)).toEqual(Array.from({ length: 100 }, () => true));
    // One level deeper is refused.
    expect(() => gate(`${markdown}${'  '.repeat(100)}- [x] level 100\n`)).toThrow(UnreadableDescriptionError);
  });

  it('reads nesting up to the limit and comes to a verdict', () => {
    const markdown = `${'> '.repeat(100)}x\n\n${COMPLETE}`;
    expect(gate(markdown).report.passed).toBe(true);
    expect(githubCheckboxes(markdown)).toEqual([true, true]);
  });
});

describe('emphasis runs of 65,536 characters come to a verdict', () => {
  // Long delimiter runs are where Markdown parsers go quadratic; commonmark's delimiter stack
  // does not (bench/ measures the time). The text keeps delimiters that close nothing, so the
  // policy's item is not found.
  it.each([
    ['a long run of *_*_ in an item', sized(`${ROLLBACK}\n- [x] Load test passed `, '*_')],
    ['a long run of ~a~~ in an item', sized(`${ROLLBACK}\n- [x] Load test passed `, '~a~~')],
  ])('%s', (_name, markdown) => {
    expect(markdown).toHaveLength(SIZE);
    const { report } = gate(markdown);
    expect(report.passed).toBe(false);
    expect(report.items.find((item) => item.id === 'load')?.status).toBe('missing');
  });
});
