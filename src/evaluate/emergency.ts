/** Emergency releases: the label, the approval, the deferred items. */
import type { EmergencyRule } from '../policy/policy.js';
import { FAILING_STATUSES, type DeferredItem, type EmergencyException, type Report } from './report.js';
import { approverTest, unreadableTeams } from './approvers.js';
import type { SignoffFacts } from './facts.js';

/** Whether the pull request carries the emergency label (exact name, case-insensitive). */
export function hasEmergencyLabel(rule: EmergencyRule | null, labels: string[]): rule is EmergencyRule {
  if (rule === null) return false;
  const label = rule.label.toLowerCase();
  return labels.some((name) => name.toLowerCase() === label);
}

/**
 * The verdict under the policy's emergency rule. With the label on and required items open, an
 * approving review by an approver on the current head commit (SignoffFacts.approvedBy holds only
 * those) makes the report pass with every open requirement deferred; without one the report is
 * unchanged but for the exception, which says who can approve. A policy error never passes.
 */
export function applyEmergency(
  report: Report,
  rule: EmergencyRule | null,
  labels: string[],
  signoffs: SignoffFacts | null,
): Report {
  if (report.passed || report.conclusion === 'error' || !hasEmergencyLabel(rule, labels)) return report;
  const deferred = openRequirements(report);
  if (deferred.length === 0) return report;
  const exception: EmergencyException = {
    kind: 'emergency',
    label: rule.label,
    approvers: rule.approvers,
    approvedBy: null,
    state: 'needs-approval',
    deferred,
    followUp: rule.followUp,
  };
  const notes = [...report.notes];
  const withException = (
    state: EmergencyException['state'],
    approvedBy: EmergencyException['approvedBy'],
  ) => ({
    ...report,
    exceptions: [...(report.exceptions ?? []), { ...exception, state, approvedBy }],
    notes,
  });
  if (signoffs === null) {
    notes.push(
      `The "${rule.label}" label asks for an emergency release; its approval was not checked, since the CLI does not read reviews.`,
    );
    return withException('unchecked', null);
  }
  // A team whose members cannot be read approves no one: said, never taken for an approval.
  for (const problem of unreadableTeams(rule.approvers, signoffs))
    notes.push(`Emergency approvers: ${problem}.`);
  const isApprover = approverTest(rule.approvers, signoffs);
  const approver = [...signoffs.approvedBy].sort().find(isApprover);
  if (approver === undefined) return withException('needs-approval', null);
  const count = `${deferred.length} item${deferred.length === 1 ? '' : 's'}`;
  return {
    ...withException('accepted', { login: approver, by: 'review' }),
    passed: true,
    conclusion: 'pass',
    summary: `emergency release approved by @${approver}: ${count} deferred`,
    counts: { ...report.counts, deferred: deferred.length },
  };
}

/** Every requirement that keeps the report failing: required items, sections, a checklist not found. */
function openRequirements(report: Report): DeferredItem[] {
  if (!report.checklist.found)
    return [
      {
        kind: 'checklist',
        id: null,
        text: 'The checklist',
        line: null,
        section: null,
        problem: report.summary,
      },
    ];
  const items: DeferredItem[] = report.items
    .filter((item) => item.required && FAILING_STATUSES.has(item.status))
    .map((item) => ({
      kind: 'item',
      id: item.id,
      text: item.text,
      line: item.line,
      section: item.section,
      problem: item.problems.join('; ') || item.status,
    }));
  const sections: DeferredItem[] = report.sections
    .filter((section) => section.status === 'failing')
    .map((section) => ({
      kind: 'section',
      id: null,
      text: section.heading,
      line: null,
      section: section.heading,
      problem: section.problem ?? 'failing',
    }));
  return [...items, ...sections];
}
