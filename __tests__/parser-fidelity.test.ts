import fc from 'fast-check';
import { parseChecklist, UnreadableDescriptionError } from '../src/checklist/parse.js';
import {
  githubBoxFromLaterLine,
  githubFootnotes,
  githubItems,
  knownDifference,
  knownFootnoteDifference,
  knownTextDifference,
  unsafeBoxes,
} from './helpers/github-render.js';

/**
 * Tick, text and links of every task item against cmark-gfm, GitHub's renderer, over generated
 * descriptions holding what real checklists hold around their boxes: autolink literals with
 * trailing punctuation and parentheses, links, code spans, emphasis, strikethrough, tables, <details>, block
 * quotes, fences, HTML comments, footnote references and definitions, tabs, CRLF, and ASCII control
 * and white-space characters.
 */
const CONTROL = fc.constantFrom(
  '\v',
  '\f',
  '\u0001',
  '\u0007',
  '\b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u0085',
);
const word = fc.constantFrom('Load', 'test', 'passed', 'Rollback', 'plan', 'tested', 'ok');
const autolink = fc
  .tuple(
    fc.constantFrom(
      'https://grafana.acme.dev/d/42',
      'http://x.org/a',
      'www.acme.dev/run',
      'https://x.org/(b)',
      'https://x.org/(a',
      'HTTPS://X.org/a',
      'WWW.acme.dev',
      'ops@acme.com',
      'ops@10.0.0.1',
      '`c`www.acme.dev',
    ),
    fc.constantFrom('', '.', ',', ')', ').', ':', '!', '?', '*', '"', "'", ';', '[b]', '\u00a0x', '\u0001x'),
  )
  .map(([link, tail]) => link + tail);
const inline = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: autolink },
  {
    weight: 1,
    arbitrary: fc.constantFrom('(see https://x.org/run)', '[run](https://github.com/o/r/actions/runs/1)'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('`code`', '**bold**', '_em_', '<!-- id: a -->', '<b>b</b>', 'see:', '—'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '~~done~~',
      '~x~',
      '~~open',
      'shut~~',
      '~',
      '~~~x~~~',
      'a~~b~~c',
      '| a |',
      '|',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('[^1]', '[^x]', 'passed[^1]', 'x.org/a[^1]') },
  { weight: 1, arbitrary: CONTROL },
);
const content = fc.array(inline, { maxLength: 5 }).map((parts) => parts.join(' '));
const indent = fc.constantFrom('', '', ' ', '  ', '    ', '\t');
const marker = fc.constantFrom('-', '*', '+', '1.', '1)');
const gap = fc.oneof(
  fc.constantFrom(' ', ' ', '  ', '\t'),
  fc.tuple(fc.constantFrom(' ', '\t'), CONTROL).map((p) => p.join('')),
);
const check = fc.constantFrom('[ ]', '[x]', '[X]', '[ ]', '[x]');
const after = fc.oneof(fc.constantFrom(' ', ' ', '\t'), CONTROL);
const taskLine = fc.tuple(indent, marker, gap, check, after, content).map((parts) => parts.join(''));
const otherLine = fc.oneof(
  fc.constantFrom(
    '',
    '',
    '```',
    '<!--',
    '-->',
    '<details>',
    '</details>',
    '# Heading',
    '> quoted',
    'text',
    '|---|---|',
    '  | --- |',
    '| a | b |',
    '   ',
    // Footnote definitions as a block of their own; those on a lazy line are conformance cases.
    '\n[^1]: https://ci.acme.dev/runs/9\n',
    '\n[^1]: note https://x.org/n',
    '\n  [^1]: https://x.org/n',
    '    more https://x.org/m',
  ),
  content,
);
const document = fc
  .array(fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 1, arbitrary: otherLine }), { maxLength: 10 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('tick, text and links agree with cmark-gfm on generated task lists', () => {
  it('every item, in order', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        fc.pre(!knownTextDifference(markdown));
        let items;
        try {
          items = parseChecklist(markdown).items;
        } catch (error) {
          // Refused, failing closed, for a task line in a footnote definition. The gate's reading of
          // which definitions GitHub shows is the wider one (see footnotes.ts), so GitHub may show none.
          expect(error).toBeInstanceOf(UnreadableDescriptionError);
          expect(String(error)).toMatch(/inside footnote \[\^1\]/);
          return;
        }
        if (knownFootnoteDifference(markdown)) {
          // Never ticked where GitHub draws no ticked box; a box GitHub draws among the footnotes may go unread.
          expect(unsafeBoxes(markdown, items).filter((problem) => problem.startsWith('ticked'))).toEqual([]);
          return;
        }
        // Never a box among the footnotes that the gate does not refuse.
        expect(githubFootnotes(markdown).box).toBe(false);
        if (knownDifference(markdown)) {
          expect(unsafeBoxes(markdown, items)).toEqual([]);
          return;
        }
        const ours = items.map((item) => ({
          checked: item.checked,
          text: item.text,
          links: item.links,
        }));
        const github = githubItems(markdown);
        if (!githubBoxFromLaterLine(markdown)) {
          expect(ours).toEqual(github);
          return;
        }
        // A box taken from a later line: the stricter reading, never ticked where GitHub draws it open.
        const textAndLinks = (items: typeof ours) => items.map(({ text, links }) => ({ text, links }));
        expect(textAndLinks(ours)).toEqual(textAndLinks(github));
        expect(ours.filter((item, at) => item.checked && github[at]?.checked !== true)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) },
    );
  });
});

describe('an item GitHub closes at a lazy line after a table', () => {
  // cmark-gfm makes a table of the item's first lines, ends the item at the lazy "Load" (no table
  // row is lazy), and reads the tab-indented task line after it as text of a new paragraph.
  it.each([
    ['- \v[ ] a\n  | --- |\nLoad\n\t- [x] b', 4],
    ['- [ ] a\n  | b |\n  | --- |\nLoad\n\t- [x] c', 5],
  ])('reads the boxes after it open, never ticked: %j', (markdown, line) => {
    const items = parseChecklist(markdown).items;
    expect(items.find((item) => item.line === line)?.checked).toBe(false);
    expect(unsafeBoxes(markdown, items)).toEqual([]);
    expect(knownDifference(markdown)).toBe(true);
  });
});
