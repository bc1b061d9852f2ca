/** The one pure step from a reading to a report. */
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import type { Report } from './report.js';
import type { EvaluationContext } from './context.js';
import { evaluate, policyErrorReport } from './evaluate.js';
import type { GatheredFacts } from './facts.js';
import { gateChangeReport, withGateChange, type GateChange } from './gate-change.js';

/** The pure step: the parsed description, the policy and the facts read for it, judged. */
export function judge(
  doc: ChecklistDocument | null,
  load: PolicyLoad,
  policyPath: string,
  context: EvaluationContext,
  facts: GatheredFacts | null,
  gateChange: GateChange | null = null,
): Report {
  if (load.ok && gateChange !== null && !gateChange.checklistGated)
    return gateChangeReport(load.policy, gateChange, facts?.signoffs ?? null);
  if (!load.ok || doc === null) return policyErrorReport(load.ok ? [] : load.errors, policyPath);
  const report = evaluate(doc, load.policy, {
    ...context,
    changedPaths: facts?.changedPaths ?? context.changedPaths,
    changedPathsCapped: facts?.changedPathsCapped ?? false,
    evidence: facts?.evidence ?? null,
    signoffs: facts?.signoffs ?? null,
  });
  return gateChange === null ? report : withGateChange(report, gateChange, facts?.signoffs ?? null);
}
