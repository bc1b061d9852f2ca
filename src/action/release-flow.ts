import type { GitHubClient } from '../github/client.js';
import { withErrorStatus } from './error-status.js';
import { judge, outcomeOf, skipped, verdictOf } from './evaluation.js';
import { learnIdentity } from './identity.js';
import type { GateOutcome } from './outcome.js';
import { foreignNotice, foreignVerdicts } from './posted-verdicts.js';
import { postedVerdicts } from './read-pull-request.js';
import type { PolicyReader } from './policy-reader.js';
import { publishVerdict, writeWithPermissions } from './publish.js';
import { readRelease } from './read-release.js';
import type { GateLog, GateSettings } from './settings.js';
import type { Target } from './target.js';

/** Evaluates a release's description against the default branch's policy and posts on its commit. */
export async function gateRelease(
  client: GitHubClient,
  target: Extract<Target, { kind: 'release' }>,
  settings: GateSettings,
  log: GateLog,
  policies: PolicyReader,
): Promise<GateOutcome> {
  const { repository } = target;
  return withErrorStatus(client, repository, { sha: target.sha }, settings, async () => {
    const [reading, identity, posted] = await Promise.all([
      readRelease(
        client,
        {
          repository,
          defaultBranch: target.defaultBranch,
          sha: target.sha,
          release: { id: target.releaseId },
        },
        settings,
        policies,
      ),
      learnIdentity(client),
      postedVerdicts(client, repository, target.sha, settings),
    ]);
    // A verdict on the release commit that another identity posted is replaced, and said so.
    const notices = foreignVerdicts(posted, identity).map((foreign) =>
      foreignNotice(foreign, target.sha, settings.checkName),
    );
    for (const notice of notices) log.warning(notice);
    const noticed = (markdown: string) =>
      notices.length === 0 ? markdown : `${markdown}\n${notices.join('\n\n')}\n`;
    const { load, doc, facts, context } = reading;
    if (!reading.gated) {
      const description = 'Not gated: the policy does not gate releases';
      const outcome = { ...skipped(description), markdown: noticed(skipped(description).markdown) };
      await writeWithPermissions(log, (problems) =>
        publishVerdict(
          client,
          repository,
          { sha: target.sha, state: 'success', description, markdown: outcome.markdown },
          settings,
          problems,
        ),
      );
      return outcome;
    }
    const report = judge(doc, load, settings.policyPath, context, facts);
    const judged = outcomeOf(report, settings.checkName, load);
    const outcome = { ...judged, markdown: noticed(judged.markdown) };
    await writeWithPermissions(log, (problems) =>
      publishVerdict(client, repository, verdictOf(report, target.sha, outcome.markdown), settings, problems),
    );
    return outcome;
  });
}
