import { jest } from '@jest/globals';
import { confirmWrites } from '../src/gate/confirm-writes.js';
import type { GateIdentity } from '../src/read/identity.js';
import { evidenceDigest, factsStamp, policyBlobSha } from '../src/read/facts-stamp.js';
import type { PostedVerdict } from '../src/github/head-verdicts.js';
import type { PullRequest } from '../src/github/pull-requests.js';

const pull: PullRequest = {
  number: 2,
  state: 'open',
  body: '- [ ] a\n',
  baseRef: 'main',
  baseSha: 'b'.repeat(40),
  author: 'octocat',
  headRef: 'release/1.0',
  headSha: 'a'.repeat(40),
  title: 'Release 1.0',
  labels: [],
  updatedAt: '2026-11-20T10:00:00Z',
  htmlUrl: 'https://github.com/o/r/pull/2',
};

describe('the facts a verdict depends on', () => {
  it("the policy blob is git's own SHA of the text", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(policyBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(policyBlobSha(null)).toBeNull();
  });

  it('a policy push or a change of linked evidence moves the facts, not the time', () => {
    const before = factsStamp(pull, null, { policyBlob: policyBlobSha('version: 1\n'), evidence: null });
    const policy = factsStamp(pull, null, {
      policyBlob: policyBlobSha('version: 1\nitems: []\n'),
      evidence: null,
    });
    const evidence = factsStamp(pull, null, {
      policyBlob: policyBlobSha('version: 1\n'),
      evidence: evidenceDigest(new Map([['run:1', { conclusion: 'failure' }]])),
    });
    expect(policy.evaluated).toBe(before.evaluated);
    expect(new Set([before.facts, policy.facts, evidence.facts]).size).toBe(3);
  });

  it('the evidence digest does not depend on the order links were read in', () => {
    const a = new Map<string, unknown>([
      ['x', { state: 'closed' }],
      ['y', { conclusion: 'success' }],
    ]);
    const b = new Map([...a].reverse());
    expect(evidenceDigest(a)).toBe(evidenceDigest(b));
    expect(evidenceDigest(new Map())).toBeNull();
  });
});

describe("confirming a run's writes", () => {
  const identity: GateIdentity = { login: 'github-actions[bot]', source: 'viewer', releases: null };
  const settings = { checkName: 'checklist-gate', reportAs: 'status' as const, runUrl: null };
  const verdict = { sha: 'a'.repeat(40), state: 'failure' as const, description: '1 open', markdown: '' };
  const mine = factsStamp(pull, null);
  const latest = (state: string, author = 'github-actions[bot]'): PostedVerdict[] => [
    { kind: 'status', state, description: '1 open', author, authorIsBot: true },
  ];
  const log = { info: jest.fn(), warning: jest.fn() };

  it('rests when the facts are the same and the latest status is its verdict', async () => {
    const post = jest.fn(async () => undefined);
    const read = { subject: 'pull request', now: async () => ({ facts: mine, posted: latest('failure') }) };
    expect(await confirmWrites(read, mine, verdict, identity, settings, log, post)).toBe('confirmed');
    expect(post).not.toHaveBeenCalled();
  });

  it('evaluates again when the facts moved, whatever the latest status', async () => {
    const moved = factsStamp({ ...pull, body: '- [x] a\n' }, null);
    const post = jest.fn(async () => undefined);
    const read = { subject: 'pull request', now: async () => ({ facts: moved, posted: latest('failure') }) };
    expect(await confirmWrites(read, mine, verdict, identity, settings, log, post)).toBe('moved');
    expect(post).not.toHaveBeenCalled();
  });

  it('posts again when a late write replaced its verdict on the same facts, then confirms', async () => {
    const answers = [latest('success'), latest('failure')];
    const post = jest.fn(async () => undefined);
    const read = {
      subject: 'pull request',
      now: async () => ({ facts: mine, posted: answers.shift() ?? [] }),
    };
    expect(await confirmWrites(read, mine, verdict, identity, settings, log, post)).toBe('confirmed');
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('a verdict by another identity is never taken as its own', async () => {
    const post = jest.fn(async () => undefined);
    const read = {
      subject: 'pull request',
      now: async () => ({ facts: mine, posted: latest('failure', 'mallory') }),
    };
    await expect(confirmWrites(read, mine, verdict, identity, settings, log, post)).rejects.toThrow(
      'kept being replaced',
    );
    expect(post).toHaveBeenCalledTimes(2);
  });
});
