// The footnote modules' own rules, one by one: where a definition starts, which labels are
// referenced where GitHub shows them, what a reference leaves of a text, and what footnotes()
// reports of a parsed description (its notes' nodes, the items read open, a box among the notes).
import type { Node } from 'commonmark';
import { definitionOn } from '../src/checklist/footnote-definitions.js';
import { foldLabel, referencedLabels, withoutReferences } from '../src/checklist/footnote-references.js';
import { footnotes, NO_FOOTNOTES } from '../src/checklist/footnotes.js';
import { gfmParser } from '../src/checklist/gfm-parser.js';

/** footnotes() of a description, with nothing hidden by comments. */
function notesOf(markdown: string) {
  const tree = gfmParser().parse(markdown);
  const lines = markdown.split('\n');
  return { tree, notes: footnotes(tree, markdown, (n) => lines[n - 1] ?? '', lines.length, new Set()) };
}

/** The task items' first lines, in the tree's order. */
function items(tree: Node): Node[] {
  const found: Node[] = [];
  const walker = tree.walker();
  for (let event = walker.next(); event !== null; event = walker.next())
    if (event.entering && event.node.type === 'item') found.push(event.node);
  return found;
}

describe('where a footnote definition starts', () => {
  it.each([
    ['[^1]: note', { label: '1', at: 0 }],
    ['> [^run]: https://x.org', { label: 'run', at: 2 }],
    ['- [^a]: in an item', { label: 'a', at: 2 }],
  ])('%s', (line, found) => {
    expect(definitionOn(line)).toEqual(found);
  });

  it.each([
    ['text before [^1]: note'],
    ['[^1] without a colon'],
    ['[^a b]: a label with a space'],
    ['[^]: an empty label'],
  ])('not: %s', (line) => {
    expect(definitionOn(line)).toBeNull();
  });
});

describe('references', () => {
  it('compare labels without case', () => {
    expect(foldLabel('Run')).toBe(foldLabel('run'));
  });

  it('are taken out of a text only where a note is defined, and never where cmark-gfm splits the label', () => {
    const labels = new Set(['1', 'run']);
    expect(withoutReferences('Load[^1] test passed[^Run]', labels)).toEqual(['Load', ' test passed', '']);
    expect(withoutReferences('Load test[^2]', labels)).toEqual(['Load test[^2]']);
    expect(withoutReferences('Load test[^1 2]', new Set(['1 2']))).toEqual(['Load test[^1 2]']);
    expect(withoutReferences('no notes [^1]', new Set())).toEqual(['no notes [^1]']);
  });

  it('count only where GitHub shows them: not in code, nor where the walk is told they are unseen', () => {
    const tree = gfmParser().parse('See[^a] and `[^b]`\n\n```\n[^c]\n```\n');
    expect([...referencedLabels(tree, () => false)]).toEqual(['a']);
    expect([...referencedLabels(tree, (node) => node.type === 'paragraph')]).toEqual([]);
  });
});

describe("a description's footnotes", () => {
  it('a description without "[^" has none, and its parse is not walked', () => {
    expect(notesOf('- [x] Load test passed\n').notes).toBe(NO_FOOTNOTES);
  });

  it("a definition's label is known folded; its nodes, where commonmark keeps them as text, are in no item", () => {
    // commonmark takes "[^Run]: https://x.org/run" out as a link reference definition: no nodes.
    expect([...notesOf('- [x] Load test passed[^Run]\n\n[^Run]: https://x.org/run\n').notes.labels]).toEqual([
      'run',
    ]);
    const { notes } = notesOf('- [x] Load test passed[^Run]\n\n[^Run]: see the run\n');
    expect([...notes.labels]).toEqual(['run']);
    expect(notes.nodes.size).toBeGreaterThan(0);
    expect(notes.boxInNote).toBeNull();
  });

  it('a task line inside a referenced note is the box GitHub draws among the notes', () => {
    const { notes } = notesOf('- [x] Load test passed[^1]\n\n[^1]: note\n    - [x] Rollback plan tested');
    expect(notes.boxInNote).toEqual({ line: 4, label: '1' });
  });

  it('the same line in a note nobody references is no box', () => {
    const { notes } = notesOf('- [x] Load test passed\n\n[^1]: note\n    - [x] Rollback plan tested');
    expect(notes.boxInNote).toBeNull();
  });

  it('items after a definition on a lazy line of an item are read open; the item before it is not', () => {
    const { tree, notes } = notesOf('- [ ] Load test passed[^1]\n[^1]: note\n  1. [ ] \n    - [X] Rollback');
    const [first, ...after] = items(tree);
    expect(first && notes.readsOpen(first)).toBe(false);
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((item) => notes.readsOpen(item))).toBe(true);
  });
});
