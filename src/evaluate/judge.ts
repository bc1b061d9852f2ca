import type { ChecklistDocument } from '../checklist/task-item.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import type { Report } from '../report/report.js';
import type { EvaluationContext } from './context.js';
import { evaluate, policyErrorReport } from './evaluate.js';
import type { GatheredFacts } from './facts.js';

/** The pure step: the parsed description, the policy and the facts read for it, judged. */
export function judge(
  doc: ChecklistDocument | null,
  load: PolicyLoad,
  policyPath: string,
  context: EvaluationContext,
  facts: GatheredFacts | null,
): Report {
  if (!load.ok || doc === null) return policyErrorReport(load.ok ? [] : load.errors, policyPath);
  return evaluate(doc, load.policy, {
    ...context,
    changedPaths: facts?.changedPaths ?? context.changedPaths,
    changedPathsCapped: facts?.changedPathsCapped ?? false,
    evidence: facts?.evidence ?? null,
    signoffs: facts?.signoffs ?? null,
  });
}
