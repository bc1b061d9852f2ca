import * as core from '@actions/core';
import * as github from '@actions/github';
import { runGate } from './action/gate.js';
import { readInputs } from './action/inputs.js';
import { resolveTarget } from './action/target.js';
import { createClient } from './github/client.js';
import { truncate } from './report/safe-text.js';

/** GitHub's limit on a step's job summary. */
const SUMMARY_LIMIT = 1024 * 1024;

/** The action: reads its inputs and the event, runs the gate, and sets outputs, summary and the job's result. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const { context } = github;
    const target = resolveTarget({
      eventName: context.eventName,
      payload: context.payload as Record<string, unknown>,
      repository: context.repo,
      sha: context.sha,
      body: inputs.body,
      prNumber: inputs.prNumber,
    });
    const client = createClient({
      token: inputs.token,
      baseUrl: context.apiUrl,
      retryBaseMs: Number(process.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000),
      warn: (message) => core.warning(message),
    });
    const outcome = await runGate(
      client,
      target,
      {
        serverHost: new URL(context.serverUrl).host,
        policyPath: inputs.policyPath,
        checkName: inputs.checkName,
        reportAs: inputs.reportAs,
        comment: inputs.comment,
        runUrl: context.runId
          ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`
          : null,
      },
      { info: (message) => core.info(message), warning: (message) => core.warning(message) },
    );
    core.setOutput('result', outcome.result);
    core.setOutput('missing', JSON.stringify(outcome.missing));
    core.setOutput('report', JSON.stringify(outcome.report));
    await writeSummary(outcome.markdown);
    core.info(`${inputs.checkName}: ${outcome.result}: ${outcome.description}`);
    if (outcome.result === 'error') core.setFailed(outcome.description);
    else if (outcome.result === 'fail' && inputs.failJob)
      core.setFailed(`${inputs.checkName}: ${outcome.description}`);
  } catch (error) {
    core.setFailed(
      `checklist-gate could not evaluate the checklist, so the gate fails: ${(error as Error).message}`,
    );
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  try {
    await core.summary.addRaw(truncate(markdown, SUMMARY_LIMIT - 1024)).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
