import { rewrittenText } from '../src/checklist/empty-checks.js';
import { lineStarts } from '../src/checklist/lines.js';
import { parseChecklist } from '../src/checklist/parse.js';
import { predictedRewrites } from '../src/checklist/rewrite-guess.js';
import { githubCheckboxes } from './helpers/github-render.js';

/**
 * The rewrites guessed from the lines before any parse (see rewrite-guess.ts). A wrong guess costs
 * a second reading, never a wrong box; these cases pin the guess where it is meant to be right.
 */
const GUESSES: [name: string, markdown: string, rewrites: Record<number, string>][] = [
  ['before a blank line: blanked', '- [x] \n\n  - [ ] item', { 1: '   ' }],
  [
    'after a paragraph line, before a blank line: a thematic break, read open after',
    'text\n- [x] \n\n  - [ ] item',
    { 2: '___ open after' },
  ],
  ['before a lazy line: a thematic break', '- [x] \nmore', { 1: '___' }],
  ['a sibling after an item with text: blanked', '- a\n- [x] \n', { 2: '   ' }],
  ['nested right after an item with text: a thematic break', '- a\n  - [x] \n', { 2: '___ open after' }],
  ['a sibling after a lazy line: blanked', '- a\nmore\n- [x] \n', { 3: '   ' }],
  ['after a heading: blanked', '# H\n- [x] \n', { 2: '   ' }],
  [
    'before a blank line as wide as the content: a thematic break',
    '- [x] \n   \n    - [ ] item',
    { 1: '___' },
  ],
  ['after link reference definitions: a thematic break', '[a]: /u\n- [ ] ', { 2: '___ open after' }],
  ['CRLF', '- [x] \r\nmore\r\n', { 1: '___' }],
  ['in a fence: none', '```\n- [x] \n```', {}],
  ['in an HTML comment: none', '<!--\n- [x] \n-->', {}],
  ['in an HTML block: none', '<div>\n- [x] \n</div>', {}],
  ['indented code: none', '    - [x] ', {}],
  ['a later number cannot interrupt a paragraph: none', 'text\n2. [x] \n', {}],
  ['text after the check: none', '- [x] a', {}],
];

function described(markdown: string): Record<number, string> {
  const described: Record<number, string> = {};
  for (const [line, rewrite] of predictedRewrites(markdown, lineStarts(markdown)))
    described[line] = rewrite.text + (rewrite.openAfter ? ' open after' : '');
  return described;
}

describe('rewrites of items holding only their check, guessed from the lines', () => {
  it.each(GUESSES)('%s', (_name, markdown, rewrites) => {
    expect(described(markdown)).toEqual(rewrites);
    // The guess stands: the parser reads the boxes GitHub draws.
    expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual(githubCheckboxes(markdown));
  });

  it('writes each rewrite over its check, keeping the length', () => {
    // "more" is a paragraph of its own (the item before holds nothing): the next item starts a list after it.
    const markdown = '- [x] \nmore\n- [ ] \n\n- [x] \n';
    const text = rewrittenText(markdown, predictedRewrites(markdown, lineStarts(markdown)));
    expect(text).toBe('- ___ \nmore\n- ___ \n\n-     \n');
    expect(text).toHaveLength(markdown.length);
  });
});
