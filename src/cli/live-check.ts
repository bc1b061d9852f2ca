/** `check --repo`: a live pull request or release, read as the action reads it and judged by the same engine. */
import { judge } from '../evaluate/judge.js';
import { WORKFLOW_BOT } from '../read/identity.js';
import { policyReader, type PolicyReader } from '../read/policy-reader.js';
import { readPullRequest, type ReadSettings } from '../read/read-pull-request.js';
import { readRelease } from '../read/read-release.js';
import { commitSha } from '../github/commit-sha.js';
import { getDefaultBranch } from '../github/default-branch.js';
import { getReleaseByTag } from '../github/releases.js';
import type { Repository } from '../github/repository.js';
import { policyErrorReport } from '../evaluate/evaluate.js';
import { RELEASES_NOT_GATED } from '../evaluate/gating.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import type { Report } from '../evaluate/report.js';
import type { CliIO } from './cli-io.js';
import { renderNotGated } from './not-gated.js';
import { withCheckRecord } from './check-record.js';
import { baseSource, formatPolicyErrors } from './policy-file.js';
import { apiFailure, createRestClient, restSettings, type RestClient } from './rest-client.js';
import { UsageError } from './usage-error.js';

export type ReportFormat = 'text' | 'json' | 'markdown';

export interface LiveCheck {
  /** OWNER/REPO */
  repo: string;
  pr: number | null;
  release: string | null;
  /** --policy: a local file in place of the base branch's policy. */
  policyFile: string | null;
  basePolicies: string[];
  apiUrl: string | undefined;
  format: ReportFormat;
}

/**
 * `check --repo`: reads a pull request or release as the action does, with the same read modules,
 * judges it with the same engine and prints the report. It only reads: GET requests and GraphQL queries.
 */
export async function liveCheck(
  live: LiveCheck,
  io: CliIO,
  render: (report: Report, format: ReportFormat) => string,
): Promise<number> {
  const repository = parseRepository(live.repo);
  const env = io.env ?? {};
  const settings = restSettings(env, live.apiUrl);
  if (settings === null) {
    io.err(
      `checklist-gate check: --repo reads ${live.repo} from GitHub and needs a token: set GITHUB_TOKEN or GH_TOKEN (for example GH_TOKEN=$(gh auth token)) to a token that can read it.\n`,
    );
    return 2;
  }
  const client = createRestClient(settings, (message) => io.err(`checklist-gate: ${message}\n`));
  let policyText: string | null = null;
  if (live.policyFile !== null) {
    try {
      policyText = await io.readText(live.policyFile);
    } catch (error) {
      return policyFailure(io, live, {
        ok: false,
        errors: [
          {
            file: live.policyFile,
            line: null,
            column: null,
            message: `cannot read the policy: ${(error as Error).message}`,
          },
        ],
      });
    }
  }
  const policyPath = live.policyFile ?? DEFAULT_POLICY_PATH;
  const policies: PolicyReader =
    policyText !== null
      ? () => Promise.resolve(policyText)
      : policyReader(client, repository, DEFAULT_POLICY_PATH);
  const bases = baseSource(io, live.basePolicies, client);
  const read: ReadSettings = {
    serverHost: serverHost(env, settings.baseUrl),
    policyPath,
    readBase: bases.readBase,
    baseAccess: bases.access,
    // Only what posting would use; nothing is posted.
    checkName: 'checklist-gate',
    reportAs: 'both',
    comment: 'never',
  };
  try {
    const judged =
      live.pr !== null
        ? await judgePullRequest(client, repository, live.pr, read, policies, io)
        : await judgeReleaseByTag(client, repository, live.release ?? '', read, policies);
    if (judged.kind === 'not-gated') {
      io.out(renderNotGated(judged.description, live.format));
      return 0;
    }
    if (!judged.load.ok) return policyFailure(io, live, judged.load);
    io.out(render(judged.report, live.format));
    return judged.report.passed ? 0 : judged.report.conclusion === 'error' ? 2 : 1;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`checklist-gate check: ${apiFailure(error, settings.baseUrl)}\n`);
    return 2;
  }
}

type Judged =
  { kind: 'not-gated'; description: string } | { kind: 'judged'; load: PolicyLoad; report: Report };

async function judgePullRequest(
  client: RestClient,
  repository: Repository,
  number: number,
  read: ReadSettings,
  policies: PolicyReader,
  io: CliIO,
): Promise<Judged> {
  // The action learns the default branch from its event; here it is read first.
  const defaultBranch = await getDefaultBranch(client, repository);
  const reading = await readPullRequest(
    client,
    {
      repository,
      number,
      defaultBranch,
      payloadBase: null,
      payloadHeadSha: null,
      statusSha: null,
      edit: null,
      verdictOnly: true,
    },
    read,
    policies,
    // Whose comments are the gate's matters only to posting, and nothing is posted.
    Promise.resolve({ login: WORKFLOW_BOT, source: 'fallback', releases: null }),
  );
  const { pr } = reading;
  if (pr.state === 'closed')
    io.err(`checklist-gate check: pull request #${pr.number} is closed; the action would not evaluate it.\n`);
  if (!reading.gating.gated) return { kind: 'not-gated', description: reading.gating.description };
  return {
    kind: 'judged',
    load: reading.load,
    report: withCheckRecord(
      judge(reading.doc, reading.load, read.policyPath, reading.context, reading.facts, reading.gateChange),
      reading.load,
      {
        repository: `${repository.owner}/${repository.repo}`,
        pullRequest: pr.number,
        headSha: pr.headSha,
        baseSha: pr.baseSha,
        baseRef: pr.baseRef,
        policyPath: read.policyPath,
        policyRef: read.policyPath === DEFAULT_POLICY_PATH ? pr.baseRef : null,
        description: pr.body,
        labels: pr.labels,
      },
    ),
  };
}

/** Finds a release by its tag (the action's event names it), reads it as the action does and judges it. */
async function judgeReleaseByTag(
  client: RestClient,
  repository: Repository,
  tag: string,
  read: ReadSettings,
  policies: PolicyReader,
): Promise<Judged> {
  // The action's event names the release and its commit; here the tag leads to both.
  const [release, sha, defaultBranch] = await Promise.all([
    getReleaseByTag(client, repository, tag),
    commitSha(client, repository, tag),
    getDefaultBranch(client, repository),
  ]);
  const reading = await readRelease(
    client,
    { repository, defaultBranch, sha, release: { read: release } },
    read,
    policies,
  );
  if (!reading.gated) return { kind: 'not-gated', description: RELEASES_NOT_GATED };
  return {
    kind: 'judged',
    load: reading.load,
    report: withCheckRecord(
      judge(reading.doc, reading.load, read.policyPath, reading.context, reading.facts),
      reading.load,
      {
        repository: `${repository.owner}/${repository.repo}`,
        release: release.tagName,
        headSha: sha,
        policyPath: read.policyPath,
        policyRef: read.policyPath === DEFAULT_POLICY_PATH ? defaultBranch : null,
        description: release.body,
        labels: [],
      },
    ),
  };
}

function policyFailure(io: CliIO, live: LiveCheck, load: Extract<PolicyLoad, { ok: false }>): number {
  io.err(formatPolicyErrors(load.errors));
  // As the offline check: the text report would only repeat stderr.
  if (live.format === 'json')
    io.out(
      JSON.stringify(policyErrorReport(load.errors, live.policyFile ?? DEFAULT_POLICY_PATH), null, 2) + '\n',
    );
  return 2;
}

function parseRepository(repo: string): Repository {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!match?.[1] || !match[2])
    throw new UsageError(`--repo must be OWNER/REPO, such as acme/shop; got "${repo}"`);
  return { owner: match[1], repo: match[2] };
}

/**
 * The GitHub host evidence links must name: $GITHUB_SERVER_URL's when set (as in a workflow), else
 * the API's, without the "api." of github.com or the "/api/v3" of GitHub Enterprise Server.
 */
export function serverHost(env: Record<string, string | undefined>, apiUrl: string): string {
  const server = env['GITHUB_SERVER_URL'];
  if (server) return new URL(server).host;
  const api = new URL(apiUrl);
  return api.host === 'api.github.com' ? 'github.com' : api.host.replace(/^api\./, '');
}
