/** The report for a terminal. */
import type { EmergencyException, NotApplicableException, Report, ReportItem } from '../evaluate/report.js';
import { emergencyOf } from './emergency-markdown.js';
import { almostBoxWords, elsewhereWords, isPlainUnticked } from './markdown.js';
import { FAILING_STATUSES } from '../evaluate/report.js';

/** The report for a terminal: the verdict, then each failing item with its line and fix. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  const verdict = report.conclusion === 'error' ? 'ERROR' : report.passed ? 'PASS' : 'FAIL';
  lines.push(`${verdict}  ${report.summary}`);
  if (report.conclusion === 'error') {
    for (const error of report.errors) {
      const place = [error.file, error.line, error.column].filter((part) => part !== null).join(':');
      lines.push(`  ${place}: ${error.message}`);
    }
    return lines.join('\n') + '\n';
  }
  lines.push(
    `  checklist: ${report.checklist.where}; policy: ${report.policy.path ?? 'none (every task item required)'}${report.policy.organisation !== undefined && report.policy.organisation !== report.policy.path ? ` over organisation policy ${report.policy.organisation}` : ''}`,
  );
  const elsewhere = elsewhereWords(report);
  if (elsewhere !== null) lines.push(`  ${elsewhere}`);
  for (const hint of almostBoxWords(report)) lines.push(`  ${hint}`);
  const failing = report.items.filter((item) => FAILING_STATUSES.has(item.status));
  if (failing.length > 0) lines.push('', 'Failing:');
  if (failing.some(isPlainUnticked))
    lines.push('  (tick each box once its step is done; items that need more say so)');
  for (const item of failing) lines.push(...failingItem(item));
  const sections = report.sections.filter((section) => section.status === 'failing');
  for (const section of sections) {
    lines.push(`  section "${section.heading}": ${section.problem ?? ''}`);
    if (section.fix) lines.push(`      fix: ${section.fix}`);
  }
  const exceptions = (report.exceptions ?? []).filter(
    (exception): exception is NotApplicableException => exception.kind === 'not-applicable',
  );
  if (exceptions.length > 0) lines.push('', 'Not applicable:');
  for (const exception of exceptions) {
    const place = exception.line === null ? 'missing' : `line ${exception.line}`;
    const approval =
      exception.approvedBy !== null
        ? ` (approved by @${exception.approvedBy.login})`
        : exception.state === 'needs-approval'
          ? ` (needs approval from ${(exception.approvers ?? []).map((name) => `@${name}`).join(', ')})`
          : '';
    lines.push(`  ${place.padEnd(9)} ${exception.text}: ${exception.reason}${approval}`);
  }
  const emergency = emergencyOf(report);
  if (emergency !== null) lines.push('', ...emergencyText(emergency));
  // The same counts as the JSON report's.
  const { required, done, open, optional, notRequired } = report.counts;
  lines.push(
    '',
    `Required: ${required}  Done: ${done}  Open: ${open}  Optional: ${optional}  Not required: ${notRequired}`,
  );
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return lines.join('\n') + '\n';
}

function failingItem(item: ReportItem): string[] {
  const place = item.line === null ? 'missing' : `line ${item.line}`;
  const id = item.id === null ? '' : ` (${item.id})`;
  const lines = [
    `  ${place.padEnd(9)} [${item.checked ? 'x' : ' '}] ${item.text}${id}: ${item.problems.join('; ')}`,
  ];
  if (item.fix && !isPlainUnticked(item)) lines.push(`      fix: ${item.fix}`);
  if (item.anyoneCanTick) lines.push('      anyone can tick this: the policy names no approvers');
  if (item.ruleFrom) lines.push(`      rule from: ${item.ruleFrom.join(' + ')}`);
  return lines;
}

function emergencyText(emergency: EmergencyException): string[] {
  const count = `${emergency.deferred.length} open item${emergency.deferred.length === 1 ? '' : 's'}`;
  const approvers = emergency.approvers.map((name) => `@${name}`).join(', ');
  if (emergency.state === 'accepted')
    return [
      `Emergency release ("${emergency.label}"): approved by @${emergency.approvedBy?.login ?? ''}, ${count} deferred.`,
    ];
  return [
    `Emergency release ("${emergency.label}"): ${emergency.state === 'unchecked' ? 'approval not checked here' : 'not approved'}; it defers ${count} once ${approvers} approves the head commit.`,
  ];
}
