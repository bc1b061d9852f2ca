/** `checklist-gate audit`: its options, checked, and the run over a repository or an organisation. */
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { CLASSIFICATIONS, type AuditEntry, type Classification } from '../audit/entry.js';
import { renderHtml } from '../audit/render-html.js';
import { renderMarkdown } from '../audit/render-markdown.js';
import { renderCsv, renderJson, renderTable } from '../audit/render-text.js';
import { exitStatusOf } from '../audit/summary.js';
import { parseWhen } from './audit-when.js';
import { baseReader } from '../github/base-policy.js';
import { organisationRepositories } from '../github/organisation-repositories.js';
import type { Repository } from '../github/repository.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import { auditRepository, mapLimited } from '../read/audit-repository.js';
import type { CliIO } from './cli-io.js';
import { createRestClient, restSettings } from './rest-client.js';
import { collect, type CommandContext } from './program.js';
import { UsageError } from './usage-error.js';

export const AUDIT_FORMATS = ['table', 'markdown', 'csv', 'json', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** What `checklist-gate audit` was asked, checked. */
export interface AuditOptions {
  repositories: { repo: Repository } | { org: string };
  since: Date;
  until: Date;
  branches: string[] | null;
  /** Whose statuses and check runs are the gate's; never the token's own identity. */
  gateIdentity: string;
  checkName: string;
  policyPath: string;
  format: AuditFormat;
  only: Classification[] | null;
  apiUrl: string | undefined;
}

const DEFAULTS = {
  gateIdentity: 'github-actions[bot]',
  checkName: 'checklist-gate',
  policyPath: DEFAULT_POLICY_PATH,
};
/** Repositories audited at once, and verdict reads at once within one. */
const REPOSITORIES_AT_ONCE = 4;
const READS_AT_ONCE = 4;

/** The options of `audit`, as commander hands them over. */
interface AuditValues {
  repo?: string;
  org?: string;
  since?: string;
  until?: string;
  branch?: string[];
  gateIdentity: string;
  checkName: string;
  policy: string;
  format: AuditFormat;
  only?: string[];
  apiUrl?: string;
}

/** `checklist-gate audit`: registered with commander; the work is runAudit's. */
export function registerAudit(program: Command, { io, finish }: CommandContext): void {
  program
    .command('audit')
    .description(
      'Which merged pull requests and published releases went out with the gate passed, bypassed, excepted, or passed by another identity. Only reads; token in $GITHUB_TOKEN or $GH_TOKEN.',
    )
    .option('--repo <owner/repo>', 'one repository')
    .option('--org <org>', 'every repository of the organisation the token can read')
    .option('--since <when>', 'required: a date such as 2026-07-01, a time, or days such as 90d')
    .option('--until <when>', 'the end of the window (a date counts to its end); default now')
    .addOption(
      new Option(
        '--branch <glob>',
        "these base branches are gated (repeatable); default: each repository's policy at the time of each merge",
      ).argParser(collect),
    )
    .option('--gate-identity <login>', "whose statuses and check runs are the gate's", DEFAULTS.gateIdentity)
    .option('--check-name <name>', "the gate's status context and check run name", DEFAULTS.checkName)
    .option('--policy <path>', "the policy's path in each repository", DEFAULTS.policyPath)
    .addOption(
      new Option('--format <format>', 'how to print the audit').choices(AUDIT_FORMATS).default('table'),
    )
    .addOption(
      new Option(
        '--only <class>',
        `show only these classifications (repeatable, or comma-separated): ${CLASSIFICATIONS.join(', ')}`,
      ).argParser(collect),
    )
    .option('--api-url <url>', 'the GitHub API; default $GITHUB_API_URL or https://api.github.com')
    .addHelpText(
      'after',
      '\nExit status: 0 nothing shown bypassed or foreign, 1 something was, 2 usage or API error.\n',
    )
    .action(async (values: AuditValues) => finish(await runAudit(auditOptionsOf(values, new Date()), io)));
}

/** The options checked; a mistake is a UsageError naming the option. */
export function auditOptionsOf(values: AuditValues, now: Date): AuditOptions {
  if ((values.repo === undefined) === (values.org === undefined))
    throw new UsageError('audit needs one of --repo OWNER/REPO or --org ORG');
  let repositories: AuditOptions['repositories'];
  if (values.repo !== undefined) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(values.repo);
    if (!match?.[1] || !match[2])
      throw new UsageError(`--repo must be OWNER/REPO, such as acme/shop; got "${values.repo}"`);
    repositories = { repo: { owner: match[1], repo: match[2] } };
  } else {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(values.org ?? ''))
      throw new UsageError(`--org must be an organisation's login, such as acme; got "${values.org ?? ''}"`);
    repositories = { org: values.org ?? '' };
  }
  if (values.since === undefined)
    throw new UsageError('audit needs --since DATE or --since Nd, such as 2026-07-01 or 90d');
  const since = parseWhen(values.since, now, '--since');
  const until = values.until === undefined ? now : parseWhen(values.until, now, '--until', true);
  if (until.getTime() < since.getTime()) throw new UsageError('--until is before --since');
  const only = (values.only ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
  const unknown = only.filter((value) => !CLASSIFICATIONS.includes(value as Classification));
  if (unknown.length > 0)
    throw new UsageError(`--only takes ${CLASSIFICATIONS.join(', ')}; got "${unknown.join(', ')}"`);
  return {
    repositories,
    since,
    until,
    branches: values.branch && values.branch.length > 0 ? values.branch : null,
    gateIdentity: values.gateIdentity,
    checkName: values.checkName,
    policyPath: values.policy,
    format: values.format,
    only: only.length > 0 ? (only as Classification[]) : null,
    apiUrl: values.apiUrl,
  };
}

/**
 * `checklist-gate audit`: what went out of a repository or an organisation in a window, and
 * whether the gate had passed it then. Only reads. Exit 0 when nothing went out bypassed or
 * foreign, 1 when something did, 2 on an error.
 */
export async function runAudit(options: AuditOptions, io: CliIO): Promise<number> {
  const env = io.env ?? {};
  const settings = restSettings(env, options.apiUrl);
  if (settings === null) {
    io.err(
      'checklist-gate audit: set GITHUB_TOKEN or GH_TOKEN to a token that can read the repositories (for example GH_TOKEN=$(gh auth token)).\n',
    );
    return 2;
  }
  const client = createRestClient(settings, (message) => io.err(`checklist-gate: ${message}\n`));
  try {
    const repositories =
      'repo' in options.repositories
        ? [options.repositories.repo]
        : await organisationRepositories(client, options.repositories.org);
    const bar = io.progress
      ? new cliProgress.SingleBar(
          {
            stream: io.progress,
            clearOnComplete: true,
            format: 'audit {bar} {value}/{total} repositories {name}',
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(repositories.length, 0, { name: '' });
    const readBase = baseReader(client);
    const perRepository = await mapLimited(repositories, REPOSITORIES_AT_ONCE, async (repository) => {
      const entries = await auditRepository(client, repository, {
        policyPath: options.policyPath,
        window: { since: options.since, until: options.until },
        branches: options.branches,
        checkName: options.checkName,
        gateIdentity: options.gateIdentity,
        readBase,
        concurrency: READS_AT_ONCE,
      });
      bar?.increment(1, { name: `${repository.owner}/${repository.repo}` });
      return entries;
    });
    bar?.stop();
    const all = perRepository.flat().sort(byTime);
    const shown =
      options.only === null ? all : all.filter((entry) => options.only?.includes(entry.classification));
    io.out(render(shown, options.format));
    // The exit status speaks of what was shown: --only passed never alarms.
    return exitStatusOf(shown);
  } catch (error) {
    io.err(`checklist-gate audit: ${failure(error, settings.baseUrl)}\n`);
    return 2;
  }
}

function render(entries: AuditEntry[], format: AuditFormat): string {
  switch (format) {
    case 'table':
      return renderTable(entries);
    case 'markdown':
      return renderMarkdown(entries);
    case 'csv':
      return renderCsv(entries);
    case 'json':
      return renderJson(entries);
    case 'html':
      return renderHtml(entries, new Date());
  }
}

/** Oldest first, then by repository and number, so that two runs over the same window agree. */
function byTime(a: AuditEntry, b: AuditEntry): number {
  return (
    Date.parse(a.at) - Date.parse(b.at) ||
    a.repository.localeCompare(b.repository) ||
    (a.number ?? 0) - (b.number ?? 0) ||
    (a.tag ?? '').localeCompare(b.tag ?? '')
  );
}

function failure(error: unknown, baseUrl: string): string {
  const failed = error as { status?: number; message?: string; request?: { method?: string; url?: string } };
  if (typeof failed.status === 'number' && failed.request)
    return `GitHub answered ${failed.status} to ${failed.request.method ?? 'GET'} ${(failed.request.url ?? '').replace(baseUrl, '')}: ${failed.message ?? ''}`;
  return `could not read from GitHub at ${baseUrl}: ${(error as Error).message ?? String(error)}`;
}
