import { Option, type Command } from 'commander';
import { parseChecklist } from '../checklist/parse.js';
import { evaluate, policyErrorReport } from '../evaluate/evaluate.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/report.js';
import { renderText } from '../report/text.js';
import type { CliIO } from './cli-io.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { withCheckRecord } from './check-record.js';
import { liveCheck, type LiveCheck } from './live-check.js';
import { baseOptions, formatPolicyErrors, readPolicy, readText } from './policy-file.js';
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
  label?: string[];
  path?: string[];
  base?: string;
  event: (typeof EVENTS)[number];
  repo?: string;
  pr?: string;
  release?: string;
  basePolicy?: string[];
  apiUrl?: string;
}

/** `checklist-gate check`: a description from a file, or with --repo a live pull request or release. */
export function registerCheck(program: Command, { io, finish }: CommandContext): void {
  const command = program
    .command('check')
    .description(
      "Check a description's checklist against a policy; or, with --repo, a live pull request or release, read from GitHub as the action reads it (nothing is written).",
    )
    .argument('[file]', 'the description (the same as --body)')
    .option('--body <file>', 'the description; - reads standard input')
    .option('--policy <file>', 'the policy; without it every task item is required')
    .addOption(new Option('--format <format>', 'how to print the report').choices(FORMATS).default('text'))
    .addOption(new Option('--label <name>', 'a pull request label (repeatable)').argParser(collect))
    .addOption(
      new Option('--path <file>', 'a changed file (repeatable); none given: path conditions hold').argParser(
        collect,
      ),
    )
    .option('--base <branch>', 'the base branch')
    .addOption(new Option('--event <event>', 'the event judged').choices(EVENTS).default('pull_request'))
    .option(
      '--repo <owner/repo>',
      'a live pull request or release: with --pr or --release; token in $GITHUB_TOKEN or $GH_TOKEN',
    )
    .option('--pr <number>', 'with --repo: the pull request')
    .option('--release <tag>', 'with --repo: the release')
    .addHelpText('after', '\nExit status: 0 pass, 1 fail, 2 usage, policy or API error.\n');
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
  const context = {
    event: values.event,
    baseBranch: values.base ?? null,
    labels: values.label ?? [],
    // No --path means the changed files are unknown, and path conditions hold.
    changedPaths: values.path ?? null,
    description: body,
  };
  let report: Report;
  let policy: PolicyLoad;
  if (values.policy === undefined) {
    policy = { ok: true, policy: defaultPolicy() };
    report = evaluate(parseChecklist(body), policy.policy, context);
  } else {
    const loaded = await readPolicy(io, values.policy, baseOptions(values));
    if (!loaded.ok) {
      io.err(formatPolicyErrors(loaded.errors, loaded.texts));
      // The text report would only repeat stderr; the other formats carry the errors for a machine or a page.
      if (values.format !== 'text')
        io.out(render(policyErrorReport(loaded.errors, values.policy), values.format));
      return 2;
    }
    policy = loaded;
    report = evaluate(parseChecklist(body), loaded.policy, context);
  }
  report = withCheckRecord(report, policy, {
    repository: null,
    headSha: null,
    baseRef: values.base ?? null,
    policyPath: values.policy ?? '',
    policyRef: null,
    description: body,
    labels: values.label ?? [],
  });
  io.out(render(report, values.format));
  return report.passed ? 0 : 1;
}

/** The options of `check --repo`: one pull request or one release; what the offline check is told, GitHub says here. */
function liveOptions(values: CheckOptions, command: Command, bodyFile: string | undefined): LiveCheck {
  if (values.repo === undefined) throw new UsageError('--pr and --release need --repo OWNER/REPO');
  if ((values.pr === undefined) === (values.release === undefined))
    throw new UsageError('check --repo needs one of --pr <number> or --release <tag>');
  const offline = ['label', 'path', 'base', 'event']
    .filter((name) => command.getOptionValueSource(name) === 'cli')
    .map((name) => `--${name}`);
  if (bodyFile !== undefined) offline.unshift('--body');
  if (offline.length > 0)
    throw new UsageError(
      `${offline.join(', ')} cannot be combined with --repo: the description, labels, changed files and base come from GitHub`,
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
