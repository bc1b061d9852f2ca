/** The pull-request flow: one pull request read, judged on its commit, written and confirmed, in attempts. */
import type { GitHubClient } from '../../github/client.js';
import { factsOfReading, readFactsAndVerdictsNow, readFactsNow } from '../../read/facts-now.js';
import { readPullRequest, type PullRequestRequest } from '../../read/read-pull-request.js';
import { mergeGroupNote, releaseVerdictNote, sharedHeadNote } from '../../report/shared-commit-notes.js';
import type { Verdict } from '../../write/publish.js';
import { commitVerdicts, tooManyToTell, verdictFor } from '../commit-verdicts.js';
import { withErrorStatus } from '../error-status.js';
import { newestFactsFirst } from '../newest-facts-first.js';
import { skipped, type GateOutcome } from '../outcome.js';
import { foreignNotices, foreignVerdicts } from '../posted-verdict-rules.js';
import { EVALUATE_AGAIN, type Attempt, type Judged, type PullRequestRun } from '../pull-request-attempt.js';
import { releaseVerdicts } from '../release-verdicts.js';
import type { GateLog, GateSettings } from '../settings.js';
import { groupResult, strictest } from '../shared-commit.js';
import { writeAndConfirm } from '../write-and-confirm.js';

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
  const factsAndVerdictsNow = () => readFactsAndVerdictsNow(client, request.repository, reading, settings);
  return {
    reading,
    own,
    verdict,
    foreign,
    noted,
    outcome,
    mine,
    freshFacts,
    factsAndVerdictsNow,
    readAt: reading.readAt,
  };
}
