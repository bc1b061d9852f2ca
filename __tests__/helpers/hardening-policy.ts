import type { EvaluationContext } from '../../src/evaluate/context.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/policy.js';

/** A pull request into main, with no labels and its changed files unknown. */
export const CONTEXT: EvaluationContext = {
  event: 'pull_request',
  baseBranch: 'main',
  labels: [],
  changedPaths: null,
};

/** The policy the hardening tests attack: a rollback item, and a load test needing a link to an Actions run. */
export const POLICY_TEXT = [
  'version: 1',
  'items:',
  '  - id: rollback',
  '    text: Rollback plan tested',
  '  - id: load',
  '    text: Load test passed',
  '    evidence:',
  "      allow: ['https://github.com/*/*/actions/runs/*']",
  '',
].join('\n');

export function load(text: string): Policy {
  const loaded = loadPolicy(text, '.github/checklist-gate.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.policy;
}

export const POLICY = load(POLICY_TEXT);
