import fc from 'fast-check';
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { gfmParser } from '../src/checklist/gfm-parser.js';

/** Block and inline node types, in document order. */
function types(tree: Node): string[] {
  const walker = tree.walker();
  const found: string[] = [];
  for (let event = walker.next(); event !== null; event = walker.next())
    if (event.entering && event.node.type !== 'document') found.push(event.node.type);
  return found;
}

/**
 * gfm-parser.ts replaces commonmark's HTML block start and raw inline HTML on its parser object.
 * These tests fail if commonmark (pinned) moves those fields: each shape reads otherwise there.
 */
describe('commonmark set to read raw HTML as cmark-gfm does', () => {
  it.each([
    [
      'a tag on a lazy line starts an HTML block',
      '- a\n<br>\n- b',
      ['list', 'item', 'paragraph', 'text'],
      'html_block',
    ],
    ['"<!-->" in text is text', 'a <!--> b', ['paragraph', 'text', 'text', 'text'], null],
    [
      '"<textarea>" starts no block of the first kind',
      '<textarea>\n\nb',
      ['html_block', 'paragraph', 'text'],
      null,
    ],
  ])('%s', (_name, markdown, start, last) => {
    const read = types(gfmParser().parse(markdown));
    expect(read.slice(0, start.length)).toEqual(start);
    if (last !== null) expect(read.at(-1)).toBe(last);
    // commonmark on its own reads each otherwise.
    expect(types(new Parser().parse(markdown))).not.toEqual(read);
  });

  it('leaves commonmark itself as it was', () => {
    gfmParser();
    expect(types(new Parser().parse('a <!--> b'))).toEqual(['paragraph', 'text', 'html_inline', 'text']);
  });
});

/**
 * unclosable-openers.ts reads "[", "![" and "<" that nothing after them can close as one run of
 * text. These hold the page rendered from it to be the one commonmark's own readers give.
 */
describe('openers nothing can close, read as one run of text', () => {
  /** A parser set as gfmParser sets it, but with commonmark's own readers of "[", "!" and "<". */
  function withCommonmarkOpeners(): Parser {
    const parser = gfmParser();
    const own = (new Parser() as unknown as { inlineParser: Record<string, unknown> }).inlineParser;
    const inline = (parser as unknown as { inlineParser: Record<string, unknown> }).inlineParser;
    for (const read of ['parseOpenBracket', 'parseBang', 'parseAutolink']) inline[read] = own[read];
    return parser;
  }
  const page = (parser: Parser, markdown: string) => new HtmlRenderer().render(parser.parse(markdown));
  const textNodes = (tree: Node) => types(tree).filter((type) => type === 'text').length;

  it.each([
    ['a run of "["', `- [x] a ${'['.repeat(50)}`],
    ['a run of "[^"', `- [x] a ${'[^'.repeat(50)}`],
    ['a run of "<?"', `- [x] a ${'<?'.repeat(50)}`],
    ['a run of "<![CDATA["', `a ${'<![CDATA['.repeat(20)}`],
  ])('%s is a few text nodes, not one for each opener', (_name, markdown) => {
    expect(page(gfmParser(), markdown)).toBe(page(withCommonmarkOpeners(), markdown));
    expect(textNodes(gfmParser().parse(markdown))).toBeLessThanOrEqual(5);
    expect(textNodes(withCommonmarkOpeners().parse(markdown))).toBeGreaterThan(40);
  });

  const piece = fc.constantFrom(
    '[',
    ']',
    '![',
    '!',
    '<',
    '>',
    '[^1]',
    '[x]',
    '[ ] ',
    'a',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '*',
    '_',
    '**',
    '`',
    '``',
    '\\',
    '\\[',
    '&amp;',
    '&',
    '(',
    ')',
    '(/u)',
    '"',
    "'",
    '~',
    'www.x.org',
    '<a>',
    '<!--',
    '-->',
    '<?',
    '?>',
    '<http://x.org>',
    '<a@b.co>',
    '[x]: /u\n',
    '- ',
    '> ',
    '#',
    '    ',
    '|',
    'é',
  );
  it('renders the same page as commonmark’s own readers, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        expect(page(gfmParser(), markdown)).toBe(page(withCommonmarkOpeners(), markdown));
      }),
      { numRuns: 3000 },
    );
  });
});
