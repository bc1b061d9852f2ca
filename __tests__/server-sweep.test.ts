import { jest } from '@jest/globals';
import { startPeriodicSweep } from '../src/server/periodic-sweep.js';

const HOUR = 60 * 60_000;
const MINUTES = 60;
const log = { info: () => undefined, warning: () => undefined, error: () => undefined };

afterEach(() => {
  jest.useRealTimers();
});

describe('the periodic sweep', () => {
  it('starts one interval after start and spreads the repositories over the interval', async () => {
    jest.useFakeTimers();
    const swept: [string, number][] = [];
    const started = Date.now();
    const sweeps = startPeriodicSweep(
      {
        installations: async () => [
          {
            id: 1,
            repositories: [
              { owner: 'acme', repo: 'a' },
              { owner: 'acme', repo: 'b' },
            ],
          },
          {
            id: 2,
            repositories: [
              { owner: 'beta', repo: 'c' },
              { owner: 'beta', repo: 'd' },
            ],
          },
        ],
        sweep: async (installation, repository) => {
          // In minutes: a timer of 0 ms fires a millisecond later.
          swept.push([`${installation}:${repository.repo}`, Math.floor((Date.now() - started) / 60_000)]);
        },
      },
      4 * HOUR,
      log,
    );
    await jest.advanceTimersByTimeAsync(4 * HOUR - 1);
    expect(swept).toEqual([]);
    await jest.advanceTimersByTimeAsync(4 * HOUR);
    expect(swept).toEqual([
      ['1:a', 4 * MINUTES],
      ['1:b', 5 * MINUTES],
      ['2:c', 6 * MINUTES],
      ['2:d', 7 * MINUTES],
    ]);
    // The next round follows one interval after the first.
    await jest.advanceTimersByTimeAsync(HOUR);
    expect(swept.at(-1)).toEqual(['1:a', 8 * MINUTES]);
    sweeps.stop();
    await jest.advanceTimersByTimeAsync(8 * HOUR);
    expect(swept).toHaveLength(5);
  });

  it('does nothing with an interval of 0', async () => {
    jest.useFakeTimers();
    let listed = 0;
    startPeriodicSweep(
      {
        installations: async () => {
          listed++;
          return [];
        },
        sweep: async () => undefined,
      },
      0,
      log,
    );
    await jest.advanceTimersByTimeAsync(100 * HOUR);
    expect(listed).toBe(0);
  });
});
