/** The action's run: inputs, event and client, one call to the gate, then outputs, job summary and result. */
import * as core from '@actions/core';
import { context } from '@actions/github';
import { annotatePolicyErrors, failureLine } from './action/annotations.js';
import { runGate } from './gate/run-gate.js';
import { readInputs } from './action/inputs.js';
import { readEventContext, runningWorkflowOf } from './action/event-context.js';
import { resolveTarget } from './gate/target.js';
import { baseReader } from './github/base-policy.js';
import { createClient } from './github/client.js';
import type { Report } from './evaluate/report.js';
import { fitReport } from './report/fit-report.js';
import { recordSection } from './report/record-section.js';
import { truncate } from './report/safe-text.js';

/** GitHub's limit on a step's job summary. */
const SUMMARY_LIMIT = 1024 * 1024;

/** The action: reads its inputs and the event, runs the gate, and sets outputs, summary and the job's result. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs(core);
    const event = readEventContext(context);
    const target = resolveTarget({
      eventName: event.eventName,
      payload: event.payload,
      repository: event.repository,
      sha: event.sha,
      body: inputs.body,
      prNumber: inputs.prNumber,
    });
    const client = createClient({
      token: inputs.token,
      baseUrl: event.apiUrl,
      retryBaseMs: Number(process.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000),
      warn: (message) => core.warning(message),
    });
    // The workflow token reads only this repository; a base policy elsewhere may need another token.
    const policyClient =
      inputs.policyToken === inputs.token
        ? client
        : createClient({
            token: inputs.policyToken,
            baseUrl: event.apiUrl,
            retryBaseMs: Number(process.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000),
            warn: (message) => core.warning(message),
          });
    const { owner, repo } = event.repository;
    const runUrl = event.runId ? `${event.serverUrl}/${owner}/${repo}/actions/runs/${event.runId}` : null;
    const outcome = await runGate(
      client,
      target,
      {
        serverHost: new URL(event.serverUrl).host,
        policyPath: inputs.policyPath,
        readBase: baseReader(policyClient),
        orgPolicy: inputs.orgPolicy,
        runningWorkflow: runningWorkflowOf(process.env['GITHUB_WORKFLOW_REF'], event.repository),
        checkName: inputs.checkName,
        reportAs: inputs.reportAs,
        comment: inputs.comment,
        maxPulls: inputs.maxPulls,
        runUrl,
        eventName: event.eventName,
      },
      { info: (message) => core.info(message), warning: (message) => core.warning(message) },
    );
    core.setOutput('result', outcome.result);
    core.setOutput('missing', JSON.stringify(outcome.missing));
    core.setOutput('report', reportOutput(outcome.report, runUrl));
    core.setOutput('results', JSON.stringify(outcome.results ?? {}));
    await writeSummary(outcome.markdown, outcome.report);
    annotatePolicyErrors(core, outcome.report);
    const line = `${inputs.checkName}: ${outcome.result}: ${outcome.description}`;
    // A skipped run is worth a notice on the run's page: nothing was checked.
    if (outcome.result === 'skip') core.notice(line);
    else core.info(line);
    if (outcome.result === 'error') core.setFailed(outcome.description);
    else if (outcome.result === 'fail' && inputs.failJob && !outcome.sweep)
      core.setFailed(failureLine(inputs.checkName, outcome.description, outcome.missing));
  } catch (error) {
    core.setFailed(
      `checklist-gate could not evaluate the checklist, so the gate fails: ${(error as Error).message}`,
    );
  }
}

/** GitHub's limit on one output. */
const OUTPUT_LIMIT = 1_000_000;

/** The JSON report for the `report` output, its items cut to fit the output limit, saying how many were left out. */
export function reportOutput(report: Report | null, runUrl: string | null = null): string {
  return report === null ? 'null' : fitReport(report, OUTPUT_LIMIT, runUrl);
}

async function writeSummary(markdown: string, report: Report | null): Promise<void> {
  try {
    // The verdict first; the record takes what room is left (the report output holds it whole).
    const shown = truncate(markdown, SUMMARY_LIMIT - 16 * 1024);
    const record = recordSection(report, SUMMARY_LIMIT - 1024 - shown.length);
    await core.summary.addRaw(shown + record).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
