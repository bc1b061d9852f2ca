/** A policy file as written, made into the policy the evaluator uses: every default filled in. */
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';
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
  const rule = ruleOf(own) ?? ruleOf(fallback) ?? DEFAULTS['not-applicable'];
  if (rule !== 'with-approval') return { rule, approvers: null };
  return { rule, approvers: approversOf(own) ?? approvers ?? approversOf(fallback) ?? null };
}

/**
 * The policy the evaluator uses, every default filled in from defaults.ts (a key left out that has
 * no default is null, or an empty list); `lineOf` gives the line of a node of `raw`.
 */
export function toPolicy(
  raw: RawPolicy,
  file: string,
  lineOf: (path: (string | number)[]) => number | null,
): Policy {
  const sections: SectionRule[] = (raw.sections ?? []).map((section, index) => ({
    heading: section.heading,
    require: section.require ?? DEFAULTS['sections[].require'],
    when: section.when ?? null,
    line: lineOf(['sections', index]),
  }));
  const items: ItemRule[] = (raw.items ?? []).map((item, index) => {
    const evidence: EvidenceRule | null = item.evidence
      ? {
          min: item.evidence.min ?? DEFAULTS['items[].evidence.min'],
          allow: item.evidence.allow ?? null,
          hint: item.evidence.hint ?? null,
          verify: item.evidence.verify ?? DEFAULTS['items[].evidence.verify'],
          sameCommit: item.evidence['same-commit'] ?? DEFAULTS['items[].evidence.same-commit'],
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
      required: item.required ?? DEFAULTS['items[].required'],
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
      releases: raw.gate?.releases ?? DEFAULTS['gate.releases'],
      pullRequests: toSelector(raw.gate?.['pull-requests']),
      ignoreAuthors: raw.gate?.['pull-requests']?.['ignore-authors'] ?? [],
    },
    checklist: {
      ...(raw.checklist?.heading !== undefined && { heading: raw.checklist.heading }),
      ...(raw.checklist?.start !== undefined && { start: raw.checklist.start }),
      ...(raw.checklist?.end !== undefined && { end: raw.checklist.end }),
      required: raw.checklist?.required ?? DEFAULTS['checklist.required'],
    },
    unlisted: raw.unlisted ?? DEFAULTS.unlisted,
    verification: { maxLinks: raw.verification?.['max-links'] ?? DEFAULTS['verification.max-links'] },
    notApplicable: notApplicableOf(raw['not-applicable'], undefined, undefined),
    emergency: emergencyOf(raw.emergency),
    policyOwners: raw['policy-owners'] ?? null,
    sections,
    items,
  };
}

function emergencyOf(raw: RawEmergency | undefined): EmergencyRule | null {
  if (raw === undefined || raw === 'never') return null;
  return {
    label: raw.label,
    approvers: raw.approvers,
    followUp: raw['follow-up'] ?? DEFAULTS['emergency.follow-up'],
  };
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
