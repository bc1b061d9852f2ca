import type { GitHubClient } from '../github/client.js';
import type { OpenListing } from '../github/pull-request-list.js';
import { getPullRequest, type PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { approversOfHead } from '../github/reviews.js';
import type { IssueComment } from '../github/comments.js';
import { withErrorStatus } from './error-status.js';
import { otherVerdict, tooManyToTell, verdictFor, type OtherPullsContext } from './commit-verdicts.js';
import { skipped } from './evaluation.js';
import { mergeGroupPullRequests } from './merge-group.js';
import type { GateIdentity } from './identity.js';
import { compareStamp, factsRead, sameFacts, settleWithFresh, type FactsRead } from './newest-facts.js';
import type { GateOutcome } from './outcome.js';
import type { PolicyReader } from './policy-reader.js';
import { alreadyPosted, foreignNotices, foreignVerdicts, postedKinds } from './posted-verdicts.js';
import { publishVerdict, writeWithPermissions, type Verdict } from './publish.js';
import { readPullRequest, type PullRequestReading, type PullRequestRequest } from './read-pull-request.js';
import { releaseVerdicts } from './release-verdict.js';
import type { GateLog, GateSettings } from './settings.js';
import { strictest, type CommitVerdict } from './shared-commit.js';
import { commentBody, stampOf, syncComment } from './sticky-comment.js';

/** What a run shares across the pull requests it evaluates. */
export interface PullRequestRun {
  policies: PolicyReader;
  identity: Promise<GateIdentity>;
  /** A sweep posts no status where the gate's own latest one already says the same. */
  sweep: boolean;
  /** A sweep's one listing of every open pull request, where each finds those sharing its head. */
  openListing?: OpenListing;
}

/** A run slower than this between reading and writing, or in writing, reads the pull request again. */
const SLOW_RUN_MS = 2000;
const MAX_ATTEMPTS = 3;
/** Returned by an attempt that found the pull request changed under it. */
const RESTART = Symbol('restart');

/** Evaluates one pull request and reports on it: one round of reads, then one round of writes. */
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
    const warned = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptPullRequest(client, current, settings, log, run, status, attempt, warned);
      if (outcome !== RESTART) return outcome;
      // Evaluated again from a fresh read, not from the sweep's listing.
      current = { ...current, listed: undefined };
    }
  });
}

async function attemptPullRequest(
  client: GitHubClient,
  request: PullRequestRequest,
  settings: GateSettings,
  log: GateLog,
  run: PullRequestRun,
  status: { sha: string | null },
  attempt: number,
  warned: Set<string>,
): Promise<GateOutcome | typeof RESTART> {
  const mayRestart = attempt < MAX_ATTEMPTS;
  const readAt = Date.now();
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
    notes.push(
      `The \`${settings.checkName}\` ${postedKinds(settings.reportAs)} on ${reading.statusSha.slice(0, 7)} ${settings.reportAs === 'both' ? 'show' : 'shows'} the verdict of release ${posting.release}, whose tag points at this commit: ` +
        "the strictest verdict of the commit's open pull requests and its release is posted.",
    );
  } else if (posting.number !== pr.number && request.statusSha !== null) {
    verdict = { ...verdict, description: `#${posting.number}: ${posting.verdict.description}` };
    notes.push(
      `The \`${settings.checkName}\` ${postedKinds(settings.reportAs)} on the merge group ${reading.statusSha.slice(0, 7)} ${settings.reportAs === 'both' ? 'show' : 'shows'} #${posting.number}'s verdict: ` +
        'the group holds every pull request queued ahead of this one, and the strictest verdict of its pull requests is posted.',
    );
  } else if (posting.number !== pr.number) {
    verdict = { ...verdict, description: `#${posting.number}: ${posting.verdict.description}` };
    const both = settings.reportAs === 'both';
    notes.push(
      `The \`${settings.checkName}\` ${postedKinds(settings.reportAs)} on ${reading.statusSha.slice(0, 7)} ${both ? 'show' : 'shows'} #${posting.number}'s verdict: ` +
        `that pull request has the same head commit, and ${both ? 'both belong' : `a ${postedKinds(settings.reportAs)} belongs`} to the commit, so the strictest verdict of its open pull requests is posted.`,
    );
  }
  for (const notice of foreignNotices(
    foreignVerdicts(reading.posted, identity),
    reading.statusSha,
    settings.checkName,
  )) {
    notes.push(notice);
    // An attempt evaluated again after a change warns only about what the earlier ones did not.
    if (!warned.has(notice)) log.warning(notice);
    warned.add(notice);
  }
  const outcome: GateOutcome = {
    ...own.outcome,
    ...(request.statusSha !== null && posting.number !== pr.number && groupResult(posting)),
    markdown: notes.length === 0 ? own.outcome.markdown : `${own.outcome.markdown}\n${notes.join('\n\n')}\n`,
  };

  const existing = reading.ownComments[0] ?? null;
  const stamp = existing ? stampOf(existing) : null;
  const mine = factsRead(pr, reading.readsReviews ? (reading.facts?.signoffs.approvedBy ?? []) : null);
  const freshFacts = () => readFacts(client, request.repository, reading);
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
        return outcome;
      case 'again':
        if (mayRestart) {
          log.info(
            `The pull request changed while this run evaluated it (${fresh.evaluated}); evaluating again.`,
          );
          return RESTART;
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
  if (!checked && mayRestart && Date.now() - readAt > SLOW_RUN_MS && (await moved(freshFacts, mine, log)))
    return RESTART;

  // A pull request no longer gated gets no comment, but one it already has says so.
  const writeComment = own.gated
    ? settings.comment === 'always' ||
      (settings.comment === 'on-failure' && (!own.passed || existing !== null))
    : existing !== null;
  const writeStatus = !(
    run.sweep &&
    notes.length === 0 &&
    alreadyPosted(reading.posted, verdict, identity, settings)
  );
  let movedMeanwhile = false;
  // Runs that created a comment at the same time: the one on the newest facts is kept.
  const pick = async (mineComment: IssueComment, rivals: IssueComment[]) => {
    const rival = rivals
      .map((comment) => ({ comment, stamp: stampOf(comment) }))
      .filter((entry) => entry.stamp !== null && compareStamp(entry.stamp, mine) === 'ask')
      .sort((a, b) => ((b.stamp?.evaluated ?? '') > (a.stamp?.evaluated ?? '') ? 1 : -1))[0];
    if (!rival?.stamp) return mineComment;
    const fresh = await freshFacts();
    const decision = settleWithFresh(rival.stamp, mine, fresh);
    if (decision === 'again') {
      log.info(
        `The pull request changed while this run evaluated it (${fresh.evaluated}); evaluating again.`,
      );
      movedMeanwhile = true;
    }
    return decision === 'theirs' ? rival.comment : mineComment;
  };
  await writeWithPermissions(log, (problems) =>
    Promise.all([
      writeStatus
        ? publishVerdict(client, request.repository, verdict, settings, problems)
        : Promise.resolve(),
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
              await publishVerdict(
                client,
                request.repository,
                { ...verdict, state: kept.state, description: kept.description },
                settings,
                problems,
              );
            }
          })
        : Promise.resolve(),
    ]),
  );
  // A run held up (retries, a slow network) may write after a newer run: if the pull request
  // changed meanwhile, this run evaluates again, so that the last verdict written is the newest.
  if (
    mayRestart &&
    (movedMeanwhile || (Date.now() - readAt > SLOW_RUN_MS && (await moved(freshFacts, mine, log))))
  )
    return RESTART;
  return outcome;
}

/**
 * The other pull requests whose verdict counts on the commit: those GitHub associates with the
 * head, or, on a merge group's commit, every pull request queued ahead in the group.
 */
async function commitVerdicts(
  client: GitHubClient,
  request: PullRequestRequest,
  reading: PullRequestReading,
  settings: GateSettings,
  run: PullRequestRun,
): Promise<CommitVerdict[]> {
  const others: (PullRequest | number)[] =
    request.statusSha === null
      ? reading.sharingHead
      : (
          await mergeGroupPullRequests(client, request.repository, reading.pr.baseRef, reading.pr.number)
        ).filter((number) => number !== reading.pr.number);
  return Promise.all(others.map((other) => otherVerdict(client, context(request, settings, run), other)));
}

/** A merge group's job fails with the group: a workflow may require the job rather than the status. */
function groupResult(posting: CommitVerdict): Pick<GateOutcome, 'result' | 'description'> {
  const { state, description } = posting.verdict;
  const result = state === 'error' ? 'error' : state === 'failure' ? 'fail' : 'pass';
  return { result, description: `#${posting.number}: ${description}` };
}

function context(
  request: PullRequestRequest,
  settings: GateSettings,
  run: PullRequestRun,
): OtherPullsContext {
  const { repository, defaultBranch } = request;
  return { repository, defaultBranch, settings, policies: run.policies, identity: run.identity };
}

/** The pull request's facts as they are now: one request, two when the verdict depends on reviews. */
async function readFacts(
  client: GitHubClient,
  repository: Repository,
  reading: PullRequestReading,
): Promise<FactsRead> {
  const { number, headSha } = reading.pr;
  const [fresh, approvers] = await Promise.all([
    getPullRequest(client, repository, number),
    reading.readsReviews ? approversOfHead(client, repository, number, headSha) : Promise.resolve(null),
  ]);
  return factsRead(fresh, approvers);
}

async function moved(fresh: () => Promise<FactsRead>, mine: FactsRead, log: GateLog): Promise<boolean> {
  const now = await fresh();
  if (sameFacts(now, mine)) return false;
  log.info(`The pull request changed while this run evaluated it (${now.evaluated}); evaluating again.`);
  return true;
}
