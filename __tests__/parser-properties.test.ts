import fc from 'fast-check';
import { parseChecklist } from '../src/checklist/parse.js';
import {
  githubBoxFromLaterLine,
  githubCheckboxes,
  knownDifference,
  unsafeBoxes,
} from './helpers/github-render.js';

/** Pieces that task lists, and attempts to fake them, are made of. */
const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', '      ');
const container = fc.constantFrom('', '', '', '> ', '>', '- ', '1. ', '> > ');
// Ordered lists are numbered from 1 here, as in the checklists this test was written for.
const marker = fc.constantFrom('-', '*', '+', '1.', '1)', '');
// ASCII control and white-space characters: cmark-gfm's task rule takes "\v" and "\f" as white space.
const CONTROL = ['\v', '\f', '\r', '\u0000', '\u0001', '\b', '\u001b', '\u001f', '\u007f', '\u0085'];
const gap = fc.constantFrom(' ', ' ', '  ', '\t', '', '     ', ...CONTROL.map((char) => ` ${char}`));
const check = fc.constantFrom(
  '[ ]',
  '[x]',
  '[X]',
  '[\t]',
  '[х]',
  '[✓]',
  '[xx]',
  '[]',
  '［x］',
  '[\u200bx]',
  '\\[x]',
  '[ x]',
);
const after = fc.constantFrom(' ', ' ', '\t', '', '  ', ...CONTROL);
const content = fc.constantFrom(
  'item',
  '**bold** item',
  '`code`',
  'see https://x.org/a',
  '',
  '<!-- id: a -->',
  '| a |',
);
const taskLine = fc
  .tuple(indent, container, marker, gap, check, after, content)
  .map((parts) => parts.join(''));
const otherLine = fc.constantFrom(
  '',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<details>',
  '</details>',
  '# Heading',
  '|---|',
  '    code',
  'text',
  '***',
  // Lines of white space only, as wide as an item's content or not, and link reference definitions.
  '  ',
  '   ',
  '[a]: https://x.org/a',
);
const document = fc
  .array(fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 1, arbitrary: otherLine }), { maxLength: 12 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

/**
 * The same boxes as cmark-gfm, ticked alike; where cmark-gfm takes a box from a later line, the
 * stricter reading: the same boxes, and none ticked that GitHub draws open.
 */
function expectSameBoxes(ours: boolean[], github: boolean[], fromLaterLine: boolean): void {
  if (!fromLaterLine) {
    expect(ours).toEqual(github);
    return;
  }
  expect(ours).toHaveLength(github.length);
  expect(ours.map((ticked, at) => ticked && github[at] !== true)).not.toContain(true);
}

describe('the parser against GitHub on generated task lists', () => {
  it('ticks exactly the boxes cmark-gfm draws', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const items = parseChecklist(markdown).items;
        if (knownDifference(markdown)) {
          expect(unsafeBoxes(markdown, items)).toEqual([]);
          return;
        }
        expectSameBoxes(
          items.map((item) => item.checked),
          githubCheckboxes(markdown),
          githubBoxFromLaterLine(markdown),
        );
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });

  it('never throws on arbitrary text, and every line it reports exists', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (markdown) => {
        const lines = markdown.split(/\r\n|\r|\n/).length;
        for (const item of parseChecklist(markdown).items) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
