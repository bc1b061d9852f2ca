import { DEFAULT_MAX_VERIFIED_LINKS } from './default-policy.js';
import type { RawPolicy } from './generated/raw-policy.js';
import { approversOf, ruleOf, type RawEmergency, type RawNotApplicable } from './raw-policy.js';
import type {
  EmergencyRule,
  EvidenceRule,
  ItemRule,
  NotApplicableRule,
  Policy,
  PullRequestSelector,
  SectionRule,
} from './policy.js';

/**
 * An item's not-applicable rule: its own, else the policy's default. Who approves: the long form's
 * approvers, else the item's own approvers, else the default's.
 */
function notApplicableOf(
  own: RawNotApplicable | undefined,
  approvers: string[] | undefined,
  fallback: RawNotApplicable | undefined,
): NotApplicableRule {
  const rule = ruleOf(own) ?? ruleOf(fallback) ?? 'never';
  if (rule !== 'with-approval') return { rule, approvers: null };
  return { rule, approvers: approversOf(own) ?? approvers ?? approversOf(fallback) ?? null };
}

/** The policy the evaluator uses, every default filled in; `lineOf` gives the line of a node of `raw`. */
export function toPolicy(
  raw: RawPolicy,
  file: string,
  lineOf: (path: (string | number)[]) => number | null,
): Policy {
  const sections: SectionRule[] = (raw.sections ?? []).map((section, index) => ({
    heading: section.heading,
    require: section.require ?? 'all',
    when: section.when ?? null,
    line: lineOf(['sections', index]),
  }));
  const items: ItemRule[] = (raw.items ?? []).map((item, index) => {
    const evidence: EvidenceRule | null = item.evidence
      ? {
          min: item.evidence.min ?? 1,
          allow: item.evidence.allow ?? null,
          hint: item.evidence.hint ?? null,
          verify: item.evidence.verify ?? false,
          sameCommit: item.evidence['same-commit'] ?? false,
          repositories: (item.evidence.repositories ?? []).map((name) => name.toLowerCase()),
          workflows: item.evidence.workflows ?? null,
          closedBy: item.evidence['closed-by'] ?? null,
        }
      : null;
    return {
      id: item.id ?? null,
      text: item.text ?? null,
      match: item.match ?? null,
      section: item.section ?? null,
      required: item.required ?? true,
      evidence,
      approvers: item.approvers ?? null,
      notApplicable: notApplicableOf(item['not-applicable'], item.approvers, raw['not-applicable']),
      when: item.when ?? null,
      line: lineOf(['items', index]),
    };
  });
  return {
    source: { kind: 'file', path: file },
    gate: {
      branches: raw.gate?.branches ?? null,
      releases: raw.gate?.releases ?? true,
      pullRequests: toSelector(raw.gate?.['pull-requests']),
      ignoreAuthors: raw.gate?.['pull-requests']?.['ignore-authors'] ?? [],
    },
    checklist: {
      ...(raw.checklist?.heading !== undefined && { heading: raw.checklist.heading }),
      ...(raw.checklist?.start !== undefined && { start: raw.checklist.start }),
      ...(raw.checklist?.end !== undefined && { end: raw.checklist.end }),
      required: raw.checklist?.required ?? true,
    },
    unlisted: raw.unlisted ?? 'required',
    verification: { maxLinks: raw.verification?.['max-links'] ?? DEFAULT_MAX_VERIFIED_LINKS },
    notApplicable: notApplicableOf(raw['not-applicable'], undefined, undefined),
    emergency: emergencyOf(raw.emergency),
    policyOwners: raw['policy-owners'] ?? null,
    sections,
    items,
  };
}

function emergencyOf(raw: RawEmergency | undefined): EmergencyRule | null {
  if (raw === undefined || raw === 'never') return null;
  return { label: raw.label, approvers: raw.approvers, followUp: raw['follow-up'] ?? 'none' };
}

function toSelector(raw: NonNullable<RawPolicy['gate']>['pull-requests']): PullRequestSelector | null {
  // ignore-authors alone skips some authors, and gates every other pull request.
  if (raw === undefined || (raw['head-branches'] ?? raw.labels ?? raw.title) === undefined) return null;
  return {
    headBranches: raw['head-branches'] ?? null,
    labels: raw.labels ?? null,
    title: raw.title ?? null,
  };
}
