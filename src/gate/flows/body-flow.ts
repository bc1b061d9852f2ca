/** The flow of a given text (workflow_dispatch): judged, nothing posted. */
import { parseChecklist } from '../../checklist/parse.js';
import type { EvaluationContext } from '../../evaluate/context.js';
import { factsNeeded } from '../../evaluate/plan-facts.js';
import type { GitHubClient } from '../../github/client.js';
import { judge } from '../../evaluate/judge.js';
import { loadedPolicy, outcomeOf, recorded } from '../outcome.js';
import { toPolicyLoad } from '../../read/policy-load.js';
import { gatherFacts } from '../../read/gather-facts.js';
import type { GateOutcome } from '../outcome.js';
import type { PolicyReader } from '../../read/policy-reader.js';
import type { GateSettings } from '../settings.js';
import type { Target } from '../target.js';

/** A given text (workflow_dispatch): evaluated against the default branch's policy, nothing posted. */
export async function gateBody(
  client: GitHubClient,
  target: Extract<Target, { kind: 'body' }>,
  settings: GateSettings,
  policies: PolicyReader,
): Promise<GateOutcome> {
  const load = await toPolicyLoad(await policies(target.defaultBranch), settings);
  const context: EvaluationContext = {
    event: 'pull_request',
    baseBranch: target.defaultBranch,
    labels: [],
    changedPaths: null,
  };
  const doc = load.ok ? parseChecklist(target.body) : null;
  const facts =
    doc && load.ok
      ? await gatherFacts(client, factsNeeded(doc, load.policy, settings.serverHost, context), {
          repository: target.repository,
          host: settings.serverHost,
          commit: null,
          pullNumber: null,
          edit: null,
          maxLinks: load.policy.verification.maxLinks,
          baseBranch: target.defaultBranch,
          author: null,
        })
      : null;
  const report = recorded(judge(doc, load, settings.policyPath, context, facts), {
    repository: `${target.repository.owner}/${target.repository.repo}`,
    headSha: null,
    baseRef: target.defaultBranch,
    policy: loadedPolicy(load),
    policyPath: settings.policyPath,
    policyRef: target.defaultBranch,
    description: target.body,
    labels: [],
    event: settings.eventName ?? 'check',
    // A given text is judged, and nothing is posted.
    postedAs: null,
  });
  return outcomeOf(report, settings.checkName, load);
}
