import { clientOptions } from '../src/github/client.js';

// The server's clients share a limit on requests in flight, given to the throttling plugin in
// place of its own group of 10; the action's clients keep the plugin's.

type Limiter = { schedule: (options: unknown, job: () => Promise<void>) => Promise<void> };
type Group = { key: (id: string) => Limiter };

describe('the limit on requests in flight', () => {
  it('holds at most maxConcurrent requests at once, the rest in order of arrival', async () => {
    const throttle = clientOptions({ retryBaseMs: 1, warn: () => undefined, maxConcurrent: 3 })
      .throttle as unknown as { global: Group };
    const limiter = throttle.global.key('no-id');
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const request = (index: number) => async () => {
      started.push(index);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 10 }, (_, index) => limiter.schedule({}, request(index))));
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is not set for the action', () => {
    expect(clientOptions({ retryBaseMs: 1, warn: () => undefined }).throttle).not.toHaveProperty('global');
  });
});
