/** Step 3 of a pull request's attempt: one round of writes (only what changed), then the confirmation round. */
import type { IssueComment } from '../github/comments.js';
import { stampOf } from '../read/comment-stamp.js';
import type { FactsStamp } from '../read/facts-stamp.js';
import {
  publishVerdict,
  settleAll,
  writeWithPermissions,
  type PermissionProblems,
  type Verdict,
} from '../write/publish.js';
import { StatusFrozen } from '../write/status-cap.js';
import { commentBody, syncComment } from '../write/sticky-comment.js';
import { confirmWrites } from './confirm-writes.js';
import { frozenStatus } from './frozen-status.js';
import { compareStamp, settleWithFresh } from './newest-facts.js';
import type { GateOutcome } from './outcome.js';
import { alreadyPosted, foreignNotices } from './posted-verdict-rules.js';
import { EVALUATE_AGAIN, mayAskAgain, type Attempt, type Judged } from './pull-request-attempt.js';

/**
 * Writes the status and the comment the verdict needs, then reads the facts and the latest
 * verdict again: `EVALUATE_AGAIN` when the pull request moved meanwhile.
 */
export async function writeAndConfirm(
  attempt: Attempt,
  judged: Judged,
): Promise<GateOutcome | typeof EVALUATE_AGAIN> {
  const { client, request, settings, log, warned } = attempt;
  const { reading, own, verdict, foreign, noted, outcome, mine, freshFacts, factsAndVerdictsNow } = judged;
  const { pr, identity } = reading;
  const existing = reading.ownComments[0] ?? null;
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
                commentOnNewestFacts(mine, freshFacts),
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
        now: factsAndVerdictsNow,
      },
      mine,
      expected,
      identity,
      settings,
      log,
      async (posting) => void (await writeWithPermissions(log, (again) => publish(again, posting))),
    );
    if (confirmed === 'moved') {
      if (mayAskAgain(attempt)) return EVALUATE_AGAIN;
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

/**
 * The comment race: runs that created a comment at the same time each find the others'. Of this
 * run's comment and its rivals, the one on the newest facts is kept: a rival whose stamp may be
 * newer is kept only when a fresh read shows its facts are the current ones.
 */
export function commentOnNewestFacts(
  mine: FactsStamp,
  freshFacts: () => Promise<FactsStamp>,
): (mineComment: IssueComment, rivals: IssueComment[]) => Promise<IssueComment> {
  return async (mineComment, rivals) => {
    const rival = rivals
      .map((comment) => ({ comment, stamp: stampOf(comment) }))
      .filter((entry) => entry.stamp !== null && compareStamp(entry.stamp, mine) === 'ask')
      .sort((a, b) => ((b.stamp?.evaluated ?? '') > (a.stamp?.evaluated ?? '') ? 1 : -1))[0];
    if (!rival?.stamp) return mineComment;
    const fresh = await freshFacts();
    return settleWithFresh(rival.stamp, mine, fresh) === 'theirs' ? rival.comment : mineComment;
  };
}
