import { Parser, type Node } from 'commonmark';
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
