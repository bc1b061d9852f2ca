import type { ChecklistDocument } from '../checklist/task-item.js';
import type { EvaluationContext } from '../evaluate/context.js';
import { evaluate, policyErrorReport } from '../evaluate/evaluate.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { actionAccess } from '../github/base-policy.js';
import type { BaseReference } from '../policy/base-reference.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/report.js';
import { recordOf, type RecordFacts } from '../report/record.js';
import { GATE_VERSION } from '../version.js';
import { renderTemplate } from '../template/render-template.js';
import type { GatheredFacts } from './gather-facts.js';
import { missingOf, type GateOutcome } from './outcome.js';
import type { Verdict } from './publish.js';

/** The policy from its file's text and the bases it extends; no file means the default policy. */
export async function toPolicyLoad(
  text: string | null,
  path: string,
  readBase: ReadBase,
  access: (base: BaseReference) => string = actionAccess,
): Promise<PolicyLoad> {
  if (text === null) return { ok: true, policy: defaultPolicy() };
  return resolvePolicy(text, path, { readBase, access });
}

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

/** Links the comment carries: the policy at the ref it was read from, and the workflow run. */
export interface ReportLinks {
  policyUrl: string | null;
  runUrl: string | null;
}

/** The policy file on GitHub, from the repository's web address, the ref and the path. */
export function policyUrl(repositoryUrl: string, ref: string, path: string): string {
  const segments = (text: string) => text.split('/').map(encodeURIComponent).join('/');
  return `${repositoryUrl}/blob/${segments(ref)}/${segments(path)}`;
}

export function outcomeOf(
  report: Report,
  checkName: string,
  load: PolicyLoad,
  links: ReportLinks = { policyUrl: null, runUrl: null },
): GateOutcome {
  // Offered to paste when no checklist was found; the default policy names no items to offer.
  const template = load.ok && load.policy.items.length > 0 ? renderTemplate(load.policy) : null;
  // The default policy has no file to link to.
  const fromFile = load.ok && load.policy.source.kind === 'file';
  return {
    result: report.conclusion,
    report,
    markdown: renderMarkdown(report, {
      title: checkName,
      template,
      policyUrl: fromFile ? links.policyUrl : null,
      runUrl: links.runUrl,
    }),
    missing: missingOf(report),
    description: report.summary,
  };
}

export function verdictOf(report: Report, sha: string, markdown: string): Verdict {
  const state = report.passed ? 'success' : report.conclusion === 'error' ? 'error' : 'failure';
  return { sha, state, description: report.summary, markdown, report };
}

/** The report with the record of what it judged, stamped now with this gate's version. */
export function recorded(report: Report, facts: Omit<RecordFacts, 'now' | 'version'>): Report {
  return { ...report, record: recordOf({ ...facts, now: new Date(), version: GATE_VERSION }) };
}

/** The loaded policy, for the record; null when it could not be loaded. */
export function loadedPolicy(load: PolicyLoad) {
  return load.ok ? load.policy : null;
}

export function skipped(description: string): GateOutcome {
  return {
    result: 'skip',
    report: null,
    markdown: `### checklist-gate\n\n${description}\n`,
    missing: [],
    description,
  };
}
