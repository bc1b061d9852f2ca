/** `checklist-gate init`: a ready policy, its pull-request template and the workflow, written into a repository. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { describeSelector } from '../evaluate/gating.js';
import { ruleName } from '../evaluate/advice.js';
import { unguardedSignoffs } from '../evaluate/unguarded-signoffs.js';
import { asWorkflowPath } from '../evaluate/workflow-path.js';
import { loadPolicy } from '../policy/load-policy.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import { placeholderApprovers } from '../policy/policy-warnings.js';
import { SCHEMA_LINE } from '../policy/schema-url.js';
import { adoptChecklist, type Adoption } from '../adopt/from-checklist.js';
import type { CliIO } from './cli-io.js';
import { readText } from './policy-file.js';
import { apiFailure, createRestClient, restSettings } from './rest-client.js';
import { repositoryFromRemote, sweepCron } from './sweep-schedule.js';
import type { CommandContext } from './program.js';
import { UsageError } from './usage-error.js';
import type { InitFiles } from './init-files.js';
import { WORKFLOW_PATH, workflowRunBlock, workflowText } from './init-workflow.js';

export type { InitFiles } from './init-files.js';
export { WORKFLOW, workflowRunBlock, workflowText } from './init-workflow.js';

export const DEFAULT_CHECKLIST = 'production-release';

interface InitOptions {
  checklist: string;
  from?: string;
  fromPr?: string;
  apiUrl?: string;
  dir?: string;
  force: boolean;
}

/** `checklist-gate init`: the policy, its template and the workflow, written into the repository. */
export function registerInit(program: Command, { io, finish }: CommandContext): void {
  program
    .command('init')
    .description(
      'Write a ready checklist at the top of the git repository it runs in: .github/checklist-gate.yml, .github/PULL_REQUEST_TEMPLATE/release.md and .github/workflows/checklist-gate.yml.',
    )
    .option('--checklist <name>', 'one of the folders of checklists/', DEFAULT_CHECKLIST)
    .option(
      '--from <file>',
      "bring your own checklist: a policy and template made from this Markdown file's task items",
    )
    .option(
      '--from-pr <owner/repo#n>',
      "the same, from a pull request's description, read through the API (token in $GITHUB_TOKEN or $GH_TOKEN)",
    )
    .option(
      '--api-url <url>',
      'with --from-pr: the GitHub API; default $GITHUB_API_URL or https://api.github.com',
    )
    .option('--dir <folder>', 'write there instead; needed outside a git repository')
    .option('--force', 'overwrite existing files', false)
    .action(async (values: InitOptions) => {
      if (!io.files) throw new Error('init has no access to files here');
      finish(await initCommand(values, io, io.files));
    });
}

/**
 * Writes a ready policy, its pull-request template and the workflow into the repository, never
 * overwriting a file without --force.
 */
export async function initCommand(values: InitOptions, io: CliIO, files: InitFiles): Promise<number> {
  // The files belong at the top of the repository, wherever in it the command is run.
  const dir = values.dir ?? (await files.gitRoot());
  if (dir === null)
    throw new UsageError(
      'this folder is not in a git repository; give --dir <folder>, the top of the repository to write into',
    );
  const chosen = await chooseChecklist(values, io, files);
  const { name, policy } = chosen;
  const workflows = await files.workflowFiles(dir);
  const plan: [string, string][] = (
    [
      [DEFAULT_POLICY_PATH, policy],
      ['.github/PULL_REQUEST_TEMPLATE/release.md', chosen.template],
      [
        WORKFLOW_PATH,
        workflowText(
          workflowRunBlock(workflows),
          sweepCron(await repositoryName(dir, files)),
          followUpIssues(policy),
        ),
      ],
    ] as const
  ).map(([path, text]) => [join(dir, path), text]);
  const existing = [];
  for (const [path] of plan) if (await files.exists(path)) existing.push(path);
  if (existing.length > 0 && !values.force) {
    io.err(
      `checklist-gate init: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Use --force to overwrite.\n`,
    );
    return 2;
  }
  for (const [path, text] of plan) await files.write(path, text);
  io.out(
    `Wrote the "${name}" checklist in ${dir}:\n${plan.map(([path]) => `  ${path}`).join('\n')}\n\n` +
      (chosen.summary ?? '') +
      'Next: commit these files to your default branch, then require the "checklist-gate" status in branch protection or a ruleset.\n' +
      'Release pull requests opened with ?template=release.md start from the checklist.\n' +
      gatingNote(policy) +
      placeholderNote(policy) +
      evidenceWorkflowNote(
        policy,
        workflows.map((workflow) => workflow.path),
      ),
  );
  return 0;
}

/** The repository's owner/name from its remote `origin`, or the folder's name when it has none. */
async function repositoryName(dir: string, files: InitFiles): Promise<string> {
  const url = await files.originUrl(dir);
  return (url === null ? null : repositoryFromRemote(url)) ?? basename(resolve(dir));
}

/** The policy and template to write: a ready checklist, or one made from the team's own. */
async function chooseChecklist(
  values: InitOptions,
  io: CliIO,
  files: InitFiles,
): Promise<{ name: string; policy: string; template: string; summary?: string }> {
  if (values.from !== undefined && values.fromPr !== undefined)
    throw new UsageError('give one of --from <file> and --from-pr <owner/repo#n>');
  if (values.from !== undefined || values.fromPr !== undefined) {
    const source = values.from ?? values.fromPr ?? '';
    const text =
      values.from !== undefined
        ? await readText(io, values.from, 'the checklist')
        : await pullRequestBody(values.fromPr ?? '', values.apiUrl, io);
    const adoption = adoptChecklist(text, source);
    if (adoption === null)
      throw new Error(`${source} has no task items ("- [ ] …"); there is no checklist to make a policy from`);
    return {
      name: source,
      policy: `${SCHEMA_LINE}\n${adoption.policy}`,
      template: adoption.template,
      summary: adoptionSummary(adoption),
    };
  }
  const names = await files.checklistNames();
  const name = values.checklist;
  if (!names.includes(name))
    throw new UsageError(`no checklist "${name}"; choose one of: ${names.join(', ')}`);
  // The ready policies point at the schema beside them; the copy in a repository points at the published one.
  const ready = await files.readChecklistFile(name, 'checklist-gate.yml');
  const schemaLine = /^# yaml-language-server: \$schema=.*$/m;
  const policy = schemaLine.test(ready) ? ready.replace(schemaLine, SCHEMA_LINE) : `${SCHEMA_LINE}\n${ready}`;
  return { name, policy, template: await files.readChecklistFile(name, 'release.md') };
}

/** A pull request's description, for --from-pr OWNER/REPO#N. */
async function pullRequestBody(reference: string, apiUrl: string | undefined, io: CliIO): Promise<string> {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#([1-9][0-9]*)$/.exec(reference);
  if (!match)
    throw new UsageError(`--from-pr must be OWNER/REPO#NUMBER, such as acme/shop#42; got "${reference}"`);
  const settings = restSettings(io.env ?? {}, apiUrl);
  if (settings === null)
    throw new Error(
      `--from-pr reads ${reference} from GitHub and needs a token: set GITHUB_TOKEN or GH_TOKEN to a token that can read it`,
    );
  const client = createRestClient(settings, (message) => io.err(`checklist-gate: ${message}\n`));
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: match[1] ?? '',
      repo: match[2] ?? '',
      pull_number: Number(match[3]),
    });
    return data.body ?? '';
  } catch (error) {
    throw new Error(apiFailure(error, settings.baseUrl), { cause: error });
  }
}

/** What was made, and what to review before committing it. */
function adoptionSummary({ summary }: Adoption): string {
  const { items, sections, conditional, hints } = summary;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return (
    `Made from your checklist: ${plural(items, 'item')} under ${plural(sections, 'heading')}, ` +
    `${plural(conditional.length, 'conditional item')} (not-applicable: with-reason), ${plural(hints, 'evidence hint')} from the links already on items.\n` +
    'Review .github/checklist-gate.yml before committing: which items every release needs, which are conditional' +
    (conditional.length > 0
      ? ` (${conditional.slice(0, 5).join(', ')}${conditional.length > 5 ? ', …' : ''})`
      : '') +
    ', and which need approvers. The template keeps your wording, with an id marker on each item, so rewording an item later does not break it.\n'
  );
}

/** Whether the written policy opens follow-up issues: the workflow then needs `closed` and `issues: write`. */
function followUpIssues(policy: string): boolean {
  const load = loadPolicy(policy, DEFAULT_POLICY_PATH);
  return load.ok && load.policy.emergency?.followUp === 'issue';
}

/** The placeholder teams the ready checklist names: nobody approves until they are set. */
function placeholderNote(policy: string): string {
  const load = loadPolicy(policy, DEFAULT_POLICY_PATH);
  const warnings = load.ok ? placeholderApprovers(load.policy) : [];
  if (warnings.length === 0) return '';
  return `Set the placeholder approvers in .github/checklist-gate.yml (validate --strict fails until then):
${warnings
  .map(
    (warning) => `  ${warning.line !== null ? `line ${warning.line}: ` : ''}${warning.message}
`,
  )
  .join('')}`;
}

/** What the written policy gates, so that a feature pull request's "Not gated" is no surprise. */
function gatingNote(policy: string): string {
  const load = loadPolicy(policy, DEFAULT_POLICY_PATH);
  const selector = load.ok ? load.policy.gate.pullRequests : null;
  const unguarded = load.ok ? unguardedSignoffs(load.policy).map(ruleName) : [];
  const signoffs =
    unguarded.length > 0
      ? `${unguarded.length} sign-off item${unguarded.length === 1 ? '' : 's'} name${unguarded.length === 1 ? 's' : ''} no approvers, so anyone can tick ${unguarded.length === 1 ? 'it' : 'them'}, the author too: ${unguarded.join(', ')}. Add approvers: [login, org/team] to each in .github/checklist-gate.yml.\n`
      : '';
  return (
    signoffs +
    (selector
      ? `Only release pull requests are gated: one with a ${describeSelector(selector)} (gate.pull-requests). Every other pull request gets a "Not gated" success.\n`
      : 'Every pull request into the default branch is gated; set gate.pull-requests to gate only release pull requests.\n')
  );
}

/**
 * The workflow files the policy's evidence rules name (evidence.workflows) that the repository
 * does not have: their runs are the only ones that count, so the CI workflow must be named there.
 */
export function evidenceWorkflowNote(policy: string, present: string[]): string {
  const load = loadPolicy(policy, DEFAULT_POLICY_PATH);
  if (!load.ok) return '';
  const named = load.policy.items.flatMap((rule) => rule.evidence?.workflows ?? []);
  const missing = [...new Set(named.map(asWorkflowPath).filter((path) => path !== null))].filter(
    (path) => !present.includes(path),
  );
  if (missing.length === 0) return '';
  const found = present.filter((path) => path !== WORKFLOW_PATH);
  return (
    `The policy's CI evidence counts only runs of ${missing.join(', ')}, which this repository does not have. ` +
    `Name your CI workflow (its file or name) in evidence.workflows in .github/checklist-gate.yml` +
    (found.length > 0 ? `; workflows found here: ${found.join(', ')}.\n` : '.\n')
  );
}
