/** The flow of a sweep (schedule, push): every open pull request evaluated again, a few at a time. */
import type { GitHubClient } from '../../github/client.js';
import {
  listOpenPullRequests,
  openPullRequestsWithHead,
  type OpenListing,
} from '../../github/pull-request-list.js';
import type { PullRequest } from '../../github/pull-requests.js';
import { safeInline } from '../../report/safe-text.js';
import { toPolicyLoad } from '../../read/policy-load.js';
import type { GateOutcome } from '../outcome.js';
import type { PolicyReader } from '../../read/policy-reader.js';
import type { PullRequestRequest } from '../../read/read-pull-request.js';
import { gatingOf } from '../../evaluate/gating.js';
import type { GateLog, GateSettings } from '../settings.js';
import type { Target } from '../target.js';

/** Pull requests evaluated at once in a sweep: few enough to stay clear of secondary rate limits. */
const CONCURRENCY = 4;

type SweepTarget =
  Extract<Target, { kind: 'commit' }> | (Extract<Target, { kind: 'sweep' }> & { defaultBranch: string });

interface Row {
  number: number;
  url: string;
  result: GateOutcome['result'];
  description: string;
}

export interface SweepRun {
  policies: PolicyReader;
  /** The pull-request flow for one pull request, given by the dispatcher: no flow imports another. */
  gateOne: (request: PullRequestRequest) => Promise<GateOutcome>;
  /** Every open pull request, read once for the run and shared with each pull request's own reads. */
  openListing: OpenListing;
}

/**
 * Evaluates many pull requests, each exactly as on its own `pull_request` event: every open one
 * into a gated branch (a schedule, a push to the base, a manual run), or those whose head is a
 * commit (a completed workflow run). The job fails only when an evaluation errors: the verdicts
 * live in each pull request's own status.
 */
export async function gateSweep(
  client: GitHubClient,
  target: SweepTarget,
  settings: GateSettings,
  log: GateLog,
  run: SweepRun,
): Promise<GateOutcome> {
  const { repository, defaultBranch } = target;
  const gated = async (pull: PullRequest) => {
    const load = await toPolicyLoad(await run.policies(pull.baseRef), settings);
    // An invalid policy gates everything: its error is posted, never skipped.
    return !load.ok || gatingOf(load.policy, pull, defaultBranch).gated;
  };
  let candidates: PullRequest[];
  let complete: boolean;
  let named: number[] = [];
  if (target.kind === 'commit' && target.numbers.length > 0) {
    named = target.numbers;
    candidates = [];
    complete = true;
  } else if (target.kind === 'commit') {
    // Found in the listing of open pull requests, which holds those from forks: GitHub's pull
    // requests of a commit, and a workflow run's own list, leave them out.
    const withHead = await openPullRequestsWithHead(client, repository, target.sha, run.openListing);
    candidates = withHead.pulls;
    complete = withHead.complete;
    if (!complete)
      log.warning(
        `More open pull requests than checklist-gate lists at once: a pull request whose head is ${target.sha.slice(0, 7)} may not be evaluated again until its next event.`,
      );
  } else {
    let gatedSeen = 0;
    const listing = await listOpenPullRequests(client, repository, target.base, async (page) => {
      for (const pull of page) if (await gated(pull)) gatedSeen++;
      return gatedSeen > settings.maxPulls;
    });
    candidates = listing.pulls;
    complete = listing.complete;
  }
  const selected: PullRequest[] = [];
  let notGated = 0;
  let leftOver = 0;
  for (const pull of candidates) {
    if (!(await gated(pull))) notGated++;
    else if (selected.length < settings.maxPulls) selected.push(pull);
    else leftOver++;
  }
  // Every open pull request is known when the listing was whole and unfiltered: shared heads are found in it.
  const openPulls = target.kind === 'sweep' && target.base === null && complete ? candidates : null;
  const requests: PullRequestRequest[] = [
    ...named.slice(0, settings.maxPulls).map((number) => ({
      repository,
      number,
      defaultBranch,
      payloadBase: null,
      payloadHeadSha: target.kind === 'commit' ? target.sha : null,
      statusSha: null,
      edit: null,
    })),
    ...selected.map((pull) => ({
      repository,
      number: pull.number,
      defaultBranch,
      payloadBase: pull.baseRef,
      payloadHeadSha: pull.headSha,
      statusSha: null,
      edit: null,
      listed: pull,
      openPulls,
    })),
  ];
  leftOver += Math.max(0, named.length - settings.maxPulls);
  const rows: Row[] = new Array<Row>(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index] as PullRequestRequest;
      const url = `https://github.com/${repository.owner}/${repository.repo}/pull/${request.number}`;
      try {
        const outcome = await run.gateOne(request);
        rows[index] = {
          number: request.number,
          url,
          result: outcome.result,
          description: outcome.description,
        };
      } catch (error) {
        const description = `could not be evaluated: ${(error as Error).message}`;
        log.warning(`#${request.number} ${description}`);
        rows[index] = { number: request.number, url, result: 'error', description };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, requests.length) }, worker));
  const skippedClosed = rows.filter((row) => row.result === 'skip' && row.description.includes('closed'));
  const done = rows.filter((row) => !skippedClosed.includes(row));
  const errors = done.filter((row) => row.result === 'error').length;
  const counts = [
    `${done.length} evaluated`,
    `${notGated} skipped (not gated)`,
    ...(skippedClosed.length > 0 ? [`${skippedClosed.length} skipped (closed)`] : []),
    `${leftOver}${complete ? '' : ' or more'} left for the next run (max-pulls ${settings.maxPulls})`,
  ].join(', ');
  const what =
    target.kind === 'commit'
      ? `pull requests whose head is ${target.sha.slice(0, 7)}`
      : `open pull requests (${target.reason})`;
  const description = `Swept ${what}: ${counts}`;
  const table = [
    '| Pull request | Verdict | Result |',
    '| --- | --- | --- |',
    ...done.map(
      (row) =>
        `| [#${row.number}](${row.url}) | ${row.result} | ${safeInline(row.description, 200).replace(/\|/g, '\\|')} |`,
    ),
  ];
  return {
    result: errors > 0 ? 'error' : done.every((row) => row.result !== 'fail') ? 'pass' : 'fail',
    report: null,
    markdown: `### ${safeInline(settings.checkName, 100)}: sweep\n\n${description}.\n\n${done.length > 0 ? table.join('\n') + '\n' : ''}`,
    missing: [],
    description: errors > 0 ? `${description}; ${errors} could not be evaluated` : description,
    results: Object.fromEntries(rows.map((row) => [String(row.number), row.result])),
    sweep: true,
  };
}
