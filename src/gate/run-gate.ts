import type { GitHubClient } from '../github/client.js';
import { getDefaultBranch } from '../github/default-branch.js';
import { sharedOpenListing } from '../github/pull-request-list.js';
import { gateBody } from './flows/body-flow.js';
import { learnIdentity } from '../read/identity.js';
import { commitAsked, firstRound } from '../read/first-round.js';
import { skipped } from './outcome.js';
import type { GateOutcome } from './outcome.js';
import { policyReader } from '../read/policy-reader.js';
import { gatePullRequest } from './flows/pull-request-flow.js';
import { gateMerged } from './flows/merged-flow.js';
import { gateRelease } from './flows/release-flow.js';
import type { GateLog, GateSettings } from './settings.js';
import { gateSweep } from './flows/sweep-flow.js';
import type { Target } from './target.js';

export type { GateLog, GateSettings } from './settings.js';

/** Evaluates what the event asks for and reports the verdicts: each flow in its own module. */
export async function runGate(
  client: GitHubClient,
  target: Target,
  settings: GateSettings,
  log: GateLog,
): Promise<GateOutcome> {
  if (target.kind === 'nothing') return nothingToDo(target.description);
  const policies = policyReader(client, target.repository, settings.policyPath);
  switch (target.kind) {
    case 'body':
      return gateBody(client, target, settings, policies);
    case 'release':
      return gateRelease(client, target, settings, log, policies);
    case 'pull_request': {
      // Asked alongside the first reads, in one GraphQL request: whose comment, statuses and check
      // runs are the gate's, the pull request, and the head commit's open pull requests and posted verdicts.
      const first = firstRound(client, target.repository, commitAsked(target, settings), target.number);
      const run = { policies, identity: first.identity };
      const outcome = await gatePullRequest(
        client,
        { ...target, commitOverview: first.commit, firstPull: first.pull },
        settings,
        log,
        run,
      );
      return { ...outcome, results: { [String(target.number)]: outcome.result } };
    }
    case 'merged': {
      const run = { policies, identity: learnIdentity(client, target.repository) };
      const outcome = await gateMerged(client, target, settings, log, run);
      return { ...outcome, results: { [String(target.number)]: outcome.result } };
    }
    case 'sweep':
    case 'commit': {
      // One identity and one listing of open pull requests serve every pull request the sweep judges.
      const run = {
        policies,
        identity: learnIdentity(client, target.repository),
        openListing: sharedOpenListing(client, target.repository),
      };
      return gateSweep(
        client,
        // Which branches an unconfigured policy gates depends on the default branch: never guessed.
        {
          ...target,
          defaultBranch: target.defaultBranch ?? (await getDefaultBranch(client, target.repository)),
        },
        settings,
        log,
        {
          policies,
          openListing: run.openListing,
          gateOne: (request) => gatePullRequest(client, request, settings, log, run),
        },
      );
    }
  }
}

function nothingToDo(description: string): GateOutcome {
  return { ...skipped(description), results: {} };
}
