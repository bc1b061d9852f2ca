import { groupAhead } from '../src/read/merge-group.js';

const entries = (numbers: (number | null)[]) =>
  numbers.map((number, index) => ({ number, position: index + 1 }));

describe('the pull requests in a merge group', () => {
  it('are the named entry and every entry ahead of it, in any order the queue lists them', () => {
    expect(groupAhead(entries([7, 8, 9]), 3, 8, 'main')).toEqual([7, 8]);
    expect(groupAhead(entries([7, 8, 9]).reverse(), 3, 8, 'main').sort()).toEqual([7, 8]);
    expect(groupAhead(entries([8, 9]), 2, 8, 'main')).toEqual([8]);
  });

  it('cannot be told from part of a queue, an entry the token cannot see, or a queue without the entry', () => {
    expect(() => groupAhead(entries([7, 8]), 101, 8, 'main')).toThrow(
      'cannot find every pull request in merge group #8: the merge queue of main holds 101 entries and only 100 are read',
    );
    expect(() => groupAhead(entries([null, 8]), 2, 8, 'main')).toThrow(
      'the token cannot see every pull request queued ahead of it',
    );
    expect(() => groupAhead(entries([7]), 1, 8, 'main')).toThrow(
      '#8 is no longer in the merge queue of main',
    );
  });
});
