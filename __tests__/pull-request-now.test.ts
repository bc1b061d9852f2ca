import { createClient, type GitHubClient } from '../src/github/client.js';
import { readFactsQuery } from '../src/github/facts-query.js';
import { readFileAtRef } from '../src/github/policy-file.js';
import { getPullRequest } from '../src/github/pull-requests.js';
import { readRunOverview } from '../src/github/run-overview.js';
import { gitBlobSha } from '../src/policy/file-hash.js';
import { factsStamp, policyBlobSha } from '../src/read/facts-stamp.js';
import { pullRequestNow } from '../src/read/pull-request-now.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// Issue 28: the pull request and the policy's blob come by GraphQL in the first read round and
// in the confirming round. Whatever way they came, the gate must see the same pull request and
// compute the same stamp, or a run would take its own facts for moved ones (or worse, the reverse).

const REPOSITORY = { owner: 'Codertocat', repo: 'Hello-World' };
const POLICY_PATH = '.github/checklist-gate.yml';
const SETTINGS = { policyPath: POLICY_PATH, checkName: 'checklist-gate', reportAs: 'status' as const };
// Unicode, CRLF line endings (GitHub keeps what the browser sent), an emoji past the BMP.
const POLICY = 'version: 1\r\n# Freigabe für Produktion ✅ 🚀\r\ngate:\r\n  branches: [master]\r\n';
const PULLS = [
  {
    number: 2,
    base: 'master',
    headSha: 'e'.repeat(40),
    body: '- [x] Tests grün ✅\r\n- [ ] Rückweg geprüft 🚀\r\n',
    title: 'Release 2.0 — «final»',
    labels: ['zeta', 'database', 'Ünïcode'],
    updatedAt: '2026-11-20T10:05:00Z',
  },
  // From a fork: its head branch lives in another repository.
  {
    number: 3,
    base: 'master',
    headSha: 'f'.repeat(40),
    headRef: 'patch-1',
    headRepo: 'mallory/Hello-World',
    author: 'mallory',
  },
  // An empty description: REST gives null for it, GraphQL an empty string.
  { number: 4, base: 'develop', headSha: 'a'.repeat(40), body: null as unknown as string },
  { number: 5, base: 'master', headSha: 'c'.repeat(40), author: 'renovate[bot]', labels: [] },
  { number: 6, base: 'master', headSha: 'd'.repeat(40), state: 'closed', merged: true },
];

let emulator: GitHubEmulator;
stopAfterEach(() => emulator);

async function start(): Promise<GitHubClient> {
  emulator = new GitHubEmulator({
    files: {
      master: { [POLICY_PATH]: POLICY, 'docs/guide.md': '# Guide\n' },
      develop: { [POLICY_PATH]: 'version: 1\n' },
    },
    pulls: PULLS,
  });
  const baseUrl = await emulator.start();
  return createClient({ token: 'test-token', baseUrl, retryBaseMs: 1, warn: () => undefined });
}

describe('a pull request by GraphQL is the pull request by REST', () => {
  it.each(PULLS.map((pull) => pull.number))('pull request #%i', async (number) => {
    const client = await start();
    const rest = await getPullRequest(client, REPOSITORY, number);
    const overview = await readRunOverview(client, REPOSITORY, null, number);
    const facts = await readFactsQuery(client, REPOSITORY, {
      number,
      policy: { ref: rest.baseRef, path: POLICY_PATH },
      verdicts: null,
    });
    expect(overview.pull).toEqual(rest);
    expect(facts.pull).toEqual(rest);
  });

  it('a fork head is named as REST names it: the branch alone, and the head commit', async () => {
    const client = await start();
    const { pull } = await readRunOverview(client, REPOSITORY, null, 3);
    expect(pull).toMatchObject({ headRef: 'patch-1', headSha: 'f'.repeat(40), author: 'mallory' });
  });

  it('a pull request GitHub does not answer for is null, to be read by REST', async () => {
    const client = await start();
    expect((await readRunOverview(client, REPOSITORY, null, 99)).pull).toBeNull();
    emulator.graphqlFailing.add('pullRequest');
    expect((await readRunOverview(client, REPOSITORY, null, 2)).pull).toBeNull();
  });
});

describe("the policy's blob by GraphQL is the git blob SHA of the text read by REST", () => {
  it('for a policy with unicode and CRLF line endings', async () => {
    const client = await start();
    const text = await readFileAtRef(client, REPOSITORY, POLICY_PATH, 'master');
    const { policy } = await readFactsQuery(client, REPOSITORY, {
      number: 2,
      policy: { ref: 'master', path: POLICY_PATH },
      verdicts: null,
    });
    expect(text).toBe(POLICY);
    expect(policy).toEqual({ blob: gitBlobSha(POLICY) });
    expect(policy?.blob).toBe(policyBlobSha(text));
  });

  it('nothing at the path, or no such branch, is no policy; a folder is not answered (read by REST)', async () => {
    const client = await start();
    const blobAt = async (ref: string, path: string) =>
      (await readFactsQuery(client, REPOSITORY, { number: 2, policy: { ref, path }, verdicts: null })).policy;
    expect(await blobAt('master', '.github/none.yml')).toEqual({ blob: null });
    expect(await blobAt('no-such-branch', POLICY_PATH)).toEqual({ blob: null });
    expect(await blobAt('master', 'docs')).toBeNull();
    emulator.graphqlFailing.add('policy');
    expect(await blobAt('master', POLICY_PATH)).toBeNull();
  });
});

describe('the stamp is the same whether the facts came by REST or by GraphQL', () => {
  it.each(PULLS.map((pull) => pull.number))('pull request #%i', async (number) => {
    const client = await start();
    const rest = await getPullRequest(client, REPOSITORY, number);
    const restBlob = policyBlobSha(await readFileAtRef(client, REPOSITORY, POLICY_PATH, rest.baseRef));
    const before = { pr: rest, policyBlob: restBlob, statusSha: rest.headSha };
    const now = await pullRequestNow(client, REPOSITORY, before, SETTINGS, false);
    const byRest = factsStamp(rest, null, { policyBlob: restBlob, evidence: null });
    expect(factsStamp(now.pr, null, { policyBlob: now.policyBlob, evidence: null })).toEqual(byRest);
    // GitHub may list labels in another order by GraphQL: the stamp sorts them.
    const reordered = { ...now.pr, labels: [...now.pr.labels].reverse() };
    expect(factsStamp(reordered, null, { policyBlob: now.policyBlob, evidence: null })).toEqual(byRest);
    // One GraphQL request, no REST read: the blob is the one read before.
    expect(emulator.requests.slice(-1).map((request) => request.path)).toEqual(['/graphql']);
  });

  it('a blob other than the one read before is read by REST, never taken on GraphQL alone', async () => {
    const client = await start();
    const rest = await getPullRequest(client, REPOSITORY, 2);
    const before = { pr: rest, policyBlob: gitBlobSha('version: 1\n'), statusSha: rest.headSha };
    const from = emulator.requests.length;
    const now = await pullRequestNow(client, REPOSITORY, before, SETTINGS, false);
    expect(now.policyBlob).toBe(gitBlobSha(POLICY));
    expect(emulator.requests.slice(from).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /graphql',
      'GET /repos/Codertocat/Hello-World/contents/.github%2Fchecklist-gate.yml',
    ]);
  });

  it('a pull request that moved is read by REST: what was read before is only confirmed by GraphQL, never overruled', async () => {
    const client = await start();
    const rest = await getPullRequest(client, REPOSITORY, 2);
    emulator.editBody(2, '- [x] Tests grün ✅\r\n- [x] Rückweg geprüft 🚀\r\n', '2026-11-20T10:06:00Z');
    const from = emulator.requests.length;
    const before = { pr: rest, policyBlob: gitBlobSha(POLICY), statusSha: rest.headSha };
    const now = await pullRequestNow(client, REPOSITORY, before, SETTINGS, false);
    expect(now.pr).toEqual(await getPullRequest(client, REPOSITORY, 2));
    expect(now.pr.updatedAt).toBe('2026-11-20T10:06:00Z');
    expect(
      emulator.requests.slice(from, from + 2).map((request) => `${request.method} ${request.path}`),
    ).toEqual(['POST /graphql', 'GET /repos/Codertocat/Hello-World/pulls/2']);
  });

  it('the GraphQL request failing: everything is read by REST, and the stamp is the same', async () => {
    const client = await start();
    const rest = await getPullRequest(client, REPOSITORY, 2);
    const restBlob = gitBlobSha(POLICY);
    emulator.inject({ method: 'POST', path: '/graphql', status: 403 });
    const now = await pullRequestNow(
      client,
      REPOSITORY,
      { pr: rest, policyBlob: restBlob, statusSha: rest.headSha },
      SETTINGS,
      true,
    );
    expect(now).toEqual({ pr: rest, policyBlob: restBlob, posted: [] });
    expect(
      emulator.requests
        .slice(-4)
        .map((request) => `${request.method} ${request.path}`)
        .sort(),
    ).toEqual([
      'GET /repos/Codertocat/Hello-World/commits/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee/statuses',
      'GET /repos/Codertocat/Hello-World/contents/.github%2Fchecklist-gate.yml',
      'GET /repos/Codertocat/Hello-World/pulls/2',
      'POST /graphql',
    ]);
  });
});
