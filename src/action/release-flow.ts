import type { EvaluationContext } from '../evaluate/context.js';
import { factsNeeded } from '../evaluate/plan-facts.js';
import { parseChecklist } from '../checklist/parse.js';
import type { GitHubClient } from '../github/client.js';
import { getRelease } from '../github/releases.js';
import { withErrorStatus } from './error-status.js';
import { judge, outcomeOf, skipped, toPolicyLoad, verdictOf } from './evaluation.js';
import { gatherFacts } from './gather-facts.js';
import { learnIdentity } from './identity.js';
import type { GateOutcome } from './outcome.js';
import { foreignNotice, foreignVerdicts } from './posted-verdicts.js';
import { postedVerdicts } from './read-pull-request.js';
import type { PolicyReader } from './policy-reader.js';
import { publishVerdict, writeWithPermissions } from './publish.js';
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
    const [release, policyText, identity, posted] = await Promise.all([
      getRelease(client, repository, target.releaseId),
      policies(target.defaultBranch),
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
    const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase);
    if (load.ok && !load.policy.gate.releases) {
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
    const context: EvaluationContext = {
      event: 'release',
      baseBranch: null,
      labels: [],
      changedPaths: null,
      description: release.body,
    };
    const doc = load.ok ? parseChecklist(release.body) : null;
    const facts =
      doc && load.ok
        ? await gatherFacts(client, factsNeeded(doc, load.policy, settings.serverHost, context), {
            repository,
            host: settings.serverHost,
            commit: target.sha,
            pullNumber: null,
            edit: null,
            maxLinks: load.policy.verification.maxLinks,
          })
        : null;
    const report = judge(doc, load, settings.policyPath, context, facts);
    const judged = outcomeOf(report, settings.checkName, load, { policyUrl: null, runUrl: settings.runUrl });
    const outcome = { ...judged, markdown: noticed(judged.markdown) };
    await writeWithPermissions(log, (problems) =>
      publishVerdict(client, repository, verdictOf(report, target.sha, outcome.markdown), settings, problems),
    );
    return outcome;
  });
}
