import { parseArgs } from 'node:util';
import { parseChecklist } from '../checklist/parse.js';
import { evaluate, policyErrorReport } from '../evaluate/evaluate.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/report.js';
import { renderText } from '../report/text.js';
import type { CliIO } from './cli-io.js';
import { BASE_ARGS, baseOptions, formatPolicyErrors, readPolicy } from './policy-file.js';
import { UsageError } from './usage.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const EVENTS = ['pull_request', 'release'] as const;

/** `checklist-gate check`: exit 0 when the gate passes, 1 when it fails, 2 for a usage or policy error. */
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
      ...BASE_ARGS,
    },
  });
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
  if (values.policy === undefined) {
    report = evaluate(parseChecklist(body), defaultPolicy(), {
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
    report = evaluate(parseChecklist(body), loaded.policy, { ...context(values, event), description: body });
  }
  io.out(render(report, format));
  return report.passed ? 0 : 1;
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
