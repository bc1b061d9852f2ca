// The pull-request flow's steps with a fake fresh read and a fake client: step 2 (newestFactsFirst:
// whether this run writes, writes nothing, or evaluates again) and step 3 (writeAndConfirm: what it
// writes and how it confirms, and its comment race's pick, commentOnNewestFacts). The flow as a
// whole runs in the end-to-end suites.
import { jest } from '@jest/globals';
import type { IssueComment } from '../src/github/comments.js';
import { newestFactsFirst } from '../src/gate/newest-facts-first.js';
import type { GitHubClient } from '../src/github/client.js';
import type { PostedVerdict } from '../src/github/head-verdicts.js';
import type { GateOutcome } from '../src/gate/outcome.js';
import {
  EVALUATE_AGAIN,
  MAX_ATTEMPTS,
  type Attempt,
  type Judged,
  type PullRequestRun,
} from '../src/gate/pull-request-attempt.js';
import type { GateSettings } from '../src/gate/settings.js';
import { commentOnNewestFacts, writeAndConfirm } from '../src/gate/write-and-confirm.js';
import type { Stamp } from '../src/read/comment-stamp.js';
import { factsStamp, type FactsStamp } from '../src/read/facts-stamp.js';
import { postedVerdicts } from '../src/read/posted-verdicts.js';
import type { PullRequestReading, PullRequestRequest } from '../src/read/read-pull-request.js';
import { commentBody } from '../src/write/sticky-comment.js';
import { pullRequest } from './helpers/pull-request.js';

const pull = pullRequest;

/** This run's facts, a newer edit's, and a third edit newer than both. */
const mine = factsStamp(pull(), null);
const newer = factsStamp(pull({ body: '- [x] a\n', updatedAt: '2026-11-20T10:05:00Z' }), null);
const newest = factsStamp(pull({ body: '- [ ] a\n- [ ] b\n', updatedAt: '2026-11-20T10:09:00Z' }), null);

let nextId = 1;
function commentOn(facts: FactsStamp, state: Stamp['state'] = 'success'): IssueComment {
  const stamp: Stamp = { ...facts, state, description: `verdict on ${facts.evaluated}` };
  return {
    id: nextId++,
    body: commentBody('checklist-gate', stamp, 'report\n'),
    authorLogin: 'bot',
    authorIsBot: true,
  };
}

/** Step 2 with the gate's comment (if any), the facts as a fresh read finds them, and how long ago the run read. */
async function step2(options: {
  comment?: IssueComment;
  now?: FactsStamp;
  attempt?: number;
  readMsAgo?: number;
}) {
  const log = { info: jest.fn(), warning: jest.fn() };
  const freshFacts = jest.fn(async () => options.now ?? mine);
  const reading = { ownComments: options.comment ? [options.comment] : [] } as unknown as PullRequestReading;
  const result = await newestFactsFirst(
    { log, number: options.attempt ?? 1 },
    { reading, mine, freshFacts, readAt: Date.now() - (options.readMsAgo ?? 0) },
  );
  return { result, freshReads: freshFacts.mock.calls.length, log };
}

describe('step 2: the newest facts first', () => {
  it('writes, reading nothing again, with no comment or a comment on older facts', async () => {
    expect(await step2({})).toMatchObject({ result: 'write', freshReads: 0 });
    const older = factsStamp(pull({ updatedAt: '2026-11-20T09:00:00Z' }), null);
    expect(await step2({ comment: commentOn(older) })).toMatchObject({ result: 'write', freshReads: 0 });
  });

  it("writes nothing when the comment's newer facts are the current ones: its verdict stands", async () => {
    const { result, freshReads } = await step2({ comment: commentOn(newer, 'failure'), now: newer });
    expect(freshReads).toBe(1);
    expect(result).toMatchObject({ result: 'fail', description: expect.stringContaining('newer facts') });
  });

  it("writes when a fresh read shows this run's facts are current after all", async () => {
    expect(await step2({ comment: commentOn(newer), now: mine })).toMatchObject({
      result: 'write',
      freshReads: 1,
    });
  });

  it('evaluates again when neither is current, except on the last attempt', async () => {
    expect((await step2({ comment: commentOn(newer), now: newest })).result).toBe(EVALUATE_AGAIN);
    expect((await step2({ comment: commentOn(newer), now: newest, attempt: MAX_ATTEMPTS })).result).toBe(
      'write',
    );
  });

  it('ignores, with a warning, a comment claiming facts newer than the pull request is now', async () => {
    const { result, log } = await step2({ comment: commentOn(newest), now: newer });
    expect(result).toBe('write');
    expect(log.warning).toHaveBeenCalledWith(expect.stringContaining('the claim is ignored'));
  });

  it('a slow run reads its facts again before it writes, and evaluates again if they moved', async () => {
    expect(await step2({ readMsAgo: 60_000, now: mine })).toMatchObject({ result: 'write', freshReads: 1 });
    expect((await step2({ readMsAgo: 60_000, now: newer })).result).toBe(EVALUATE_AGAIN);
    expect(await step2({ readMsAgo: 60_000, now: newer, attempt: MAX_ATTEMPTS })).toMatchObject({
      result: 'write',
      freshReads: 0,
    });
  });
});

describe("step 3's comment race: runs that created a comment at once keep the one on the newest facts", () => {
  async function pick(rivals: IssueComment[], now: FactsStamp) {
    const freshFacts = jest.fn(async () => now);
    const own = commentOn(mine);
    const kept = await commentOnNewestFacts(mine, freshFacts)(own, rivals);
    return { kept: kept === own ? 'mine' : rivals.indexOf(kept), freshReads: freshFacts.mock.calls.length };
  }

  it("keeps this run's comment, reading nothing, when no rival may be newer", async () => {
    const older = factsStamp(pull({ updatedAt: '2026-11-20T09:00:00Z' }), null);
    const unstamped = { ...commentOn(mine), body: 'no stamp' };
    expect(await pick([commentOn(older), unstamped], mine)).toEqual({ kept: 'mine', freshReads: 0 });
  });

  it("keeps the newest rival's comment when a fresh read shows its facts are current", async () => {
    expect(await pick([commentOn(newer), commentOn(newest)], newest)).toEqual({ kept: 1, freshReads: 1 });
  });

  it("keeps this run's comment when its own facts are the current ones", async () => {
    expect(await pick([commentOn(newer)], mine)).toEqual({ kept: 'mine', freshReads: 1 });
  });
});

describe('step 3: write, then confirm', () => {
  const BOT = { login: 'github-actions[bot]', type: 'Bot' };
  const identity = { login: 'github-actions[bot]', source: 'viewer' as const, releases: null };
  const settings = {
    checkName: 'checklist-gate',
    reportAs: 'status' as const,
    runUrl: null,
    comment: 'always' as const,
    policyPath: '.github/checklist-gate.yml',
  } as unknown as GateSettings;
  const SHA = 'a'.repeat(40);
  const verdict = { sha: SHA, state: 'failure' as const, description: '1 open', markdown: 'report\n' };
  const outcome = { result: 'fail', report: null, markdown: 'report\n', missing: [], description: '1 open' };

  /** A client that keeps statuses and comments as GitHub would, and records each route it is asked. */
  function fakeGitHub(shown: { state: string; description: string }[] = []) {
    const routes: string[] = [];
    const statuses = shown.map((status) => ({ ...status, context: settings.checkName, creator: BOT }));
    const comments: { id: number; body: string; user: typeof BOT }[] = [];
    const request = async (route: string, params: Record<string, unknown>) => {
      routes.push(route);
      if (route.startsWith('POST') && route.endsWith('/statuses/{sha}'))
        statuses.unshift({
          context: String(params['context']),
          state: String(params['state']),
          description: String(params['description']),
          creator: BOT,
        });
      if (route.startsWith('POST') && route.endsWith('/comments'))
        comments.push({ id: 100 + comments.length, body: String(params['body']), user: BOT });
      if (route.startsWith('GET') && route.endsWith('/statuses')) return { data: statuses };
      return { data: { id: 100 + comments.length - 1 } };
    };
    const paginate = async (route: string) => {
      routes.push(route);
      return comments;
    };
    return { client: { request, paginate } as unknown as GitHubClient, routes };
  }

  function attemptWith(client: GitHubClient, number = 1): Attempt {
    const log = { info: jest.fn(), warning: jest.fn() };
    const request = { repository: { owner: 'o', repo: 'r' } } as unknown as PullRequestRequest;
    return {
      client,
      request,
      settings,
      log,
      run: {} as PullRequestRun,
      status: { sha: SHA },
      number,
      warned: new Set(),
    };
  }

  function judgedWith(
    client: GitHubClient,
    overrides: { gated?: boolean; posted?: PostedVerdict[]; now?: FactsStamp } = {},
  ): Judged {
    const reading = {
      pr: pull(),
      identity,
      statusSha: SHA,
      ownComments: [],
      posted: overrides.posted ?? [],
    } as unknown as PullRequestReading;
    const own = {
      number: 2,
      gated: overrides.gated ?? true,
      passed: false,
      outcome,
      verdict,
    } as unknown as Judged['own'];
    return {
      reading,
      own,
      verdict,
      foreign: [],
      noted: () => outcome.markdown,
      outcome: outcome as GateOutcome,
      mine,
      freshFacts: async () => overrides.now ?? mine,
      // The confirming round, as REST reads the latest status (GraphQL's one request is tested end to end).
      factsAndVerdictsNow: async () => ({
        facts: overrides.now ?? mine,
        posted: await postedVerdicts(client, { owner: 'o', repo: 'r' }, SHA, settings),
      }),
      readAt: Date.now(),
    };
  }

  const STATUS = 'POST /repos/{owner}/{repo}/statuses/{sha}';
  const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
  const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
  const LATEST = 'GET /repos/{owner}/{repo}/commits/{ref}/statuses';

  it('posts the status and the comment, then confirms with one read of the latest status', async () => {
    const { client, routes } = fakeGitHub();
    expect(await writeAndConfirm(attemptWith(client), judgedWith(client))).toBe(outcome);
    expect(routes.sort()).toEqual([LIST, LATEST, COMMENT, STATUS].sort());
  });

  it('posts no status the commit already shows, and still confirms it', async () => {
    const { client, routes } = fakeGitHub([{ state: 'failure', description: '1 open' }]);
    const posted: PostedVerdict[] = [
      { kind: 'status', state: 'failure', description: '1 open', author: BOT.login, authorIsBot: true },
    ];
    expect(await writeAndConfirm(attemptWith(client), judgedWith(client, { posted }))).toBe(outcome);
    expect(routes).toContain(LATEST);
    expect(routes).not.toContain(STATUS);
  });

  it('writes no comment on a pull request no longer gated that has none', async () => {
    const { client, routes } = fakeGitHub();
    await writeAndConfirm(attemptWith(client), judgedWith(client, { gated: false }));
    expect(routes).not.toContain(COMMENT);
  });

  it('evaluates again when the facts moved meanwhile; on the last attempt an error stands', async () => {
    const first = fakeGitHub().client;
    expect(await writeAndConfirm(attemptWith(first), judgedWith(first, { now: newer }))).toBe(EVALUATE_AGAIN);
    const last = fakeGitHub().client;
    await expect(
      writeAndConfirm(attemptWith(last, MAX_ATTEMPTS), judgedWith(last, { now: newer })),
    ).rejects.toThrow(/kept changing/);
  });
});
