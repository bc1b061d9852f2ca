import fc from 'fast-check';
import { parseChecklist, UnreadableDescriptionError } from '../src/checklist/parse.js';
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
/**
 * Raw HTML where CommonMark 0.31 (commonmark) and 0.29 (cmark-gfm) differ, or where the page
 * served reads it further than Markdown: comment-like text, declarations, control characters and
 * no-break spaces in tags, tags only one of them takes as block starts, tags GFM's tagfilter
 * disarms, comments ended by "--!>", and quoted attribute values left open.
 */
const INLINE_HTML = [
  '<!-->',
  '<!--->',
  '<!-- a -- b -->',
  '<!x-->',
  '<!doctype x -->',
  '<!DOCTYPE x>',
  '<b x=\u0001>',
  '<b\u00a0x>',
  '<?x?>',
  '<![CDATA[x]]>',
  '-->',
  '--!>',
  '<b>',
];
const HTML_LINES = [
  '<br>',
  '<img src=x.png>',
  '</b>',
  '<span>',
  '<a href="x">',
  '<sub>',
  '<br>\u00a0',
  '<div\u00a0',
  '<!-->',
  '<!--->',
  '<!-- x --!>',
  '<search>',
  '<search> x',
  '<source> x',
  '<textarea>',
  '</textarea>',
  '<pre>',
  '</pre>',
  '<!doctype html>',
  '<!DOCTYPE html>',
  '<b x=\u0001>',
  "<div title='x",
  '<div title="x',
  '<?x',
  '?>',
];
const content = fc.constantFrom(
  'item',
  '**bold** item',
  '`code`',
  'see https://x.org/a',
  '',
  '<!-- id: a -->',
  '| a |',
  ...INLINE_HTML,
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
  ...HTML_LINES,
  ...INLINE_HTML.map((html) => `text ${html} text`),
);
const document = fc
  .array(fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 1, arbitrary: otherLine }), { maxLength: 12 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)))
  // A byte-order mark, which cmark-gfm steps over before it reads blocks, sometimes starts it.
  .chain((text) => fc.constantFrom('', '', '', '\ufeff').map((mark) => mark + text));

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

/**
 * The items read, or null where the parser refuses a quoted attribute value left open in raw HTML
 * (the page served reads the rest as that value, up to a quote GitHub's own markup may hold).
 */
function readOrRefuse(markdown: string) {
  try {
    return parseChecklist(markdown).items;
  } catch (error) {
    if (
      !(error instanceof UnreadableDescriptionError) ||
      !/opens a quoted attribute value/.test(error.message)
    )
      throw error;
    expect(markdown).toMatch(/title=['"]x/);
    return null;
  }
}

describe('the parser against GitHub on generated task lists', () => {
  it('ticks exactly the boxes cmark-gfm draws', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const items = readOrRefuse(markdown);
        if (items === null) return;
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
