// @ts-check
// The audit's example organisation: a repository "shop" with one merged pull request for each
// classification, a release, and changes the audit leaves out. Used by the audit's tests and the
// picture of its HTML page in docs/.
import { OrgEmulator } from './org-emulator.js';

export const POLICY = `version: 1
gate:
  branches: [main]
  releases: true
items:
  - id: rollback
    text: Rollback plan tested
`;
const WEAKER = `version: 1
gate:
  branches: [main]
items: []
`;
export const GATE = { login: 'github-actions[bot]', type: 'Bot' };
export const sha = (/** @type {number} */ n) => n.toString(16).padStart(40, 'c');

export const merged = (
  /** @type {number} */ number,
  /** @type {string} */ mergedAt,
  /** @type {Record<string, unknown>} */ extra = {},
) => ({
  number,
  state: 'closed',
  base: 'main',
  headSha: sha(number),
  merged: true,
  mergedAt,
  mergedBy: 'alice',
  mergeCommit: sha(1000 + number),
  updatedAt: mergedAt,
  title: `Release ${number}`,
  ...extra,
});

/** The shop: one pull request for each classification, a release, and some that are not audited. */
/** The audit window the example shop's changes fall in. */
export const SHOP_JULY = ['--repo', 'acme/shop', '--since', '2026-07-01', '--until', '2026-07-31'];

export function shop() {
  const emulator = new OrgEmulator({
    org: 'acme',
    repositories: [
      {
        name: 'shop',
        defaultBranch: 'main',
        policyHistory: [
          { sha: sha(900), date: '2026-06-01T00:00:00Z', text: POLICY },
          { sha: sha(906), date: '2026-07-08T12:00:00Z', pulls: [6], text: WEAKER },
        ],
        pulls: [
          merged(1, '2026-07-05T12:00:00Z'),
          merged(2, '2026-07-06T12:00:00Z', { mergedBy: 'root-admin' }),
          merged(3, '2026-07-06T13:00:00Z'),
          merged(4, '2026-07-07T12:00:00Z'),
          merged(5, '2026-07-07T14:00:00Z'),
          merged(6, '2026-07-08T12:00:00Z'),
          merged(7, '2026-07-08T13:00:00Z', { base: 'develop' }),
          merged(8, '2026-07-09T12:00:00Z'),
          merged(9, '2026-06-20T12:00:00Z'),
          { number: 10, state: 'open', base: 'main', headSha: sha(10), updatedAt: '2026-07-09T00:00:00Z' },
        ],
        releases: [
          {
            id: 1,
            tagName: 'v1.0',
            sha: sha(500),
            publishedAt: '2026-07-10T09:00:00Z',
            author: 'bob',
            updatedAt: '2026-07-10T09:00:00Z',
          },
        ],
      },
    ],
  });
  const shopRepo = emulator.repository('shop');
  shopRepo.postStatus(sha(1), {
    state: 'failure',
    creator: GATE,
    createdAt: '2026-07-04T10:00:00Z',
    description: '1 of 1 required items open',
  });
  shopRepo.postStatus(sha(1), {
    state: 'success',
    creator: GATE,
    createdAt: '2026-07-04T11:00:00Z',
    description: 'All 1 required items done',
    targetUrl: 'https://github.com/acme/shop/actions/runs/1',
  });
  shopRepo.postStatus(sha(2), {
    state: 'failure',
    creator: GATE,
    createdAt: '2026-07-06T11:00:00Z',
    description: '1 of 1 required items open',
  });
  shopRepo.postStatus(sha(4), {
    state: 'failure',
    creator: GATE,
    createdAt: '2026-07-07T10:00:00Z',
    description: '1 of 1 required items open',
  });
  shopRepo.postStatus(sha(4), {
    state: 'success',
    creator: { login: 'mallory', type: 'User' },
    createdAt: '2026-07-07T11:00:00Z',
    description: 'looks fine',
  });
  shopRepo.postCheckRun(sha(5), {
    conclusion: 'success',
    completedAt: '2026-07-07T13:00:00Z',
    title: 'All 1 required items done, 1 not applicable',
    text: JSON.stringify({
      exceptions: [{ item: 'rollback', reason: 'no schema change', approvedBy: ['carol'] }],
    }),
  });
  shopRepo.postStatus(sha(6), {
    state: 'success',
    creator: GATE,
    createdAt: '2026-07-08T11:00:00Z',
    description: 'All 1 required items done',
  });
  // Failing when merged; a success posted after the merge changes nothing.
  shopRepo.postStatus(sha(8), {
    state: 'failure',
    creator: GATE,
    createdAt: '2026-07-09T11:00:00Z',
    description: '1 of 1 required items open',
  });
  shopRepo.postStatus(sha(8), {
    state: 'success',
    creator: GATE,
    createdAt: '2026-07-09T13:00:00Z',
    description: 'All 1 required items done',
  });
  shopRepo.postCheckRun(sha(500), {
    conclusion: 'success',
    completedAt: '2026-07-10T08:00:00Z',
    title: 'All 1 required items done',
  });
  return emulator;
}
