/** The gate's own workflow that `init` writes, and the `workflow_run` trigger for a repository's workflows. */
import { parse, stringify } from 'yaml';
import * as verdictEvents from '../evaluate/verdict-events.js';

/** The sweep's time in the README's workflow; `init` writes one of its own for each repository (sweepCron). */
const DEFAULT_CRON = '23 6 * * *';

/**
 * The workflow `init` writes: the one the README explains, with the `workflow_run` block in its
 * place. A policy whose emergency releases open a follow-up issue adds the `closed` event (the
 * merge) and `issues: write`.
 */
export const workflowText = (
  WORKFLOW_RUN: string,
  cron = DEFAULT_CRON,
  followUp = false,
) => `name: checklist-gate
on:
  pull_request_target:
    types: [${[...verdictEvents.PULL_REQUEST_ACTIONS, ...(followUp ? [verdictEvents.MERGED_ACTION] : [])].join(', ')}]
  pull_request_review:
    types: [${verdictEvents.REVIEW_ACTIONS.join(', ')}]
${WORKFLOW_RUN}
  push:
  schedule:
    - cron: '${cron}'
  workflow_dispatch:
  merge_group:
  release:
    types: [${verdictEvents.RELEASE_ACTIONS.join(', ')}]

permissions:
  contents: read
  pull-requests: write
  statuses: write
${followUp ? '  issues: write\n' : ''}
concurrency:
  group: checklist-gate-\${{ github.event.pull_request.number || github.event.workflow_run.head_sha || github.ref }}
  cancel-in-progress: false

jobs:
  checklist:
    runs-on: ubuntu-latest
    steps:
      - uses: checklist-gate/checklist-gate@v1
`;

/** With no named workflow found: the trigger as a commented example to fill in. */
const WORKFLOW_RUN_EXAMPLE = `  # Re-evaluate when a run that the checklist links as evidence completes. Name your workflows:
  # workflow_run:
  #   workflows: [CI]
  #   types: [${verdictEvents.WORKFLOW_RUN_ACTIONS.join(', ')}]`;

/** The workflow as written when the repository has no workflows (the README shows this one). */
export const WORKFLOW = workflowText(WORKFLOW_RUN_EXAMPLE);

/** Where `init` writes the gate's own workflow; it never lists itself under workflow_run. */
export const WORKFLOW_PATH = '.github/workflows/checklist-gate.yml';

/**
 * The `workflow_run` trigger for the repository's workflows, by their `name:` (what GitHub
 * matches `workflows:` against), or the commented example when none has a name. Files that are
 * not valid YAML, or have no name, are said in a comment rather than guessed at.
 */
export function workflowRunBlock(workflows: { path: string; text: string }[]): string {
  const names: string[] = [];
  const unnamed: string[] = [];
  for (const { path, text } of workflows) {
    if (path === WORKFLOW_PATH) continue;
    let name: unknown;
    try {
      name = (parse(text) as { name?: unknown } | null)?.name;
    } catch {
      name = undefined;
    }
    if (typeof name === 'string' && name.trim() !== '' && name !== 'checklist-gate') {
      if (!names.includes(name)) names.push(name);
    } else if (name !== 'checklist-gate') unnamed.push(path);
  }
  // A comment ends at a line break: a file name cannot carry one into the YAML.
  const note =
    unnamed.length > 0
      ? `\n  # Not listed (no readable name: key): ${unnamed.join(', ').replace(/[\r\n]/g, ' ')}`
      : '';
  if (names.length === 0) return WORKFLOW_RUN_EXAMPLE + note;
  const list = stringify(names, { collectionStyle: 'flow', flowCollectionPadding: false }).trim();
  return (
    '  # Re-evaluate when a run that the checklist links as evidence completes: the workflows found here.\n' +
    `  workflow_run:\n    workflows: ${list}\n    types: [${verdictEvents.WORKFLOW_RUN_ACTIONS.join(', ')}]${note}`
  );
}
