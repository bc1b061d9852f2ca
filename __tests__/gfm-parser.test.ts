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

/** Pieces of text that make commonmark's inline parser work: brackets, delimiters, code, escapes, entities, blocks. */
const MARKDOWN_PIECES = [
  ...['[', ']', '![', '!', '[^1]', '[x]', 'a', ' ', '  ', '\n', '\n\n', '*', '_', '**', '`', '``'],
  ...['\\', '\\[', '&amp;', '&', '(', ')', '(/u)', '"', "'", '~', 'www.x.org', '- ', '> ', '# ', '    ', 'é'],
];

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
    ['"<!-->" in text is text', 'a <!--> b', ['paragraph', 'text'], null],
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
  /** How many steps the inline parser takes to read `markdown`: one for each opener commonmark reads. */
  function steps(parser: Parser, markdown: string): number {
    const inline = (parser as unknown as { inlineParser: { parseInline: (block: Node) => boolean } })
      .inlineParser;
    const step = inline.parseInline;
    let count = 0;
    inline.parseInline = function (this: unknown, block: Node) {
      count++;
      return step.call(this, block);
    };
    parser.parse(markdown);
    return count;
  }
  const bracketStack = (parser: Parser) =>
    (parser as unknown as { inlineParser: { brackets: unknown } }).inlineParser.brackets;

  it.each([
    ['a run of "["', `- [x] a ${'['.repeat(50)}`],
    ['a run of "[^"', `- [x] a ${'[^'.repeat(50)}`],
    ['a run of "<?"', `- [x] a ${'<?'.repeat(50)}`],
    ['a run of "<![CDATA["', `a ${'<![CDATA['.repeat(20)}`],
  ])('%s is read in a few steps, not one for each opener', (_name, markdown) => {
    expect(page(gfmParser(), markdown)).toBe(page(withCommonmarkOpeners(), markdown));
    expect(steps(gfmParser(), markdown)).toBeLessThanOrEqual(8);
    expect(steps(withCommonmarkOpeners(), markdown)).toBeGreaterThan(40);
  });

  it('leaves nothing on the bracket stack for brackets past the last "]"', () => {
    const markdown = '- [x] [a](/u) [[[[';
    const ours = gfmParser();
    ours.parse(markdown);
    expect(bracketStack(ours)).toBeNull();
    const theirs = withCommonmarkOpeners();
    theirs.parse(markdown);
    expect(bracketStack(theirs)).not.toBeNull();
  });

  // Markdown's own pieces, and raw HTML, autolinks, a definition after a check.
  const piece = fc.constantFrom(
    ...MARKDOWN_PIECES,
    ...['<', '>', '<a>', '<!--', '-->', '<?', '?>', '<http://x.org>', '<a@b.co>', '[ ] ', '[x]: /u\n', '|'],
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

/** joined-text.ts joins a block's adjacent text nodes as soon as its inline content is read. */
describe('adjacent text, joined', () => {
  const textAfterText = (tree: Node) => {
    const walker = tree.walker();
    for (let event = walker.next(); event !== null; event = walker.next())
      if (event.entering && event.node.type === 'text' && event.node.next?.type === 'text') return true;
    return false;
  };

  it('reads "[x] Step *done* [b" as text, emphasis, text', () => {
    const tree = gfmParser().parse('- [x] Step *done* [b');
    expect(types(tree)).toEqual(['list', 'item', 'paragraph', 'text', 'emph', 'text', 'text']);
    expect(tree.firstChild?.firstChild?.firstChild?.firstChild?.literal).toBe('[x] Step ');
    const commonmarkTexts = types(new Parser().parse('- [x] Step *done* [b')).filter(
      (type) => type === 'text',
    );
    expect(commonmarkTexts).toHaveLength(8);
  });

  // Without raw HTML, definitions after a check and Unicode spaces, commonmark alone reads as cmark-gfm does.
  const piece = fc.constantFrom(...MARKDOWN_PIECES);
  it('leaves no text node beside another, and the page commonmark’s own', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        const tree = gfmParser().parse(markdown);
        expect(textAfterText(tree)).toBe(false);
        expect(new HtmlRenderer().render(tree)).toBe(new HtmlRenderer().render(new Parser().parse(markdown)));
      }),
      { numRuns: 2000 },
    );
  });
});
