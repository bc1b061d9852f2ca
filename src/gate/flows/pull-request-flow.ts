import type { GitHubClient } from '../../github/client.js';
import type { IssueComment } from '../../github/comments.js';
import type { OpenListing } from '../../github/pull-request-list.js';
import { withErrorStatus } from '../error-status.js';
import { commitVerdicts, tooManyToTell, verdictFor } from '../commit-verdicts.js';
import { confirmWrites } from '../confirm-writes.js';
import { skipped, standingOutcome } from '../outcome.js';
import type { GateIdentity } from '../../read/identity.js';
import { factsOfReading, readFactsAndVerdictsNow, readFactsNow } from '../../read/facts-now.js';
import { compareStamp, settleWithFresh } from '../newest-facts.js';
import { sameFacts, type FactsStamp } from '../../read/facts-stamp.js';
import type { GateOutcome } from '../outcome.js';
import type { PolicyReader } from '../../read/policy-reader.js';
import { alreadyPosted, foreignNotices, foreignVerdicts } from '../posted-verdict-rules.js';
import {
  publishVerdict,
  settleAll,
  writeWithPermissions,
  type PermissionProblems,
  type Verdict,
} from '../../write/publish.js';
import {
  readPullRequest,
  type PullRequestReading,
  type PullRequestRequest,
} from '../../read/read-pull-request.js';
import { releaseVerdicts } from '../release-verdicts.js';
import { mergeGroupNote, releaseVerdictNote, sharedHeadNote } from '../../report/shared-commit-notes.js';
import type { GateLog, GateSettings } from '../settings.js';
import { groupResult, strictest } from '../shared-commit.js';
import { StatusFrozen } from '../../write/status-cap.js';
import { frozenStatus } from '../frozen-status.js';
import { commentBody, syncComment } from '../../write/sticky-comment.js';
import { stampOf } from '../../read/comment-stamp.js';

/** What a run shares across the pull requests it evaluates. */
export interface PullRequestRun {
  policies: PolicyReader;
  identity: Promise<GateIdentity>;
  /** A sweep's one listing of every open pull request, where each finds those sharing its head. */
  openListing?: OpenListing;
}

/**
 * A run whose facts are older than this when it is about to write reads them again first, so a
 * stale verdict is rarely posted at all (the confirming round replaces one that is). Counted from
 * GitHub's answer with the pull request (PullRequestReading.readAt): time a run waited before its
 * reads were answered (queued behind other requests, say) does not make its facts older.
 */
const SLOW_RUN_MS = 2000;
const MAX_ATTEMPTS = 3;
/** What an attempt returns when it found the pull request changed under it. */
const EVALUATE_AGAIN = Symbol('evaluate again');

/**
 * Evaluates one pull request and reports on it: one round of reads, one round of writes (only
 * what changed), then one round that confirms the facts did not move and the verdict stands.
 */
export async function gatePullRequest(
  client: GitHubClient,
  request: PullRequestRequest,
  settings: GateSettings,
  log: GateLog,
  run: PullRequestRun,
): Promise<GateOutcome> {
  const status = { sha: request.statusSha ?? request.listed?.headSha ?? request.payloadHeadSha };
  return withErrorStatus(client, request.repository, status, settings, async () => {
    let current = { ...request, openListing: request.openListing ?? run.openListing };
    let shared = run;
    const warned = new Set<string>();
    for (let number = 1; ; number++) {
      const result = await attemptPullRequest({
        client,
        request: current,
        settings,
        log,
        run: shared,
        status,
        number,
        warned,
      });
      if (result !== EVALUATE_AGAIN) return result;
      // Evaluated again from a fresh read, not from the sweep's listing nor the run's copy of the policy.
      current = { ...current, listed: undefined, openListing: undefined };
      shared = { ...shared, policies: shared.policies.afresh?.() ?? shared.policies };
    }
  });
}

/** One attempt's inputs: the run's, the pull request's, and which attempt this is. */
interface Attempt {
  client: GitHubClient;
  request: PullRequestRequest;
  settings: GateSettings;
  log: GateLog;
  run: PullRequestRun;
  /** Where an error status goes if the attempt throws: the commit, once the reads have named it. */
  status: { sha: string | null };
  /** 1 for the first attempt; the last one may not ask for another. */
  number: number;
  /** Foreign-verdict notices already warned about by an earlier attempt. */
  warned: Set<string>;
}

/** The verdict one attempt judged, with everything its writes and its confirmation need. */
interface Judged {
  reading: PullRequestReading;
  own: ReturnType<typeof verdictFor>;
  verdict: Verdict;
  foreign: ReturnType<typeof foreignVerdicts>;
  noted: (replaced: boolean) => string;
  outcome: GateOutcome;
  /** The facts the verdict was computed from, and how to read them again. */
  mine: FactsStamp;
  freshFacts: () => Promise<FactsStamp>;
  /** When GitHub's answer with the pull request arrived. */
  readAt: number;
}

/**
 * One attempt, in three steps: read and judge the pull request on its commit; make sure no run
 * that read newer facts has already reported (else write nothing, or evaluate again); write, then
 * confirm the facts did not move and the verdict stands.
 */
async function attemptPullRequest(attempt: Attempt): Promise<GateOutcome | typeof EVALUATE_AGAIN> {
  const judged = await judgeOnCommit(attempt);
  if (!('reading' in judged)) return judged;
  const standing = await newestFactsFirst(attempt, judged);
  if (standing !== 'write') return standing;
  return writeAndConfirm(attempt, judged);
}

/** Step 1: the reads, this pull request's verdict, and the strictest verdict for its commit. */
async function judgeOnCommit(attempt: Attempt): Promise<Judged | GateOutcome> {
  const { client, request, settings, log, run, status } = attempt;
  const reading = await readPullRequest(client, request, settings, run.policies, run.identity);
  const { pr, identity } = reading;
  if (pr.state === 'closed') return skipped(`Pull request #${pr.number} is closed; it is not evaluated.`);
  status.sha = reading.statusSha;
  const own = verdictFor(reading, settings);
  const others = await commitVerdicts(client, request, reading, settings, run);
  // A release whose tag points at the commit has its say too (a merge queue's commit has no tag).
  if (identity.releases === null && request.statusSha === null)
    log.warning(
      `The newest releases could not be read with the identity query, so a release whose tag points at ${reading.statusSha.slice(0, 7)} is not weighed in this verdict.`,
    );
  const releases =
    request.statusSha === null
      ? await releaseVerdicts(
          client,
          request.repository,
          reading.statusSha,
          identity.releases,
          request.defaultBranch,
          run.policies,
          settings,
        )
      : [];
  const posting = strictest(own, [...others, ...releases]);
  // A success stands over the commit's other pull requests only when every one of them is known.
  if (posting.verdict.state === 'success' && !reading.sharersComplete) throw tooManyToTell(reading.statusSha);
  const notes: string[] = [];
  let verdict: Verdict = { ...posting.verdict, sha: reading.statusSha };
  if (posting.release !== undefined) {
    verdict = { ...verdict, description: `Release ${posting.release}: ${posting.verdict.description}` };
    notes.push(releaseVerdictNote(settings.checkName, settings.reportAs, reading.statusSha, posting.release));
  } else if (posting.number !== pr.number && request.statusSha !== null) {
    verdict = { ...verdict, description: `#${posting.number}: ${posting.verdict.description}` };
    notes.push(mergeGroupNote(settings.checkName, settings.reportAs, reading.statusSha, posting.number));
  } else if (posting.number !== pr.number) {
    verdict = { ...verdict, description: `#${posting.number}: ${posting.verdict.description}` };
    notes.push(sharedHeadNote(settings.checkName, settings.reportAs, reading.statusSha, posting.number));
  }
  const foreign = foreignVerdicts(reading.posted, identity);
  // The notes with what became of foreign verdicts: replaced, unless GitHub refused the write.
  const noted = (replaced: boolean): string => {
    const said = [...notes, ...foreignNotices(foreign, reading.statusSha, settings.checkName, replaced)];
    return said.length === 0 ? own.outcome.markdown : `${own.outcome.markdown}\n${said.join('\n\n')}\n`;
  };
  const outcome: GateOutcome = {
    ...own.outcome,
    ...(request.statusSha !== null && posting.number !== pr.number && groupResult(posting)),
    markdown: noted(true),
  };

  const mine = factsOfReading(reading);
  const freshFacts = () => readFactsNow(client, request.repository, reading, settings);
  return { reading, own, verdict, foreign, noted, outcome, mine, freshFacts, readAt: reading.readAt };
}

/**
 * Step 2: the comment may carry a verdict on newer facts, and a slow run may have been overtaken:
 * a fresh read decides whether this run writes, writes nothing (a newer verdict stands), or
 * evaluates again.
 */
async function newestFactsFirst(
  attempt: Attempt,
  judged: Judged,
): Promise<'write' | GateOutcome | typeof EVALUATE_AGAIN> {
  const { log } = attempt;
  const { reading, mine, freshFacts, readAt } = judged;
  const mayAskAgain = attempt.number < MAX_ATTEMPTS;
  const existing = reading.ownComments[0] ?? null;
  const stamp = existing ? stampOf(existing) : null;
  let checked = false;
  if (compareStamp(stamp, mine) === 'ask' && stamp !== null) {
    // The comment may carry a verdict on newer facts: a fresh read decides whose verdict stands.
    checked = true;
    const fresh = await freshFacts();
    switch (settleWithFresh(stamp, mine, fresh)) {
      case 'theirs':
        log.info(
          `A run that read newer facts (${stamp.evaluated}) has already reported; this run (${mine.evaluated}) writes nothing.`,
        );
        return standingOutcome(stamp);
      case 'again':
        if (mayAskAgain) {
          log.info(
            `The pull request changed while this run evaluated it (${fresh.evaluated}); evaluating again.`,
          );
          return EVALUATE_AGAIN;
        }
        break;
      case 'forged':
        log.warning(
          `The gate's comment claims facts from ${stamp.evaluated}, newer than the pull request as read now (${fresh.evaluated}); the claim is ignored and this run's verdict is posted.`,
        );
        break;
      case 'write':
        break;
    }
  }
  if (!checked && mayAskAgain && Date.now() - readAt > SLOW_RUN_MS && (await moved(freshFacts, mine, log)))
    return EVALUATE_AGAIN;
  return 'write';
}

/** Step 3: one round of writes (only what changed), then the confirmation round. */
async function writeAndConfirm(
  attempt: Attempt,
  judged: Judged,
): Promise<GateOutcome | typeof EVALUATE_AGAIN> {
  const { client, request, settings, log, warned } = attempt;
  const { reading, own, verdict, foreign, noted, outcome, mine, freshFacts } = judged;
  const { pr, identity } = reading;
  const existing = reading.ownComments[0] ?? null;
  const mayAskAgain = attempt.number < MAX_ATTEMPTS;
  // A pull request no longer gated gets no comment, but one it already has says so.
  const writeComment = own.gated
    ? settings.comment === 'always' ||
      (settings.comment === 'on-failure' && (!own.passed || existing !== null))
    : existing !== null;
  // A status is posted only when the verdict on the commit changes: GitHub keeps at most 1,000
  // per commit and context. Skipping is safe only because every run confirms afterwards, with a
  // read made after its facts were read, that the latest status is its verdict (confirmWrites).
  let expected = verdict;
  const writeStatus = !alreadyPosted(reading.posted, verdict, identity, settings);
  // Runs that created a comment at the same time: the one on the newest facts is kept.
  const pick = async (mineComment: IssueComment, rivals: IssueComment[]) => {
    const rival = rivals
      .map((comment) => ({ comment, stamp: stampOf(comment) }))
      .filter((entry) => entry.stamp !== null && compareStamp(entry.stamp, mine) === 'ask')
      .sort((a, b) => ((b.stamp?.evaluated ?? '') > (a.stamp?.evaluated ?? '') ? 1 : -1))[0];
    if (!rival?.stamp) return mineComment;
    const fresh = await freshFacts();
    return settleWithFresh(rival.stamp, mine, fresh) === 'theirs' ? rival.comment : mineComment;
  };
  const publish = (problems: PermissionProblems, posting: Verdict) =>
    publishVerdict(client, request.repository, posting, settings, problems);
  try {
    const problems = await writeWithPermissions(log, (problems) =>
      settleAll([
        writeStatus ? publish(problems, verdict) : Promise.resolve(),
        writeComment
          ? problems.attempt('pull-requests: write', async () => {
              const newStamp = { ...mine, state: verdict.state, description: verdict.description };
              const body = commentBody(settings.checkName, newStamp, outcome.markdown);
              const sync = await syncComment(
                client,
                request.repository,
                pr.number,
                existing,
                body,
                { checkName: settings.checkName, identity },
                pick,
              );
              log.info(`Report comment: ${sync.action}.`);
              const kept = sync.kept ? stampOf(sync.kept) : null;
              if (kept && sync.kept?.body !== body) {
                // A concurrent run judged newer facts: the status must show its verdict, not this one.
                log.info(`A concurrent run judged newer facts (${kept.evaluated}); its verdict stands.`);
                expected = { ...verdict, state: kept.state, description: kept.description };
                await publish(problems, expected);
              }
            })
          : Promise.resolve(),
      ]),
    );
    // A run held up (retries, a slow network) may write after a newer run, and a run that skipped
    // its write may have compared with a status that an older run then replaced: every run reads
    // its facts and the latest verdict again after writing, and evaluates again if they moved.
    // A token that may not post verdicts leaves nothing to confirm: the verdict is only in the job.
    if (problems.refused('statuses: write') || problems.refused('checks: write'))
      return { ...outcome, markdown: noted(false) };
    const confirmed = await confirmWrites(
      {
        subject: 'pull request',
        now: () => readFactsAndVerdictsNow(client, request.repository, reading, settings),
      },
      mine,
      expected,
      identity,
      settings,
      log,
      async (posting) => void (await writeWithPermissions(log, (again) => publish(again, posting))),
    );
    if (confirmed === 'moved') {
      if (mayAskAgain) return EVALUATE_AGAIN;
      throw new Error(
        'the pull request kept changing while the gate evaluated it; the verdict posted may be stale, so an error stands until the next run',
      );
    }
  } catch (error) {
    if (!(error instanceof StatusFrozen)) throw error;
    for (const notice of foreignNotices(foreign, reading.statusSha, settings.checkName, false))
      log.warning(notice);
    return frozenStatus(client, request, reading, settings, log, {
      outcome: { ...own.outcome, markdown: noted(false) },
      stamp: { ...mine, state: 'error', description: verdict.description },
    });
  }
  // Warned only once the write happened; an attempt evaluated again warns only about what the earlier ones did not.
  for (const notice of foreignNotices(foreign, reading.statusSha, settings.checkName)) {
    if (!warned.has(notice)) log.warning(notice);
    warned.add(notice);
  }
  return outcome;
}

async function moved(fresh: () => Promise<FactsStamp>, mine: FactsStamp, log: GateLog): Promise<boolean> {
  const now = await fresh();
  if (sameFacts(now, mine)) return false;
  log.info(`The pull request changed while this run evaluated it (${now.evaluated}); evaluating again.`);
  return true;
}
