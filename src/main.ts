import { runGate } from './action/gate.js';
import { readInputs } from './action/inputs.js';
import { readEventContext } from './action/event-context.js';
import { environmentRunner, type Runner } from './action/runner.js';
import { resolveTarget } from './action/target.js';
import { baseReader } from './github/base-policy.js';
import { createClient } from './github/client.js';
import type { Report } from './report/report.js';
import { truncate } from './report/safe-text.js';

/** GitHub's limit on a step's job summary. */
const SUMMARY_LIMIT = 1024 * 1024;

/** The action: reads its inputs and the event, runs the gate, and sets outputs, summary and the job's result. */
export async function run(
  runner: Runner = environmentRunner(process.env, (text) => process.stdout.write(text)),
): Promise<void> {
  try {
    const inputs = readInputs((name) => runner.getInput(name));
    const context = readEventContext(process.env);
    const target = resolveTarget({
      eventName: context.eventName,
      payload: context.payload,
      repository: context.repository,
      sha: context.sha,
      body: inputs.body,
      prNumber: inputs.prNumber,
    });
    const client = createClient({
      token: inputs.token,
      baseUrl: context.apiUrl,
      retryBaseMs: Number(process.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000),
      warn: (message) => runner.warning(message),
    });
    // The workflow token reads only this repository; a base policy elsewhere may need another token.
    const policyClient =
      inputs.policyToken === inputs.token
        ? client
        : createClient({
            token: inputs.policyToken,
            baseUrl: context.apiUrl,
            retryBaseMs: Number(process.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000),
            warn: (message) => runner.warning(message),
          });
    const { owner, repo } = context.repository;
    const outcome = await runGate(
      client,
      target,
      {
        serverHost: new URL(context.serverUrl).host,
        policyPath: inputs.policyPath,
        readBase: baseReader(policyClient),
        checkName: inputs.checkName,
        reportAs: inputs.reportAs,
        comment: inputs.comment,
        runUrl: context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : null,
      },
      { info: (message) => runner.info(message), warning: (message) => runner.warning(message) },
    );
    runner.setOutput('result', outcome.result);
    runner.setOutput('missing', JSON.stringify(outcome.missing));
    runner.setOutput('report', reportOutput(outcome.report));
    writeSummary(runner, outcome.markdown);
    runner.info(`${inputs.checkName}: ${outcome.result}: ${outcome.description}`);
    if (outcome.result === 'error') fail(runner, outcome.description);
    else if (outcome.result === 'fail' && inputs.failJob)
      fail(runner, `${inputs.checkName}: ${outcome.description}`);
  } catch (error) {
    fail(
      runner,
      `checklist-gate could not evaluate the checklist, so the gate fails: ${(error as Error).message}`,
    );
  }
}

/** GitHub's limit on one output. */
const OUTPUT_LIMIT = 1_000_000;

/** The JSON report for the `report` output, its items cut to fit the output limit, saying how many were left out. */
export function reportOutput(report: Report | null): string {
  const json = JSON.stringify(report);
  if (report === null || json.length <= OUTPUT_LIMIT) return json;
  let keep = report.items.length;
  let cut = json;
  while (cut.length > OUTPUT_LIMIT && keep > 0) {
    keep = Math.floor(keep / 2);
    cut = JSON.stringify({
      ...report,
      items: report.items.slice(0, keep),
      truncated: { items: report.items.length - keep },
    });
  }
  return cut;
}

function fail(runner: Runner, message: string): void {
  process.exitCode = 1;
  runner.error(message);
}

function writeSummary(runner: Runner, markdown: string): void {
  try {
    runner.appendSummary(truncate(markdown, SUMMARY_LIMIT - 1024));
  } catch (error) {
    runner.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
