import { repositoryFromRemote, sweepCron } from '../src/cli/sweep-schedule.js';

describe('the sweep schedule init writes', () => {
  it('is the same for the same repository, whatever the case of its name', () => {
    expect(sweepCron('acme/shop')).toBe(sweepCron('acme/shop'));
    expect(sweepCron('Acme/Shop')).toBe(sweepCron('acme/shop'));
    expect(sweepCron('acme/shop')).toMatch(/^([0-9]|[1-5][0-9]) ([0-9]|1[0-9]|2[0-3]) \* \* \*$/);
  });

  it('spreads 200 repositories over the day instead of one minute', () => {
    const crons = Array.from({ length: 200 }, (_, index) => sweepCron(`acme/service-${index}`));
    const minutes = new Set(crons.map((cron) => cron.split(' ')[0]));
    const hours = new Set(crons.map((cron) => cron.split(' ')[1]));
    const slots = new Set(crons);
    expect(minutes.size).toBeGreaterThan(40);
    expect(hours.size).toBe(24);
    // Collisions are rare: at most a handful of the 200 share a minute of the day.
    expect(slots.size).toBeGreaterThan(180);
  });

  it('reads owner/name from the usual forms of a remote address', () => {
    for (const url of [
      'https://github.com/acme/shop.git',
      'https://github.com/acme/shop',
      'git@github.com:acme/shop.git',
      'ssh://git@github.example.com:2222/acme/shop.git',
      'https://user:token@github.com/acme/shop.git/',
      '/srv/git/acme/shop.git',
    ])
      expect([url, repositoryFromRemote(url)]).toEqual([url, 'acme/shop']);
    expect(repositoryFromRemote('shop')).toBeNull();
  });
});
