import { RELEASES_NOT_GATED } from '../../evaluate/gating.js';
import type { GitHubClient } from '../../github/client.js';
import { openPullRequestsWithHead } from '../../github/pull-request-list.js';
import { withErrorStatus } from '../error-status.js';
import { judge } from '../../evaluate/judge.js';
import { loadedPolicy, outcomeOf, recorded, skipped, verdictOf } from '../outcome.js';
import { learnIdentity } from '../../read/identity.js';
import type { GateOutcome } from '../outcome.js';
import { foreignNotices, foreignVerdicts } from '../posted-verdict-rules.js';
import { postedVerdicts } from '../../read/posted-verdicts.js';
import type { PolicyReader } from '../../read/policy-reader.js';
import { publishVerdict, writeWithPermissions, type Verdict } from '../../write/publish.js';
import { otherVerdict, tooManyToTell } from '../commit-verdicts.js';
import { readRelease } from '../../read/read-release.js';
import { releaseSharedHeadNote } from '../../report/shared-commit-notes.js';
import { factsOfRelease, readReleaseFactsNow } from '../../read/release-facts.js';
import { confirmWrites } from '../confirm-writes.js';
import type { GateIdentity } from '../../read/identity.js';
import type { GateLog, GateSettings } from '../settings.js';
import { strictest, type CommitVerdict } from '../shared-commit.js';
import type { Target } from '../target.js';

/** Evaluates a release's description against the default branch's policy and posts on its commit. */
export async function gateRelease(
  client: GitHubClient,
  target: Extract<Target, { kind: 'release' }>,
  settings: GateSettings,
  log: GateLog,
  policies: PolicyReader,
): Promise<GateOutcome> {
  return withErrorStatus(client, target.repository, { sha: target.sha }, settings, async () => {
    const identityRead = learnIdentity(client);
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptRelease(client, target, settings, log, policies, identityRead, attempt);
      if (outcome !== AGAIN) return outcome;
    }
  });
}

/** How many times a run evaluates a release that keeps changing while it is evaluated. */
const MAX_ATTEMPTS = 3;
const AGAIN = Symbol('again');

/**
 * One evaluation of the release: read, judge, post, then confirm with a fresh read that the facts
 * did not move meanwhile (else AGAIN) and that the latest verdict on the commit is this one.
 */
async function attemptRelease(
  client: GitHubClient,
  target: Extract<Target, { kind: 'release' }>,
  settings: GateSettings,
  log: GateLog,
  policies: PolicyReader,
  identityRead: Promise<GateIdentity>,
  attempt: number,
): Promise<GateOutcome | typeof AGAIN> {
  const { repository } = target;
  // Evaluated again from a fresh read of the policy, never the run's cached copy.
  const policiesNow = attempt === 1 ? policies : (policies.afresh?.() ?? policies);
  const [reading, identity, posted, associated] = await Promise.all([
    readRelease(
      client,
      {
        repository,
        defaultBranch: target.defaultBranch,
        sha: target.sha,
        release: { id: target.releaseId },
      },
      settings,
      policiesNow,
    ),
    identityRead,
    postedVerdicts(client, repository, target.sha, settings),
    openPullRequestsWithHead(client, repository, target.sha),
  ]);
  // The commit may be open pull requests' head too: the status posted is the strictest of all.
  const others = {
    repository,
    defaultBranch: target.defaultBranch,
    settings,
    policies: policiesNow,
    identity: identityRead,
  };
  // Pull requests from forks included; a success stands only when every one is known.
  const sharers = await Promise.all(
    associated.pulls
      .filter((pull) => pull.state === 'open')
      .map((pull) => otherVerdict(client, others, pull)),
  );
  const sharing = (mine: CommitVerdict) => {
    const posting = strictest(mine, sharers);
    if (posting.verdict.state === 'success' && !associated.complete) throw tooManyToTell(target.sha);
    return posting;
  };
  // A verdict on the release commit that another identity posted is replaced, and said so.
  const notices = foreignNotices(foreignVerdicts(posted, identity), target.sha, settings.checkName);
  // Warned once the write happened: a refused write is never said to have replaced anything.
  const warn = () => notices.forEach((notice) => log.warning(notice));
  const noticed = (markdown: string) =>
    notices.length === 0 ? markdown : `${markdown}\n${notices.join('\n\n')}\n`;
  const { load, doc, facts, context } = reading;
  // Posted, then confirmed after every write has been answered (see confirmWrites): a release
  // edited, or a policy pushed, meanwhile is evaluated again; a later write by an older run is replaced.
  const post = (verdict: Verdict) =>
    writeWithPermissions(log, (problems) => publishVerdict(client, repository, verdict, settings, problems));
  const postAndConfirm = async (verdict: Verdict) => {
    const problems = await post(verdict);
    // A token that may not post verdicts leaves nothing to confirm: the verdict is only in the job.
    if (problems.refused('statuses: write') || problems.refused('checks: write')) return 'confirmed';
    const result = await confirmWrites(
      {
        subject: 'release',
        // The release's confirm stays two REST reads at once (its facts are not a pull request's).
        now: async () => {
          const [facts, posted] = await Promise.all([
            readReleaseFactsNow(client, repository, reading, target.defaultBranch, settings.policyPath),
            postedVerdicts(client, repository, target.sha, settings),
          ]);
          return { facts, posted };
        },
      },
      factsOfRelease(reading),
      verdict,
      identity,
      settings,
      log,
      async (again) => void (await post(again)),
    );
    if (result === 'moved' && attempt >= MAX_ATTEMPTS)
      throw new Error(
        'the release kept changing while the gate evaluated it; the verdict posted may be stale, so an error stands until the next run',
      );
    return result;
  };
  if (!reading.gated) {
    const description = RELEASES_NOT_GATED;
    const outcome = { ...skipped(description), markdown: noticed(skipped(description).markdown) };
    const own = { sha: target.sha, state: 'success' as const, description, markdown: outcome.markdown };
    const mine = { number: null, release: reading.release.tagName, gated: false, verdict: own };
    const posting = sharing(mine);
    if ((await postAndConfirm(onCommit(posting, own, target.sha))) === 'moved') return AGAIN;
    warn();
    return { ...outcome, markdown: withSharedNote(outcome.markdown, posting, target.sha, settings) };
  }
  const report = recorded(judge(doc, load, settings.policyPath, context, facts), {
    repository: `${repository.owner}/${repository.repo}`,
    release: reading.release.tagName,
    headSha: target.sha,
    policy: loadedPolicy(load),
    policyPath: settings.policyPath,
    policyRef: target.defaultBranch,
    description: reading.release.body,
    labels: [],
    event: settings.eventName ?? 'check',
    postedAs: identity.login,
  });
  const judged = outcomeOf(report, settings.checkName, load, { policyUrl: null, runUrl: settings.runUrl });
  const outcome = { ...judged, markdown: noticed(judged.markdown) };
  const own = verdictOf(report, target.sha, outcome.markdown);
  const mine = { number: null, release: reading.release.tagName, gated: true, verdict: own };
  const posting = sharing(mine);
  if ((await postAndConfirm(onCommit(posting, own, target.sha))) === 'moved') return AGAIN;
  warn();
  return { ...outcome, markdown: withSharedNote(outcome.markdown, posting, target.sha, settings) };
}

/** The verdict to post: the release's own, or a sharing pull request's, named by its number. */
function onCommit(posting: CommitVerdict, own: Verdict, sha: string): Verdict {
  if (posting.number === null) return own;
  return { ...posting.verdict, sha, description: `#${posting.number}: ${posting.verdict.description}` };
}

function withSharedNote(
  markdown: string,
  posting: CommitVerdict,
  sha: string,
  settings: GateSettings,
): string {
  if (posting.number === null) return markdown;
  return `${markdown}\n${releaseSharedHeadNote(settings.checkName, settings.reportAs, sha, posting.number)}\n`;
}
