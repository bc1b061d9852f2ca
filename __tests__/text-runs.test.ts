import fc from 'fast-check';
import { parseChecklist } from '../src/checklist/parse.js';

/**
 * micromark merges adjacent runs of plain text in one pass (patches/micromark+4.0.3.patch): the
 * released version spliced each run out of the event list, quadratic in the number of runs, and
 * text full of brackets makes thousands of them. These tests hold the patched merge to the text
 * it must keep: brackets and words without link syntax come through exactly as written.
 */
const piece = fc.constantFrom('[', ']', '[x]', '[ ]', 'a', 'word', ' ', '  ', '-', '!', '[]', ']]', '[[');
const words = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('text made of many runs (brackets that open no link)', () => {
  it('keeps an item’s text exactly, whatever the brackets', () => {
    fc.assert(
      fc.property(words, (text) => {
        const { items } = parseChecklist(`- [x] ${text}\n- [ ] next`);
        expect(items.map((item) => [item.checked, item.text])).toEqual([
          [true, text.replace(/\s+/g, ' ').trim()],
          [false, 'next'],
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps all of a 65,536-character item of unclosed brackets', () => {
    const text = '[x] ['.repeat(13107);
    const { items } = parseChecklist(`- [x] ${text}`.slice(0, 65536));
    expect(items).toHaveLength(1);
    expect(items[0]?.text).toBe(`${text}`.slice(0, 65530).trim());
  });

  it('still reads links between the runs', () => {
    const { items } = parseChecklist(
      '- [x] [a] [b [c] Tests pass: [run](https://github.com/o/r/actions/runs/1) ] [',
    );
    expect(items[0]?.links).toEqual(['https://github.com/o/r/actions/runs/1']);
    expect(items[0]?.text).toBe('[a] [b [c] Tests pass: run ] [');
  });
});
