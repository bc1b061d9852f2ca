import { parseArgs } from 'node:util';
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
import { BASE_ARGS, baseOptions, formatPolicyErrors, readPolicy } from './policy-file.js';
import { UsageError } from './usage.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const EVENTS = ['pull_request', 'release'] as const;

/**
 * `checklist-gate check`: a description from a file, or with --repo a live pull request or release.
 * Exit 0 when the gate passes, 1 when it fails, 2 for a usage, policy or API error.
 */
export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      body: { type: 'string' },
      policy: { type: 'string' },
      format: { type: 'string', default: 'text' },
      label: { type: 'string', multiple: true, default: [] },
      path: { type: 'string', multiple: true, default: [] },
      base: { type: 'string' },
      event: { type: 'string', default: 'pull_request' },
      repo: { type: 'string' },
      pr: { type: 'string' },
      release: { type: 'string' },
      ...BASE_ARGS,
    },
  });
  if (values.repo !== undefined || values.pr !== undefined || values.release !== undefined)
    return liveCheck(liveOptions(values, args), io, render);
  if (values.body === undefined)
    throw new UsageError('check needs --body <file>, or --body - to read standard input');
  const format = oneOf(values.format, FORMATS, '--format');
  const event = oneOf(values.event, EVENTS, '--event');
  let body: string;
  try {
    body = await io.readText(values.body);
  } catch (error) {
    throw new UsageError(`cannot read the description ${values.body}: ${(error as Error).message}`);
  }
  warnIfTooLong(body, io);
  let report: Report;
  let policy: PolicyLoad;
  if (values.policy === undefined) {
    policy = { ok: true, policy: defaultPolicy() };
    report = evaluate(parseChecklist(body), policy.policy, {
      ...context(values, event),
      description: body,
    });
  } else {
    const loaded = await readPolicy(io, values.policy, baseOptions(values));
    if (!loaded.ok) {
      io.err(formatPolicyErrors(loaded.errors));
      // The text report would only repeat stderr; the other formats carry the errors for a machine or a page.
      if (format !== 'text') io.out(render(policyErrorReport(loaded.errors, values.policy), format));
      return 2;
    }
    policy = loaded;
    report = evaluate(parseChecklist(body), loaded.policy, { ...context(values, event), description: body });
  }
  report = withCheckRecord(report, policy, {
    repository: null,
    headSha: null,
    baseRef: values.base ?? null,
    policyPath: values.policy ?? '',
    policyRef: null,
    description: body,
    labels: values.label,
  });
  io.out(render(report, format));
  return report.passed ? 0 : 1;
}

/** The options of `check --repo`: one pull request or one release; what the offline check is told, GitHub says here. */
function liveOptions(
  values: {
    repo?: string | undefined;
    pr?: string | undefined;
    release?: string | undefined;
    body?: string | undefined;
    policy?: string | undefined;
    format?: string | undefined;
    'base-policy': string[];
    'api-url'?: string | undefined;
  },
  args: string[],
): LiveCheck {
  if (values.repo === undefined) throw new UsageError('--pr and --release need --repo OWNER/REPO');
  if ((values.pr === undefined) === (values.release === undefined))
    throw new UsageError('check --repo needs one of --pr <number> or --release <tag>');
  const offline = ['--body', '--label', '--path', '--base', '--event'].filter((flag) =>
    args.some((arg) => arg === flag || arg.startsWith(`${flag}=`)),
  );
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
    basePolicies: values['base-policy'],
    apiUrl: values['api-url'],
    format: oneOf(values.format, FORMATS, '--format'),
  };
}

function render(report: Report, format: (typeof FORMATS)[number]): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return format === 'markdown' ? renderMarkdown(report) : renderText(report);
}

function context(
  values: { label: string[]; path: string[]; base?: string | undefined },
  event: (typeof EVENTS)[number],
) {
  return {
    event,
    baseBranch: values.base ?? null,
    labels: values.label,
    // No --path means the changed files are unknown, and path conditions hold.
    changedPaths: values.path.length > 0 ? values.path : null,
  };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value ?? ''}"`);
}

/** GitHub refuses a pull request or release description longer than this, in characters. */
const GITHUB_BODY_LIMIT = 65_536;

function warnIfTooLong(body: string, io: CliIO): void {
  if (body.length <= GITHUB_BODY_LIMIT) return;
  io.err(
    `checklist-gate check: warning: the description is ${body.length.toLocaleString('en-US')} characters; GitHub refuses a description over ${GITHUB_BODY_LIMIT.toLocaleString('en-US')}, so it could not be saved as written.\n`,
  );
}
