/** Releases judged as verdicts on a commit: a release's own, and those of releases tagged on a pull request's head. */
import { parseChecklist } from '../checklist/parse.js';
import type { EvaluationContext } from '../evaluate/context.js';
import { factsNeeded } from '../evaluate/plan-facts.js';
import type { GitHubClient } from '../github/client.js';
import { getRelease, type Release } from '../github/releases.js';
import type { Repository } from '../github/repository.js';
import type { TaggedRelease } from '../github/viewer.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import type { Report } from '../evaluate/report.js';
import { judge } from '../evaluate/judge.js';
import { outcomeOf, verdictOf } from './outcome.js';
import { toPolicyLoad } from '../read/policy-load.js';
import { gatherFacts } from '../read/gather-facts.js';
import type { PolicyReader } from '../read/policy-reader.js';
import type { ReadSettings } from '../read/read-pull-request.js';
import type { CommitVerdict } from './shared-commit.js';

/** A release's description judged against the default branch's policy, with the facts it needs. */
export async function judgeRelease(
  client: GitHubClient,
  repository: Repository,
  release: Release,
  sha: string,
  load: PolicyLoad,
  settings: Pick<ReadSettings, 'serverHost' | 'policyPath'>,
): Promise<Report> {
  const context: EvaluationContext = { event: 'release', baseBranch: null, labels: [], changedPaths: null };
  const doc = load.ok ? parseChecklist(release.body) : null;
  const facts =
    doc && load.ok
      ? await gatherFacts(client, factsNeeded(doc, load.policy, settings.serverHost, context), {
          repository,
          host: settings.serverHost,
          commit: sha,
          pullNumber: null,
          edit: null,
          maxLinks: load.policy.verification.maxLinks,
          baseBranch: null,
          author: release.author,
        })
      : null;
  return judge(doc, load, settings.policyPath, context, facts);
}

/**
 * The verdicts of the gated releases whose tag points at the commit: found in the releases the
 * identity query listed (no request of its own), each then read and judged. None when releases
 * are not gated, and none on a merge queue's commit, which no tag points at.
 */
export async function releaseVerdicts(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  releases: TaggedRelease[] | null,
  defaultBranch: string,
  policies: PolicyReader,
  settings: Pick<
    ReadSettings,
    'serverHost' | 'policyPath' | 'readBase' | 'baseAccess' | 'orgPolicy' | 'checkName'
  >,
): Promise<CommitVerdict[]> {
  const tagged = (releases ?? []).filter((release) => release.sha === sha);
  if (tagged.length === 0) return [];
  // A release is judged by the default branch's policy, as on its own release event.
  const load = await toPolicyLoad(await policies(defaultBranch), settings);
  if (load.ok && !load.policy.gate.releases) return [];
  return Promise.all(
    tagged.map(async (tag) => {
      const release = await getRelease(client, repository, tag.id);
      const report = await judgeRelease(client, repository, release, sha, load, settings);
      const { markdown } = outcomeOf(report, settings.checkName, load);
      return { number: null, release: tag.tagName, gated: true, verdict: verdictOf(report, sha, markdown) };
    }),
  );
}
