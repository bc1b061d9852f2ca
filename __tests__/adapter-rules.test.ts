import { isGateAuthor } from '../src/read/identity.js';
import { compareStamp, settleWithFresh } from '../src/gate/newest-facts.js';
import { factsStamp } from '../src/read/facts-stamp.js';
import { strictest } from '../src/gate/shared-commit.js';
import type { PullRequest } from '../src/github/pull-requests.js';
import { pullRequest } from './helpers/pull-request.js';

const pull = (overrides: Partial<PullRequest> = {}) => pullRequest({ author: 'Codertocat', ...overrides });
const stampOf = (read: { evaluated: string; facts: string }) => ({
  ...read,
  state: 'success' as const,
  description: 'done',
});

describe('whose facts are newest', () => {
  const mine = factsStamp(pull(), null);

  it('tells apart two edits in the same second, a label, a head commit and approvers', () => {
    for (const other of [
      factsStamp(pull({ body: '- [x] a\n' }), null),
      factsStamp(pull({ labels: ['database'] }), null),
      factsStamp(pull({ headSha: 'b'.repeat(40) }), null),
      factsStamp(pull(), ['alice']),
    ]) {
      expect(other.evaluated).toBe(mine.evaluated);
      expect(other.facts).not.toBe(mine.facts);
      expect(compareStamp(stampOf(other), mine)).toBe('ask');
    }
    expect(compareStamp(stampOf(mine), mine)).toBe('ours');
    expect(compareStamp(null, mine)).toBe('ours');
  });

  it('a fresh read decides: current facts write, a stamp from the future is forged, the stamp current is theirs', () => {
    const newer = factsStamp(pull({ body: '- [x] a\n', updatedAt: '2026-11-20T10:00:05Z' }), null);
    const future = stampOf({ evaluated: '2099-01-01T00:00:00Z', facts: 'x' });
    const sameSecond = factsStamp(pull({ body: '- [x] a\n' }), null);
    expect(settleWithFresh(stampOf(sameSecond), mine, mine)).toBe('write');
    expect(settleWithFresh(stampOf(sameSecond), mine, sameSecond)).toBe('theirs');
    expect(settleWithFresh(future, mine, mine)).toBe('forged');
    expect(settleWithFresh(stampOf(newer), mine, newer)).toBe('theirs');
    const newest = factsStamp(pull({ updatedAt: '2026-11-20T10:00:09Z' }), null);
    expect(settleWithFresh(stampOf(newer), mine, newest)).toBe('again');
  });
});

describe('the gate as an author', () => {
  const identity = { login: 'release-gate[bot]', source: 'viewer' as const, releases: null };
  it('is a bot with its login, with or without the "[bot]" suffix; never a person', () => {
    expect(isGateAuthor(identity, { login: 'release-gate[bot]', isBot: true })).toBe(true);
    expect(isGateAuthor(identity, { login: 'Release-Gate', isBot: true })).toBe(true);
    expect(isGateAuthor(identity, { login: 'release-gate', isBot: false })).toBe(false);
    expect(isGateAuthor(identity, { login: 'github-actions[bot]', isBot: true })).toBe(false);
  });
});

describe('the verdict on a shared commit', () => {
  const entry = (number: number, gated: boolean, state: 'success' | 'failure' | 'error') => ({
    number,
    gated,
    verdict: { sha: 'a'.repeat(40), state, description: state, markdown: '' },
  });
  it('is the strictest, and "Not gated" success is the weakest', () => {
    expect(strictest(entry(9, false, 'success'), [entry(2, true, 'failure')]).number).toBe(2);
    expect(strictest(entry(9, false, 'success'), [entry(2, true, 'success')]).number).toBe(2);
    expect(strictest(entry(2, true, 'failure'), [entry(3, true, 'error')]).number).toBe(3);
    expect(strictest(entry(2, true, 'failure'), [entry(9, false, 'success')]).number).toBe(2);
  });
});
