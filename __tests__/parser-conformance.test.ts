import { parseChecklist, UnreadableDescriptionError } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import {
  githubBoxes,
  githubBoxFromLaterLine,
  githubCheckboxes,
  githubFootnotes,
  githubItems,
  knownDifference,
} from './helpers/github-render.js';
import { CONTEXT, load } from './helpers/hardening-policy.js';

/**
 * Each case: a description and the boxes GitHub draws for it, in order (x ticked, o open).
 * Every case is also rendered with cmark-gfm, GitHub's renderer, to prove the expectation.
 */
const CASES: [name: string, markdown: string, boxes: string][] = [
  ['dash, ticked and open', '- [x] a\n- [ ] b', 'xo'],
  ['capital X ticks', '- [X] a', 'x'],
  ['star marker', '* [x] a\n* [ ] b', 'xo'],
  ['plus marker', '+ [ ] a', 'o'],
  ['ordered with dot', '1. [x] a\n2. [ ] b', 'xo'],
  ['ordered with parenthesis', '1) [ ] a\n2) [X] b', 'ox'],
  ['ordered starting at 7', '7. [x] a', 'x'],
  ['nested two levels', '- [ ] a\n  - [x] b\n    - [ ] c', 'oxo'],
  ['nested under a plain bullet', '- plain\n  - [x] child', 'x'],
  ['deep nesting', '- [ ] 1\n  - [ ] 2\n    - [ ] 3\n      - [ ] 4\n        - [x] 5', 'oooox'],
  ['CRLF line endings', '- [x] a\r\n- [ ] b\r\n', 'xo'],
  ['tab indentation of a nested item', '- [ ] a\n\t- [x] b', 'ox'],
  ['tab after the check', '- [x]\ta', 'x'],
  ['lazy continuation line', '- [ ] first\ncontinued lazily\n- [x] next', 'ox'],
  [
    'inside details separated by blank lines',
    '<details>\n<summary>More</summary>\n\n- [x] inside\n\n</details>',
    'x',
  ],
  ['inside details without blank lines is HTML', '<details>\n- [x] inside\n</details>', ''],
  ['in a block quote (cmark-gfm draws no box there)', '> - [x] quoted', ''],
  ['block quote inside a list item', '- [ ] a\n  > - [x] q', 'o'],
  ['two list markers on one line', '- - [x] a', ''],
  ['ordered marker inside a bullet on one line', '* 1. [x] a', ''],
  ['nested marker on one line under a task', '- [ ] a\n  - - [x] b', 'o'],
  ['indented three spaces', '   - [x] a', 'x'],
  ['tab between marker and check', '-\t[x] a', 'x'],
  ['loose list', '- [x] a\n\n- [ ] b', 'xo'],
  ['check followed by spaces only', '- [ ] ', 'o'],
  ['two spaces before the check', '-  [x] a', 'x'],
  ['fenced code with backticks', '```\n- [x] in code\n```', ''],
  ['fenced code with tildes', '~~~md\n- [ ] in code\n~~~', ''],
  ['unclosed fence swallows the rest', '```\n- [x] a\n- [ ] b', ''],
  ['indented code', '    - [x] code', ''],
  ['five spaces after the marker make code', '-     [x] code', ''],
  ['HTML comment', '<!--\n- [x] hidden\n-->', ''],
  ['one-line HTML comment then a task', '<!-- note -->\n- [x] shown', 'x'],
  ['HTML block', '<div>\n- [x] in html\n</div>', ''],
  ['table cell', '| item |\n|---|\n| - [x] a |', ''],
  ['table cell with a bare check', '| [x] a |\n|---|\n| [ ] b |', ''],
  ['no space after the check', '- [x]a', ''],
  ['empty ticked item', '- [x]', ''],
  ['empty item then another', '- [x]\n- [ ] b', 'o'],
  ['check then line ending', '- [x]\n  text below', ''],
  ['Cyrillic look-alike х', '- [х] a', ''],
  ['check mark ✓', '- [✓] a', ''],
  ['star inside', '- [*] a', ''],
  ['two x', '- [xx] a', ''],
  ['tab inside the brackets', '- [\t] a', ''],
  ['no-break space inside', '- [\u00a0] a', ''],
  ['full-width brackets', '- ［x］ a', ''],
  ['zero-width space inside', '- [\u200bx] a', ''],
  ['escaped bracket', '- \\[x] a', ''],
  ['check not at the start', '- done [x] a', ''],
  ['check in a heading inside an item', '- # [x] heading', ''],
  ['paragraph, not a list', '[x] not a list', ''],
  ['ordered list after indented code', '    code\n2) [ ] a\n3) [x] b', 'ox'],
  ['task after a heading', '## Testing\n- [x] a', 'x'],
  ['ordered list from 10 after indented code inside an item', '2)     [ ] code\n      10. [ ] item', 'o'],
  ['ordered list after indented code and a blank line', '    code\n\n2) [x] a', 'x'],
  ['link in the item', '- [x] see [run](https://github.com/o/r/actions/runs/1)', 'x'],
  ['vertical tab after the check', '- [ ]\va', 'o'],
  ['form feed after the check', '- [x]\fa', 'x'],
  ['vertical tab then the end of the line', '- [ ]\v\n- [x] b', 'ox'],
  ['vertical tab between marker and check', '- \v[ ] a', 'o'],
  ['carriage return alone after the check is a line end', '- [ ]\r', ''],
  ['other control characters after the check', '- [ ]\u0001a\n- [ ]\u001fa\n- [ ]\u007fa', ''],
  ['set-text heading as the first block', '- [x] a\n  ---', 'x'],
  ['a paragraph continuation "2. [ ]" leaves a ticked item ticked', '- [x] item\n  2. [ ] more', 'x'],
  ['a paragraph continuation "2. [x]" leaves an open item open', '- [ ] item\n  2. [x] more', 'o'],
  ['an item holding only its check, then a blank line and an indented item', '- [ ] \n\n\t- [ ] item', 'o'],
  ['an item holding only its check ends at a lazy line', '- [x] \nmore\n- [ ] b', 'xo'],
  ['a box in a comment left open by an HTML block is not shown', '</details>\n<!--\n\n- [x] Load', ''],
  [
    'a comment left open runs to the next "-->" in raw HTML',
    '<div>\n<!--\n\n- [x] hidden\n- [ ] hidden <!-- id: a -->\n- [x] shown',
    'x',
  ],
  ['"-->" in text does not close a comment', '<div>\n<!--\n\n- [x] a `-->`\n- [x] b --&gt;', ''],
  ['a comment left open inside an item hides the items after it', '- [x] a\n  <div><!--\n- [x] b', 'x'],
  [
    'an item holding only its check goes on through a blank line as wide as its content',
    '- [x] \n   \n    - [ ] item',
    'xo',
  ],
  ['an item holding only its check ends at a narrower blank line', '- [x] \n \n    - [ ] code', 'x'],
  [
    'an item holding only its check after link reference definitions keeps its box',
    '>\n[a]: /u\n* [ ] \t',
    'o',
  ], // Raw HTML as cmark-gfm (CommonMark 0.29, with GFM's tagfilter) reads it and the served page shows it.
  // A line holding only a tag, right after an item's text and not indented under it, starts an HTML
  // block in cmark-gfm (lazy line): the lines after it up to a blank line are raw HTML, not boxes.
  ['a line holding only <br> after an item', '- [ ] Tests\n<br>\n- [x] Sign-off', 'o'],
  [
    'a line holding only an image after an item',
    '- [ ] Tests\n<img src="shot.png" alt="x">\n- [x] Sign-off',
    'o',
  ],
  ['a line holding only a closing tag after an item', '- [ ] Tests\n</b>\n- [x] Sign-off', 'o'],
  ['a line holding only <span> after an item', '- [ ] Tests\n<span>\n- [x] Sign-off', 'o'],
  [
    'a line holding only a link tag after an item',
    '- [ ] Tests\n<a href="https://x.org/a">\n- [x] Sign-off',
    'o',
  ],
  ['a line holding only <sub> after an item', '- [ ] Tests\n<sub>\n- [x] Sign-off', 'o'],
  ['such a line ends at a blank line', '- [ ] Tests\n<br>\n- [x] hidden\n\n- [x] shown', 'ox'],
  ['such a line after a block quote', '> Tests\n<br>\n- [x] Sign-off', ''],
  ['such a line after a nested item', '- a\n  - [ ] Tests\n<br>\n- [x] Sign-off', 'o'],
  ['such a line in a block quote', '> - [ ] Tests\n<br>\n- [x] Sign-off', ''],
  ['a tag indented under the item continues its text', '- [ ] Tests\n  <br>\n- [x] Sign-off', 'ox'],
  ['a tag after a paragraph outside any item continues it', 'Tests\n<br>\n- [x] Sign-off', 'x'],
  // Comment-like text: raw HTML in CommonMark 0.31, escaped text in 0.29.
  ['"<!-->" in text opens no comment', 'x <!--> y\n- [x] a\n<b>-->', 'x'],
  ['"<!-->" in text hides nothing after it', 'Intro <!--> text\n\n- [x] a\n- [ ] b', 'xo'],
  ['"<!--->" in text opens no comment', 'x <!---> y\n- [x] a', 'x'],
  ['a comment holding "--" in text is text', 'x <!-- a -- b --> y\n- [x] a', 'x'],
  ['"<!x-->" in text is text', 'x <!x--> y\n- [x] a', 'x'],
  ['a lower-case declaration in text is text', 'x <!doctype x --> y\n- [x] a', 'x'],
  [
    '"<!-- a -- b -->" in text ends no comment left open',
    '<div>\n<!--\n\n- [x] a <!-- a -- b -->\n- [x] b',
    '',
  ],
  ['"<!-->" on its own line is an empty comment', '<!-->\n- [x] a', 'x'],
  ['"<!--->" on its own line is an empty comment', '<!--->\n\n- [x] a', 'x'],
  ['"--!>" ends a comment in the page served', '<div>\n<!-- x --!> y\n\n- [x] a', 'x'],
  [
    '"--!>" in later raw HTML ends a comment left open',
    '<div>\n<!--\n\n- [x] hidden\n\n<div>--!>\n\n- [x] shown',
    'x',
  ],
  // Tags the two versions take differently.
  ['<search> with text starts no HTML block', '<search> x\n- [x] a', 'x'],
  ['<source> with text starts an HTML block', '<source src=x> text\n- [x] a', ''],
  ['<textarea> is a tag of its own line, ended by a blank line', '<textarea>\n\n- [x] a\n</textarea>', 'x'],
  ['<textarea> with text ends at a blank line too', '<textarea> x\n\n- [x] a\n</textarea>', 'x'],
  ['</textarea> does not end a <pre> block', '<pre>\n</textarea>\n- [x] a\n</pre>\n- [ ] b', 'o'],
  ['a control character in an attribute value', '<b x=\u0001>\n- [x] a', ''],
  ['a no-break space after a tag name', '<b\u00a0x>\n- [x] a', 'x'],
  ['a no-break space after a block tag name', '<div\u00a0x\n- [x] a', 'x'],
  ['a no-break space after a tag', '<br>\u00a0\n- [x] a', 'x'],
  ['a lower-case declaration starts no HTML block', '<!doctype html\n- [x] a', 'x'],
  ['an upper-case declaration does', '<!DOCTYPE html\n- [x] a', ''],
  ['a byte-order mark before a comment', '\ufeff<!--\n\n- [x] a', ''],
  ['a byte-order mark before an item', '\ufeff- [x] a\n- [ ] b', 'o'],
  ['processing instructions and CDATA in text', 'x <?y?> <![CDATA[z]]>\n- [x] a', 'x'],
];

/** Where cmark-gfm's drawing and the item's own check disagree, the gate reads the stricter. */
const STRICTER: [name: string, markdown: string, github: string, gate: string][] = [
  ['"[x]" later on the first line', '- [ ] a [x]', 'x', 'o'],
  ['"[X]" later on the first line', '1. [ ] a [X]', 'x', 'o'],
  [
    'a lazy "- [x]" in a block quote ticks an open item',
    '- [ ] item\n   > - [ ] q\n      - [x] lazy',
    'x',
    'o',
  ],
  ['a lazy "- [ ]" in a block quote opens a ticked item', '- [x] item\n   > q\n      - [ ] lazy', 'o', 'o'],
];

describe('task items match what GitHub draws', () => {
  it('keeps an item unticked where cmark-gfm ticks it because of a later line', () => {
    const markdown = '- [ ] item\n   > - [ ] quoted\n      - [x] lazy';
    expect(githubCheckboxes(markdown)).toEqual([true]);
    expect(githubBoxFromLaterLine(markdown)).toBe(true);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.line])).toEqual([[false, 1]]);
  });

  it('counts an open box where cmark-gfm draws one from a later line beside an item without one', () => {
    const markdown = '- a\n  > b\n      - [ ] lazy';
    expect(githubCheckboxes(markdown)).toEqual([false]);
    expect(githubBoxFromLaterLine(markdown)).toBe(true);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.line, item.text])).toEqual([
      [false, 1, 'a'],
    ]);
  });

  it('draws no box from a lazy line not indented to the item around the quote', () => {
    const markdown = '   - [ ]item\n      > - [ ] item\n    - [ ] item';
    expect(githubCheckboxes(markdown)).toEqual([]);
    expect(parseChecklist(markdown).items).toEqual([]);
  });

  it('counts that box open even where the later line is ticked', () => {
    const markdown = '- Rollback plan tested\n  > b\n      - [x] lazy';
    expect(githubCheckboxes(markdown)).toEqual([true]);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.text])).toEqual([
      [false, 'Rollback plan tested'],
    ]);
  });

  it('reads a list from 10 after two markers on one line as cmark-gfm does', () => {
    const markdown = '- [ ] item\n   - 2) [ ] item\n      10. [ ] item';
    expect(knownDifference(markdown)).toBe(false);
    expect(githubCheckboxes(markdown)).toEqual([false, false]);
    expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual([false, false]);
  });

  it('records the known difference: an item holding only its check after a paragraph, a blank line, then indented lines', () => {
    const markdown = 'Steps:\n- [x] \n\n    - [x] Rollback plan tested';
    expect(knownDifference(markdown)).toBe(true);
    // GitHub: an empty ticked item, then indented code. The gate reads the box in the code, open.
    expect(githubCheckboxes(markdown)).toEqual([true]);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.line])).toEqual([
      [true, 2],
      [false, 4],
    ]);
  });

  it('tells ordinary documents apart from those quirks', () => {
    expect(knownDifference('- [x] a\n  - [ ] b\n1. [X] c\n2. [ ] d')).toBe(false);
    expect(githubBoxFromLaterLine('- [x] a\n  - [ ] b\n1. [X] c')).toBe(false);
  });

  it('has at least 40 conformance cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (_name, markdown, boxes) => {
    const expected = [...boxes].map((box) => box === 'x');
    expect(githubCheckboxes(markdown)).toEqual(expected);
    expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual(expected);
  });

  it.each(STRICTER)('the stricter reading: %s', (_name, markdown, github, gate) => {
    expect(githubCheckboxes(markdown)).toEqual([...github].map((box) => box === 'x'));
    expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual(
      [...gate].map((box) => box === 'x'),
    );
  });

  it.each([
    ['after a lazy line', '## R\n\n- [x] \r\nRollback plan tested <!-- id: rollback -->\n'],
    ['after a blank line and an indented line', '- [x] \n\n  Rollback plan tested'],
    ['after a paragraph line', 'Steps:\n- [x] \nRollback plan tested'],
  ])('an item holding only its check has no text %s', (_name, markdown) => {
    expect(githubItems(markdown).map((item) => item.text)).toEqual(['']);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.text, item.id])).toEqual([
      [true, '', null],
    ]);
  });

  it('an item holding only its check takes the indented next line as its text', () => {
    const markdown = '- [x] \n  Rollback plan tested https://x.org/r';
    expect(githubItems(markdown)).toEqual([
      { checked: true, text: 'Rollback plan tested https://x.org/r', links: ['https://x.org/r'] },
    ]);
    expect(parseChecklist(markdown).items.map((item) => [item.text, item.links])).toEqual([
      ['Rollback plan tested https://x.org/r', ['https://x.org/r']],
    ]);
  });

  it.each([
    ['struck through', '- [ ] ~~Load balancer configured~~', 'Load balancer configured', true],
    ['one tilde strikes too', '- [x] ~Load balancer configured~', 'Load balancer configured', true],
    ['struck through, then a link', '- [x] ~~Load test~~ https://x.org/r', 'Load test https://x.org/r', true],
    ['a word struck through', '- [ ] Load ~~balancer~~ configured', 'Load balancer configured', false],
    ['three tildes are text', '- [ ] ~~~Load~~~', '~~~Load~~~', false],
    ['unpaired tildes are text', '- [ ] ~~Load balancer', '~~Load balancer', false],
    ['openers of another length stay text', '- [ ] ~~a~ b~~', 'a~ b', true],
    ['tildes in a code span are text', '- [ ] `~~Load~~` balancer', '~~Load~~ balancer', false],
  ])('strikethrough: %s', (_name, markdown, text, struck) => {
    expect(githubItems(markdown).map((item) => item.text)).toEqual([text]);
    expect(parseChecklist(markdown).items.map((item) => [item.text, item.struck])).toEqual([[text, struck]]);
  });

  it.each([
    ['the first line as the header', '- [ ] Load | b\n  | --- | --- |\n  | c | d |', ''],
    ['a later line as the header', '- [ ] Load test\n  b | c\n  --- | ---', 'Load test'],
    ['cells that do not match make no table', '- [ ] Load | b\n  | --- |', 'Load | b | --- |'],
    ['a lazy delimiter row makes no table', '- [ ] Load\n| --- |', 'Load | --- |'],
  ])('a table in the first paragraph ends the text: %s', (_name, markdown, text) => {
    expect(githubItems(markdown).map((item) => item.text)).toEqual([text]);
    expect(parseChecklist(markdown).items.map((item) => item.text)).toEqual([text]);
  });

  it('reads the text after a vertical tab between marker and check as cmark-gfm does', () => {
    expect(parseChecklist('- \v[ ] a').items.map((item) => item.text)).toEqual(['] a']);
    expect(parseChecklist('- [x]\va b').items.map((item) => item.text)).toEqual(['a b']);
  });
});

const RUN = 'https://ci.acme.dev/runs/9';

/**
 * GFM's footnotes: "text[^1]" and a definition "[^1]: note". GitHub draws a reference as a
 * superscript number and moves the note to the bottom, outside every item; commonmark, which does
 * not know them, reads a definition as a link reference or as text.
 */
describe('raw HTML the page served reads further than Markdown', () => {
  it.each([
    ['single quotes', "- [x] a\n<div title='x\n\n- [x] b\n- [ ] c", 'x', 2],
    // The value ends at the next double quote, which cmark-gfm writes in the next box's own tag.
    ['double quotes', '<div title="x\n\n- [x] a\n- [ ] b', 'o', 1],
    ['on a later line of the block', "<div>\n<p title='x\n\n- [x] a", '', 2],
  ])('refuses a quoted attribute value left open (%s), naming the line', (_name, markdown, boxes, line) => {
    expect(githubCheckboxes(markdown)).toEqual([...boxes].map((box) => box === 'x'));
    expect(() => parseChecklist(markdown)).toThrow(UnreadableDescriptionError);
    expect(() => parseChecklist(markdown)).toThrow(
      new RegExp(
        `^line ${line} of the description opens a quoted attribute value in raw HTML and never closes it`,
      ),
    );
  });

  it('reads a quote closed in the tag, or in a comment, or disarmed by the tagfilter', () => {
    for (const markdown of [
      "<div title='x'\n\n- [x] a",
      "<!-- title='x -->\n\n- [x] a",
      "<textarea title='x\n\n- [x] a",
    ]) {
      expect(githubCheckboxes(markdown)).toEqual([true]);
      expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual([true]);
    }
  });
});

describe('footnotes as GitHub shows them', () => {
  it.each([
    ['a reference at the end', `- [x] Load test passed[^1]\n\n[^1]: ${RUN}`, 'Load test passed', []],
    ['a definition on the next line', `- [x] Load test passed[^1]\n[^1]: ${RUN}`, 'Load test passed', []],
    ['a reference inside the text', `- [x] Load[^1] test passed\n\n[^1]: see ${RUN}`, 'Load test passed', []],
    [
      'a definition inside the item, with a lazy line',
      `- [x] Load test passed[^1]\n\n  [^1]: ${RUN}\n  more https://x.org/m`,
      'Load test passed',
      [],
    ],
    [
      'a definition on a lazy line ends the item',
      `- [x] Load test passed[^1]\n[^1]: note\n\n  more https://x.org/m`,
      'Load test passed',
      [],
    ],
    [
      'a definition in indented lines',
      `- [x] Load test passed[^n]\n\n[^n]:\n    ${RUN}\n\n    more https://x.org/m`,
      'Load test passed',
      [],
    ],
    ['labels compare without case', `- [x] Load test passed[^Run]\n\n[^run]: ${RUN}`, 'Load test passed', []],
    [
      'a reference to no definition is text',
      '- [x] Load test passed[^2]\n\n[^1]: x',
      'Load test passed[^2]',
      [],
    ],
    [
      'a label cmark-gfm splits is text',
      `- [x] Load test passed[^a_b]\n\n[^a_b]: ${RUN}`,
      'Load test passed[^a_b]',
      [],
    ],
    [
      'evidence in the item counts',
      `- [x] Load test passed, see ${RUN} [^1]\n\n[^1]: note https://x.org/n`,
      `Load test passed, see ${RUN}`,
      [RUN],
    ],
  ])('%s', (_name, markdown, text, links) => {
    expect(githubItems(markdown)).toEqual([{ checked: true, text, links }]);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.text, item.links])).toEqual([
      [true, text, links],
    ]);
  });

  it('records a difference: a link literal takes a reference right after it into its address', () => {
    // cmark-gfm links the source up to white space; commonmark reads "[^1]" as a reference link
    // (the definition is a link reference to it) and the gate ends the address before it.
    const markdown = `- [x] Load test ${RUN}[^1]\n\n[^1]: x`;
    expect(githubItems(markdown)).toEqual([
      { checked: true, text: `Load test ${RUN}[^1]`, links: [`${RUN}[^1]`] },
    ]);
    expect(parseChecklist(markdown).items.map((item) => [item.text, item.links])).toEqual([
      [`Load test ${RUN}`, [RUN]],
    ]);
  });

  it('a reference at the end does not stop the item matching the policy', () => {
    const policy = load(['version: 1', 'items:', '  - text: Load test passed', ''].join('\n'));
    const markdown = `- [x] Load test passed[^1]\n\n[^1]: ${RUN}`;
    expect(evaluate(parseChecklist(markdown), policy, CONTEXT).items.map((item) => item.status)).toEqual([
      'ok',
    ]);
  });

  it('refuses a box inside a referenced note: GitHub draws it among the footnotes', () => {
    const markdown = '- [x] Load test passed[^1]\n\n[^1]: note\n    - [x] Rollback plan tested';
    expect(githubFootnotes(markdown)).toEqual({ shown: true, box: true });
    expect(() => parseChecklist(markdown)).toThrow(UnreadableDescriptionError);
    expect(() => parseChecklist(markdown)).toThrow(
      /^line 4 of the description holds a checkbox inside footnote \[\^1\]/,
    );
  });

  it.each([
    ['a note nobody references', '- [x] Load test passed\n\n[^1]: note\n    - [x] Rollback plan tested'],
    ["a box on the definition's own line", '- [x] Load test passed[^1]\n\n[^1]: - [x] Rollback plan tested'],
    [
      'a note referenced only from a note',
      '- [x] Load test passed\n\n[^1]: note[^1]\n    - [x] Rollback plan tested',
    ],
  ])('reads no box GitHub does not draw: %s', (_name, markdown) => {
    expect(githubFootnotes(markdown).box).toBe(false);
    expect(githubItems(markdown).map((item) => item.text)).toEqual(['Load test passed']);
    expect(parseChecklist(markdown).items.map((item) => [item.checked, item.text])).toEqual([
      [true, 'Load test passed'],
    ]);
  });

  it('reads open the boxes after a definition on a lazy line, where cmark-gfm nests otherwise', () => {
    const markdown = '- [ ] Load test passed[^1]\n[^1]: note\n  1. [ ] \n    - [X] Rollback plan tested';
    // GitHub: the note closes the item and its list; the empty item ends, and the last line is code.
    expect(githubBoxes(markdown).map((box) => [box.line, box.checked])).toEqual([
      [1, false],
      [3, false],
    ]);
    expect(parseChecklist(markdown).items.map((item) => [item.line, item.checked])).toEqual([
      [1, false],
      [3, false],
      [4, false],
    ]);
  });

  it.each([
    ['a footnote label', '- [ ] [^1]: https://x.org/r'],
    ['a link label', '- [x] [ci]: https://x.org/r'],
    ['with a title', '- [x] [ci]: https://x.org/r "CI"'],
  ])('a link reference definition right after the check shows as nothing: %s', (_name, markdown) => {
    // cmark-gfm takes the check off first, then reads the definition: no text, no link in the item.
    expect(githubItems(markdown).map((item) => [item.text, item.links])).toEqual([['', []]]);
    expect(parseChecklist(markdown).items.map((item) => [item.text, item.links])).toEqual([['', []]]);
  });

  it.each([
    ['a later item', '- [x] [ci]: https://x.org/r\n- [ ] Load test passed [ci]'],
    ['an earlier item', '- [ ] Load test passed [ci]\n- [x] [ci]: https://x.org/r'],
    [
      'the first definition of a label stands',
      '- [x] [ci]: https://x.org/r\n- [ ] Load test passed [ci]\n\n[ci]: https://x.org/other',
    ],
  ])('a link reference definition right after the check defines its label: %s', (_name, markdown) => {
    const load = (items: { text: string; links: string[] }[]) =>
      items.filter((item) => item.text !== '').map((item) => [item.text, item.links]);
    expect(load(githubItems(markdown))).toEqual([['Load test passed ci', ['https://x.org/r']]]);
    expect(load(parseChecklist(markdown).items)).toEqual([['Load test passed ci', ['https://x.org/r']]]);
  });

  it('a no-break space at the end of an item stays in its link, as cmark-gfm trims ASCII white space only', () => {
    const markdown = '- [x] Load test https://x.org/r\u00a0';
    expect(githubItems(markdown).map((item) => item.links)).toEqual([['https://x.org/r\u00a0']]);
    expect(parseChecklist(markdown).items.map((item) => item.links)).toEqual([['https://x.org/r\u00a0']]);
  });

  it('records a difference: lines after such a definition are left out of the item', () => {
    const markdown = '- [ ] [ci]: https://x.org/r\n  Load test passed https://x.org/m';
    expect(githubItems(markdown)).toEqual([
      { checked: false, text: 'Load test passed https://x.org/m', links: ['https://x.org/m'] },
    ]);
    // The stricter reading: the whole paragraph is left out, so the item reads empty and without links.
    expect(parseChecklist(markdown).items.map((item) => [item.text, item.links])).toEqual([['', []]]);
  });
});

describe('a table in an item ends the item at a lazy line, as on GitHub', () => {
  // cmark-gfm's table rows cannot be lazy: the line ends the item, and its links are not the item's
  // evidence. commonmark, which has no tables, would keep the line in the item's paragraph.
  it.each([
    [
      'after the delimiter row',
      '- [x] Load test\n  a | b\n  --- | ---\nlazy https://ci.acme.dev/runs/1\n',
      [],
    ],
    [
      'after a row, whose link stays',
      '- [x] Load test | a\n  --- | ---\n  x https://ci.acme.dev/runs/0 | y\nlazy https://ci.acme.dev/runs/1\n  more https://ci.acme.dev/runs/2\n',
      ['https://ci.acme.dev/runs/0'],
    ],
    [
      'with a block after it',
      '- [x] Load test\n  a | b\n  --- | ---\nlazy\n\n  https://ci.acme.dev/runs/3\n',
      [],
    ],
    [
      'no lazy line: every row is the item’s',
      '- [x] Load test\n  a | b\n  --- | ---\n  https://ci.acme.dev/runs/4 | c\n',
      ['https://ci.acme.dev/runs/4'],
    ],
  ])('%s', (_name, markdown, links) => {
    expect(githubItems(markdown).map((item) => item.links)).toEqual([links]);
    expect(parseChecklist(markdown).items.map((item) => item.links)).toEqual([links]);
  });

  it.each([
    ['after a text line', '- Load test\n  | --- |\nlazy\n    - [x] Deployed\n'],
    ['after a footnote reference', '- Load test\n  | --- |\n[^1]\n    - [x] Deployed\n'],
  ])(
    'an item without a box ends there too: a box after it is text on GitHub, read open (%s)',
    (_name, markdown) => {
      expect(githubItems(markdown)).toEqual([]);
      expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual([false]);
    },
  );
});

describe('recorded differences around tables and link reference definitions', () => {
  // README "How the checkboxes are read", difference 3. Both readings are asserted, so each fails
  // when either changes.
  it('a list numbered 10 after a table that interrupts a paragraph: GitHub draws a box the gate misses', () => {
    const markdown = 'more\n|---|\n10. [ ] x\n';
    expect(githubCheckboxes(markdown)).toEqual([false]);
    expect(parseChecklist(markdown).items).toEqual([]);
  });

  // cmark-gfm keeps "---" after link reference definitions as paragraph text, and what follows up
  // to a blank line with it; commonmark draws a thematic break. The gate reads boxes there open.
  it.each([
    [
      'a list numbered 10: GitHub draws no box, the gate an open one',
      '[a]: /u\n---\n10. [x] y\n',
      [],
      [false],
    ],
    ['an item holding only its check', '[a]: /u\n---\n10. [x] \n', [], [false]],
    [
      'a list numbered 1, which interrupts the paragraph: ticked on GitHub, open in the gate',
      '[a]: /u\n---\n1. [x] y\n',
      [true],
      [false],
    ],
    ['after a blank line, as GitHub reads it', '[a]: /u\n---\n10. [x] y\n\n- [x] z\n', [true], [false, true]],
    ['in a list item', '- [a]: /u\n  ---\n  10. [x] y\n', [], [false]],
    [
      'with a check read again on a lazy quoted line',
      '[a]: /u\n---\n10. [x] item\n     > q\n        - [x] lazy',
      [],
      [false],
    ],
  ])('%s', (_name, markdown, github, gate) => {
    expect(githubCheckboxes(markdown)).toEqual(github);
    expect(parseChecklist(markdown).items.map((item) => item.checked)).toEqual(gate);
  });
});
