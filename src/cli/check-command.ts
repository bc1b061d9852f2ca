/** `checklist-gate check`: a description judged from a file, or with --repo a live pull request or release. */
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { parseChecklist } from '../checklist/parse.js';
import { evaluate, policyErrorReport } from '../evaluate/evaluate.js';
import { gatingOfKnown } from '../evaluate/partial-gating.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../evaluate/report.js';
import { renderText } from '../report/text.js';
import type { CliIO } from './cli-io.js';
import { withCheckRecord } from './check-record.js';
import { liveCheck, type LiveCheck } from './live-check.js';
import { renderNotGated } from './not-gated.js';
import { baseOptions, formatPolicyErrors, readPolicy, readText, type PolicyRead } from './policy-file.js';
import { addBaseOptions, collect, type CommandContext } from './program.js';
import { UsageError } from './usage-error.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const EVENTS = ['pull_request', 'release'] as const;
type Format = (typeof FORMATS)[number];

/** The options of `check`, as commander hands them over. */
interface CheckOptions {
  body?: string;
  policy?: string;
  format: Format;
  base?: string;
  head?: string;
  title?: string;
  label?: string[];
  author?: string;
  changedFile?: string[];
  path?: string[];
  defaultBranch: string;
  event: (typeof EVENTS)[number];
  repo?: string;
  pr?: string;
  release?: string;
  basePolicy?: string[];
  apiUrl?: string;
}

/** The options that give the facts of the pull request, refused with --repo (GitHub gives them there). */
const FACT_OPTIONS = [
  'base',
  'head',
  'title',
  'label',
  'author',
  'changedFile',
  'path',
  'defaultBranch',
  'event',
];

/** `checklist-gate check`: a description from a file, or with --repo a live pull request or release. */
export function registerCheck(program: Command, { io, finish }: CommandContext): void {
  const command = program
    .command('check')
    .description(
      "Check a description's checklist against a policy, judged as the action would judge it; or, with --repo, a live pull request or release, read from GitHub as the action reads it (nothing is written).",
    )
    .argument('[file]', 'the description (the same as --body)')
    .option('--body <file>', 'the description; - reads standard input')
    .option(
      '--policy <file>',
      'the policy; default .github/checklist-gate.yml at the top of the git repository, else every task item is required',
    )
    .addOption(new Option('--format <format>', 'how to print the report').choices(FORMATS).default('text'))
    .option('--base <branch>', 'the base branch (gate.branches, when.branches)')
    .option('--head <branch>', 'the head branch (gate.pull-requests.head-branches)')
    .option('--title <title>', "the pull request's title (gate.pull-requests.title)")
    .addOption(new Option('--label <name>', 'a label (repeatable)').argParser(collect))
    .option('--author <login>', 'who opened the pull request (gate.pull-requests.ignore-authors)')
    .addOption(
      new Option(
        '--changed-file <path>',
        'a changed file (repeatable); none given: path conditions hold',
      ).argParser(collect),
    )
    .addOption(new Option('--path <path>', 'the same as --changed-file').argParser(collect).hideHelp())
    .option(
      '--default-branch <branch>',
      "the repository's default branch, which gate.branches defaults to",
      'main',
    )
    .addOption(new Option('--event <event>', 'the event judged').choices(EVENTS).default('pull_request'))
    .option(
      '--repo <owner/repo>',
      'a live pull request or release: with --pr or --release; token in $GITHUB_TOKEN or $GH_TOKEN',
    )
    .option('--pr <number>', 'with --repo: the pull request')
    .option('--release <tag>', 'with --repo: the release')
    .addHelpText(
      'after',
      '\nWith none of --base, --head, --title, --label and --author, the description is judged as a gated release pull request.\n' +
        'Exit status: 0 pass (or not gated), 1 fail, 2 usage, file, policy or API error.\n',
    );
  addBaseOptions(command).action(async (file: string | undefined, options: CheckOptions, self: Command) =>
    finish(await check(file, options, self, io)),
  );
}

async function check(
  file: string | undefined,
  values: CheckOptions,
  command: Command,
  io: CliIO,
): Promise<number> {
  if (file !== undefined && values.body !== undefined)
    throw new UsageError(`give the description once: ${file} or --body ${values.body}`);
  const bodyFile = file ?? values.body;
  if (values.repo !== undefined || values.pr !== undefined || values.release !== undefined)
    return liveCheck(liveOptions(values, command, bodyFile), io, render);
  if (bodyFile === undefined)
    throw new UsageError('check needs the description: --body <file>, or --body - to read standard input');
  const body = await readText(io, bodyFile, 'the description');
  warnIfTooLong(body, io);
  const found = await policyForCheck(io, values);
  if (!found.load.ok) {
    io.err(formatPolicyErrors(found.load.errors, found.load.texts));
    // The text report would only repeat stderr; the other formats carry the errors for a machine or a page.
    if (values.format !== 'text')
      io.out(render(policyErrorReport(found.load.errors, found.name), values.format));
    return 2;
  }
  const policy = found.load.policy;
  const changed = [...(values.changedFile ?? []), ...(values.path ?? [])];
  const { gating, assumed } = gatingOfKnown(policy, {
    event: values.event,
    base: values.base ?? null,
    head: values.head ?? null,
    title: values.title ?? null,
    labels: values.label ?? null,
    author: values.author ?? null,
    defaultBranch: values.defaultBranch,
  });
  if (!gating.gated) {
    io.out(renderNotGated(gating.description, values.format));
    return 0;
  }
  const report = evaluate(parseChecklist(body), policy, {
    event: values.event,
    baseBranch: values.base ?? null,
    labels: values.label ?? [],
    // No changed file given means they are unknown, and path conditions hold.
    changedPaths: changed.length > 0 ? changed : null,
    description: body,
  });
  const recorded = withCheckRecord({ ...report, notes: [...assumed, ...report.notes] }, found.load, {
    repository: null,
    headSha: null,
    baseRef: values.base ?? null,
    policyPath: found.name,
    policyRef: null,
    description: body,
    labels: values.label ?? [],
  });
  io.out(render(recorded, values.format));
  return report.passed ? 0 : 1;
}

/**
 * The policy check judges with: --policy, else the repository's own at the top of the git
 * repository (as the action reads it from the base branch, with the same name in the report),
 * else the default policy when there is none.
 */
async function policyForCheck(io: CliIO, values: CheckOptions): Promise<{ name: string; load: PolicyRead }> {
  if (values.policy !== undefined)
    return { name: values.policy, load: await readPolicy(io, values.policy, baseOptions(values)) };
  // Outside a git repository there is no repository policy: every task item is required.
  const root = (await io.files?.gitRoot()) ?? null;
  const path = root !== null ? join(root, DEFAULT_POLICY_PATH) : null;
  if (path === null || !(await io.files?.exists(path)))
    return { name: DEFAULT_POLICY_PATH, load: { ok: true, policy: defaultPolicy(), texts: {} } };
  io.err(`checklist-gate check: the policy is ${path}\n`);
  return {
    name: DEFAULT_POLICY_PATH,
    load: await readPolicy(io, path, baseOptions(values), DEFAULT_POLICY_PATH),
  };
}

/** The options of `check --repo`: one pull request or one release; what the offline check is told, GitHub says here. */
function liveOptions(values: CheckOptions, command: Command, bodyFile: string | undefined): LiveCheck {
  if (values.repo === undefined) throw new UsageError('--pr and --release need --repo OWNER/REPO');
  if ((values.pr === undefined) === (values.release === undefined))
    throw new UsageError('check --repo needs one of --pr <number> or --release <tag>');
  const offline = FACT_OPTIONS.filter((name) => command.getOptionValueSource(name) === 'cli').map(
    (name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
  );
  if (bodyFile !== undefined) offline.unshift('--body');
  if (offline.length > 0)
    throw new UsageError(
      `${offline.join(', ')} cannot be combined with --repo: the description and the pull request's facts come from GitHub`,
    );
  if (values.pr !== undefined && !/^[1-9][0-9]*$/.test(values.pr))
    throw new UsageError(`--pr must be a pull request number, such as 42; got "${values.pr}"`);
  return {
    repo: values.repo,
    pr: values.pr !== undefined ? Number(values.pr) : null,
    release: values.release ?? null,
    policyFile: values.policy ?? null,
    basePolicies: values.basePolicy ?? [],
    apiUrl: values.apiUrl,
    format: values.format,
  };
}

function render(report: Report, format: Format): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return format === 'markdown' ? renderMarkdown(report) : renderText(report);
}

/** GitHub refuses a pull request or release description longer than this, in characters. */
const GITHUB_BODY_LIMIT = 65_536;

function warnIfTooLong(body: string, io: CliIO): void {
  if (body.length <= GITHUB_BODY_LIMIT) return;
  io.err(
    `checklist-gate check: warning: the description is ${body.length.toLocaleString('en-US')} characters; GitHub refuses a description over ${GITHUB_BODY_LIMIT.toLocaleString('en-US')}, so it could not be saved as written.\n`,
  );
}
