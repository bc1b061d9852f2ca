import { classify, isGate } from '../src/audit/classify.js';
import type { PostedVerdict, Shipped } from '../src/audit/entry.js';
import { policyInForce } from '../src/audit/policy-in-force.js';
import { renderHtml } from '../src/audit/render-html.js';
import { renderCsv } from '../src/audit/render-text.js';
import { exitStatusOf } from '../src/audit/summary.js';
import { verdictAt } from '../src/audit/verdict-at.js';

const GATE = 'github-actions[bot]';
const shipped: Shipped = {
  repository: 'acme/shop',
  kind: 'pull_request',
  number: 7,
  tag: null,
  title: 'Release 7',
  url: 'https://github.com/acme/shop/pull/7',
  baseRef: 'main',
  by: 'alice',
  at: '2026-07-05T12:00:00Z',
  mergeCommit: 'm'.repeat(40),
  headSha: 'a'.repeat(40),
  policyChanged: false,
};
const verdict = (overrides: Partial<PostedVerdict> = {}): PostedVerdict => ({
  kind: 'status',
  state: 'success',
  description: 'All 3 required items done',
  postedBy: GATE,
  postedByBot: true,
  createdAt: '2026-07-05T11:00:00Z',
  url: null,
  record: null,
  ...overrides,
});

describe('the verdict at the moment of the merge', () => {
  it('is the latest posted before it; later ones do not count', () => {
    const before = verdict({ state: 'failure', createdAt: '2026-07-05T11:00:00Z' });
    const after = verdict({ state: 'success', createdAt: '2026-07-05T12:00:01Z' });
    expect(verdictAt([after, before], shipped.at)).toBe(before);
    expect(verdictAt([after], shipped.at)).toBeNull();
  });

  it('counts the stricter of two posted at the same moment', () => {
    const success = verdict({ kind: 'check run' });
    const failure = verdict({ state: 'failure' });
    expect(verdictAt([success, failure], shipped.at)).toBe(failure);
    expect(verdictAt([failure, success], shipped.at)).toBe(failure);
  });
});

describe('classification', () => {
  it.each([
    [null, 'bypassed'],
    [verdict({ state: 'failure' }), 'bypassed'],
    [verdict({ state: 'pending' }), 'bypassed'],
    [verdict({ state: 'error' }), 'bypassed'],
    [verdict({ postedBy: 'mallory', postedByBot: false }), 'foreign'],
    [verdict({ postedBy: 'github-actions', postedByBot: false }), 'foreign'],
    [verdict({ postedBy: 'other-app[bot]' }), 'foreign'],
    [verdict(), 'passed'],
    [verdict({ kind: 'check run', postedBy: 'github-actions[bot]' }), 'passed'],
    [verdict({ description: 'emergency release approved by @carol: 7 items deferred' }), 'exception'],
    [verdict({ kind: 'check run', record: { exceptions: [{ item: 'x' }] } }), 'exception'],
    [verdict({ kind: 'check run', record: { exceptions: [] } }), 'passed'],
  ])('%j is %s', (posted, expected) => {
    expect(classify(shipped, posted, GATE).classification).toBe(expected);
  });

  it('marks a pull request that changed its own policy, unless it was bypassed anyway', () => {
    const changed = { ...shipped, policyChanged: true };
    expect(classify(changed, verdict(), GATE).classification).toBe('policy-changed');
    expect(classify(changed, verdict({ state: 'failure' }), GATE).classification).toBe('bypassed');
  });

  it('matches an app identity with or without the [bot] suffix, never a person', () => {
    expect(isGate(verdict({ postedBy: 'Release-Gate[bot]' }), 'release-gate[bot]')).toBe(true);
    expect(isGate(verdict({ postedBy: 'release-gate', postedByBot: false }), 'release-gate[bot]')).toBe(
      false,
    );
    expect(isGate(verdict({ postedBy: 'ci-user', postedByBot: false }), 'ci-user')).toBe(true);
  });

  it('exits 1 only for bypassed or foreign', () => {
    expect(exitStatusOf([classify(shipped, verdict(), GATE)])).toBe(0);
    expect(exitStatusOf([classify({ ...shipped, policyChanged: true }, verdict(), GATE)])).toBe(0);
    expect(exitStatusOf([classify(shipped, null, GATE)])).toBe(1);
    expect(exitStatusOf([])).toBe(0);
  });
});

describe('the policy in force', () => {
  const history = [
    { sha: '2', committedAt: '2026-07-03T00:00:00Z', pulls: [7], text: 'weaker' },
    { sha: '1', committedAt: '2026-06-01T00:00:00Z', pulls: [], text: 'strict' },
    { sha: '3', committedAt: '2026-07-10T00:00:00Z', pulls: [9], text: null },
  ];
  it("is the newest version before the moment, leaving out the pull request's own change", () => {
    expect(policyInForce(history, '2026-07-05T00:00:00Z', 7)).toBe('strict');
    expect(policyInForce(history, '2026-07-05T00:00:00Z', 8)).toBe('weaker');
    expect(policyInForce(history, '2026-05-01T00:00:00Z', 8)).toBeNull();
    expect(policyInForce(history, '2026-07-11T00:00:00Z', null)).toBeNull();
  });
});

describe('renderings', () => {
  it('quotes CSV cells and defuses spreadsheet formulas from titles and descriptions', () => {
    const entry = classify(shipped, verdict({ description: '=HYPERLINK("x"), "quoted"' }), GATE);
    const [, row] = renderCsv([entry]).split('\r\n');
    expect(row).toContain(`"passed: =HYPERLINK(""x""), ""quoted"""`);
    const formula = classify({ ...shipped, by: '=cmd' }, verdict(), GATE);
    expect(renderCsv([formula]).split('\r\n')[1]).toContain(",'=cmd,");
  });

  it('escapes text in the HTML page and keeps only web links', () => {
    const entry = classify(
      { ...shipped, url: 'javascript:alert(1)' },
      verdict({ description: '<script>alert(1)</script>' }),
      GATE,
    );
    const html = renderHtml([entry], new Date('2026-07-31T00:00:00Z'));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<a href="#">');
    expect(html).not.toContain('javascript:alert');
  });
});
