import { deliveryWork } from '../src/server/delivery-targets.js';
import { KeyQueue } from '../src/server/key-queue.js';
import { RecentDeliveries } from '../src/server/recent-deliveries.js';
import { pullRequestEvent, webhook } from './helpers/payloads.js';

describe('the per-key queue', () => {
  it('runs the jobs of one key one after another, and other keys beside them', async () => {
    const queue = new KeyQueue();
    const order: string[] = [];
    const job = (name: string, ms: number) => () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          order.push(name);
          resolve(name);
        }, ms),
      );
    const jobs = [
      queue.run('a#1', job('a1-slow', 60)),
      queue.run('a#1', job('a1-fast', 1)),
      queue.run('b#2', job('b2', 10)),
    ];
    expect(queue.size).toBe(2);
    expect(await Promise.all(jobs)).toEqual(['a1-slow', 'a1-fast', 'b2']);
    expect(order).toEqual(['b2', 'a1-slow', 'a1-fast']);
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it('lets the newest waiting job of a kind stand for those it replaces', async () => {
    const queue = new KeyQueue();
    const ran: string[] = [];
    const job = (name: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ran.push(name);
      return name;
    };
    const first = queue.runLatest('pr#1', 'pr#1 edited', job('first'));
    // Started: a job that runs is never replaced.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const results = await Promise.all([
      first,
      queue.runLatest('pr#1', 'pr#1 edited', job('second')),
      queue.runLatest('pr#1', 'pr#1 review', job('review')),
      queue.runLatest('pr#1', 'pr#1 edited', job('third')),
    ]);
    // The second waited and was replaced by the third.
    expect(ran).toEqual(['first', 'third', 'review']);
    expect(results).toEqual(['first', 'third', 'review', 'third']);
  });

  it('runs at most so many jobs at once, whatever their keys', async () => {
    const queue = new KeyQueue(2);
    let running = 0;
    let most = 0;
    const job = async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => queue.run(key, job)));
    expect(most).toBe(2);
  });

  it('goes on after a job that fails', async () => {
    const queue = new KeyQueue();
    const failing = queue.run('k', () => Promise.reject(new Error('boom')));
    const next = queue.run('k', () => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});

describe('the memory of recent deliveries', () => {
  it('knows an id it has seen, forgets the oldest past its capacity, and forgets on request', () => {
    const recent = new RecentDeliveries(2);
    expect(recent.add('a')).toBe(true);
    expect(recent.add('a')).toBe(false);
    recent.add('b');
    recent.add('c');
    expect(recent.add('a')).toBe(true);
    recent.forget('a');
    expect(recent.add('a')).toBe(true);
  });
});

describe('what a delivery asks for', () => {
  const installed = (payload: Record<string, any>) => ({ ...payload, installation: { id: 9 } });

  it('keys the events of one pull request together', () => {
    expect(deliveryWork('pull_request', installed(pullRequestEvent('edited', 'x')))).toEqual({
      kind: 'event',
      installationId: 9,
      repository: { owner: 'Codertocat', repo: 'Hello-World' },
      key: 'codertocat/hello-world#2',
    });
    expect(deliveryWork('push', installed(webhook('push')))).toMatchObject({ key: 'codertocat/hello-world' });
    // A merge may owe the follow-up issue of an emergency release.
    expect(deliveryWork('pull_request', installed(webhook('pull_request', 'closed')))).toMatchObject({
      kind: 'event',
      key: 'codertocat/hello-world#2',
    });
  });

  it('ignores what cannot change a verdict, and a delivery without installation', () => {
    expect(deliveryWork('star', installed(webhook('star', 'created')))).toMatchObject({ kind: 'ignored' });
    expect(deliveryWork('pull_request', installed(webhook('pull_request', 'assigned')))).toEqual({
      kind: 'ignored',
      why: 'pull_request.assigned cannot change a verdict',
    });
    const bare = pullRequestEvent('edited', 'x');
    delete bare['installation'];
    expect(deliveryWork('pull_request', bare)).toMatchObject({ kind: 'ignored' });
  });

  it('sweeps the repositories an installation adds', () => {
    expect(
      deliveryWork('installation_repositories', webhook('installation_repositories', 'added')),
    ).toMatchObject({
      kind: 'sweep',
      repositories: [{ owner: 'Codertocat', repo: 'Space' }],
    });
    expect(
      deliveryWork('installation_repositories', webhook('installation_repositories', 'removed')),
    ).toMatchObject({ kind: 'ignored' });
  });
});
