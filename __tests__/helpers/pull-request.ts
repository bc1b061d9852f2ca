// A pull request as the reads return it, for the unit tests of stamps and of the flow's steps.
import type { PullRequest } from '../../src/github/pull-requests.js';

/** Pull request #2, open, from release/1.0 into main, with `overrides` laid over it. */
export function pullRequest(overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    number: 2,
    state: 'open',
    body: '- [ ] a\n',
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
    headRef: 'release/1.0',
    headSha: 'a'.repeat(40),
    title: 'Release 1.0',
    labels: [],
    updatedAt: '2026-11-20T10:00:00Z',
    htmlUrl: 'https://github.com/o/r/pull/2',
    author: 'octocat',
    ...overrides,
  };
}
