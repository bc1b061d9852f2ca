// A description judged against a policy text, as for a pull request into main: the evaluator's unit tests.
import { parseChecklist } from '../../src/checklist/parse.js';
import type { EvaluationContext } from '../../src/evaluate/context.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Report } from '../../src/evaluate/report.js';
import { policyOf } from './policy-of.js';

/** A pull request into main with no labels and no changed files. */
export const PULL_REQUEST: EvaluationContext = {
  event: 'pull_request',
  baseBranch: 'main',
  labels: [],
  changedPaths: [],
};

/** The report on `markdown` under the policy `yaml`, for PULL_REQUEST with `context` laid over it. */
export function check(markdown: string, yaml: string, context: Partial<EvaluationContext> = {}): Report {
  return evaluate(parseChecklist(markdown), policyOf(yaml), { ...PULL_REQUEST, ...context });
}
