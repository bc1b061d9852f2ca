/** The follow-up issue an emergency release owes: whether one is due, and its text. */
import type { DeferredItem, EmergencyException, Report } from '../evaluate/report.js';
import { emergencyOf } from './emergency-markdown.js';
import { codeSpan, safeInline } from './safe-text.js';

/** The approved emergency release whose policy asks for a follow-up issue; null when none is owed. */
export function followUpDue(report: Report): EmergencyException | null {
  const emergency = emergencyOf(report);
  return emergency?.state === 'accepted' && emergency.followUp === 'issue' && emergency.deferred.length > 0
    ? emergency
    : null;
}

/** The pull request the follow-up issue is about. */
export interface MergedPull {
  number: number;
  title: string;
  htmlUrl: string;
  headSha: string;
}

/**
 * The follow-up issue of an emergency release: the marker that finds it again, the pull request,
 * who approved it, and each deferred item as a task with a link to where it stands. Texts from the
 * description are echoed without pinging anyone or linking anywhere.
 */
export function followUpIssue(
  emergency: EmergencyException,
  pull: MergedPull,
  marker: string,
): { title: string; body: string } {
  const count = `${emergency.deferred.length} deferred item${emergency.deferred.length === 1 ? '' : 's'}`;
  const approver = safeInline(`@${emergency.approvedBy?.login ?? ''}`, 60);
  return {
    title: `Follow up the emergency release #${pull.number}: ${count}`,
    body: [
      marker,
      `Pull request #${pull.number} (${safeInline(pull.title, 200)}) was merged as an emergency release: the “${safeInline(emergency.label, 100)}” label, approved by ${approver} with an approving review of its head commit ${pull.headSha.slice(0, 7)}. ` +
        'These required items of its checklist were open and are still to do:',
      '',
      ...emergency.deferred.map((item) => deferredLine(item, pull.htmlUrl)),
      '',
      'Tick each one here when it is done, and close this issue when all are.',
      '',
    ].join('\n'),
  };
}

function deferredLine(item: DeferredItem, pullUrl: string): string {
  const what = item.kind === 'section' ? `section ${safeInline(item.text, 200)}` : safeInline(item.text, 200);
  const id = item.id === null ? '' : ` ${codeSpan(item.id)}`;
  const where =
    item.line === null
      ? `[the pull request](${pullUrl})`
      : `[line ${item.line} of the pull request's description](${pullUrl})`;
  return `- [ ] **${what}**${id}: ${safeInline(item.problem, 300)} (${where})`;
}
