import { jest } from '@jest/globals';
import type { GitHubClient } from '../src/github/client.js';
import { readRunOverview, type CommitAsked } from '../src/github/run-overview.js';

const REPOSITORY = { owner: 'acme', repo: 'shop' };
const SHA = 'e'.repeat(40);
const ASKED: CommitAsked = {
  sha: SHA,
  openPulls: true,
  statusContext: 'checklist-gate',
  checkName: 'checklist-gate',
};

const pull = (number: number, headRefOid = SHA) => ({
  number,
  state: 'OPEN',
  body: '- [x] done',
  title: `#${number}`,
  baseRefName: 'main',
  baseRefOid: 'b'.repeat(40),
  headRefName: 'release',
  headRefOid,
  updatedAt: '2026-11-20T10:00:00Z',
  url: `https://github.com/acme/shop/pull/${number}`,
  author: { __typename: 'Bot', login: 'renovate' },
  labels: { pageInfo: { hasNextPage: false }, nodes: [{ name: 'database' }] },
});

const suite = (slug: string, runs: { databaseId: number; conclusion: string | null; title: string }[]) => ({
  app: { slug },
  checkRuns: {
    pageInfo: { hasNextPage: false },
    nodes: runs.map((run) => ({ ...run, status: 'COMPLETED' })),
  },
});

function answer(repository: Record<string, unknown> = {}) {
  return {
    viewer: { login: 'github-actions[bot]' },
    repository: {
      releases: { nodes: [{ databaseId: 5, tagName: 'v1', isDraft: false, tagCommit: { oid: SHA } }] },
      pullRequests: { pageInfo: { hasNextPage: false }, nodes: [pull(2), pull(3, 'f'.repeat(40))] },
      object: {
        __typename: 'Commit',
        status: {
          context: {
            state: 'SUCCESS',
            description: 'done',
            creator: { __typename: 'Bot', login: 'github-actions' },
          },
        },
        checkSuites: {
          pageInfo: { hasNextPage: false },
          nodes: [
            suite('github-actions', [{ databaseId: 7, conclusion: 'FAILURE', title: 'old' }]),
            suite('quote-bot', [{ databaseId: 9, conclusion: 'SUCCESS', title: 'newest' }]),
          ],
        },
      },
      ...repository,
    },
  };
}

/** A client whose GraphQL answers with data, or fails as @octokit/graphql does when GitHub reports errors. */
function client(data: unknown, errors: { message: string; path?: (string | number)[] }[] = []): GitHubClient {
  const graphql = jest.fn(async () => {
    if (errors.length === 0) return data;
    throw Object.assign(new Error(errors[0]?.message), { name: 'GraphqlResponseError', data, errors });
  });
  return { graphql } as unknown as GitHubClient;
}

describe('the first round GraphQL overview', () => {
  it('reads the identity, releases, open pull requests and latest verdicts as REST names them', async () => {
    const overview = await readRunOverview(client(answer()), REPOSITORY, ASKED);
    expect(overview.login).toBe('github-actions[bot]');
    expect(overview.releases).toEqual([{ id: 5, tagName: 'v1', sha: SHA }]);
    expect(overview.openPulls?.map((each) => [each.number, each.headSha, each.author, each.labels])).toEqual([
      [2, SHA, 'renovate[bot]', ['database']],
      [3, 'f'.repeat(40), 'renovate[bot]', ['database']],
    ]);
    expect(overview.status).toEqual({
      kind: 'status',
      state: 'success',
      description: 'done',
      author: 'github-actions[bot]',
      authorIsBot: true,
    });
    // The newest check run with the name, over every suite.
    expect(overview.checkRun).toMatchObject({
      state: 'success',
      description: 'newest',
      author: 'quote-bot[bot]',
    });
  });

  it('a part with an error at it, or above it, is unanswered (null); the others stand', async () => {
    const data = answer();
    (data.repository.object as Record<string, unknown>)['status'] = null;
    const overview = await readRunOverview(
      client(data, [{ message: 'timeout', path: ['repository', 'object', 'status'] }]),
      REPOSITORY,
      ASKED,
    );
    expect(overview.status).toBeNull();
    expect(overview.checkRun).not.toBeNull();
    expect(overview.openPulls).toHaveLength(2);
    const above = await readRunOverview(
      client(answer({ object: null }), [{ message: 'timeout', path: ['repository', 'object'] }]),
      REPOSITORY,
      ASKED,
    );
    expect([above.status, above.checkRun]).toEqual([null, null]);
  });

  it('a commit without statuses has none (undefined); a commit GitHub cannot name is unanswered (null)', async () => {
    const none = answer();
    (none.repository.object as Record<string, unknown>)['status'] = null;
    expect((await readRunOverview(client(none), REPOSITORY, ASKED)).status).toBeUndefined();
    expect((await readRunOverview(client(answer({ object: null })), REPOSITORY, ASKED)).status).toBeNull();
  });

  it('more open pull requests, labels or check suites than one page: that part is left to REST', async () => {
    const more = answer({ pullRequests: { pageInfo: { hasNextPage: true }, nodes: [pull(2)] } });
    expect((await readRunOverview(client(more), REPOSITORY, ASKED)).openPulls).toBeNull();
    const labelled = pull(2);
    labelled.labels.pageInfo.hasNextPage = true;
    const manyLabels = answer({ pullRequests: { pageInfo: { hasNextPage: false }, nodes: [labelled] } });
    expect((await readRunOverview(client(manyLabels), REPOSITORY, ASKED)).openPulls).toBeNull();
    const suites = answer();
    (
      suites.repository.object as { checkSuites: { pageInfo: { hasNextPage: boolean } } }
    ).checkSuites.pageInfo.hasNextPage = true;
    expect((await readRunOverview(client(suites), REPOSITORY, ASKED)).checkRun).toBeNull();
  });

  it('an error that names no part fails the whole request', async () => {
    await expect(
      readRunOverview(client(answer(), [{ message: 'rate limited' }]), REPOSITORY, ASKED),
    ).rejects.toThrow('rate limited');
  });

  it('asks only what it is told: no commit, no commit parts', async () => {
    const fake = client({ viewer: { login: 'app[bot]' }, repository: { releases: { nodes: [] } } });
    const overview = await readRunOverview(fake, REPOSITORY, null);
    expect(overview).toEqual({
      login: 'app[bot]',
      releases: [],
      pull: null,
      openPulls: null,
      status: null,
      checkRun: null,
    });
    const [query] = (fake.graphql as unknown as jest.Mock).mock.calls[0] as [string];
    expect(query).not.toContain('pullRequest');
    expect(query).not.toContain('object(');
  });

  it('the pull request the event names, as REST gives it; another number, or labels past a page, are not taken', async () => {
    const asked = async (node: unknown) =>
      (await readRunOverview(client(answer({ pullRequest: node })), REPOSITORY, ASKED, 2)).pull;
    expect(await asked(pull(2))).toEqual({
      number: 2,
      state: 'open',
      body: '- [x] done',
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headRef: 'release',
      headSha: SHA,
      title: '#2',
      labels: ['database'],
      updatedAt: '2026-11-20T10:00:00Z',
      htmlUrl: 'https://github.com/acme/shop/pull/2',
      author: 'renovate[bot]',
    });
    expect(await asked({ ...pull(2), state: 'MERGED' })).toMatchObject({ state: 'closed' });
    expect(await asked(pull(3))).toBeNull();
    expect(await asked({ ...pull(2), labels: { pageInfo: { hasNextPage: true }, nodes: [] } })).toBeNull();
    expect(await asked(null)).toBeNull();
  });
});
