/** The emergency release in the comment. */
import { approverWords } from '../evaluate/approvers.js';
import type { EmergencyException, Report } from '../evaluate/report.js';
import { safeInline } from './safe-text.js';

/** The emergency release the report weighs, if the label asked for one. */
export function emergencyOf(report: Report): EmergencyException | null {
  return report.exceptions?.find((exception) => exception.kind === 'emergency') ?? null;
}

/**
 * What the comment and the job summary say of an emergency release: who approved it and how many
 * items it defers, or who can approve it. Names are echoed without pinging anyone.
 */
export function emergencyLines(emergency: EmergencyException): string[] {
  const label = safeInline(emergency.label, 100);
  const count = `${emergency.deferred.length} open item${emergency.deferred.length === 1 ? '' : 's'}`;
  if (emergency.state === 'accepted') {
    const by = safeInline(`@${emergency.approvedBy?.login ?? ''}`, 60);
    const followUp =
      emergency.followUp === 'issue'
        ? ' When this pull request is merged, the gate opens an issue that lists them.'
        : '';
    return [
      `> 🚨 **Emergency release**, approved by ${by} (an approving review of the head commit): the “${label}” label lets this pull request pass with ${count} deferred, listed below.${followUp}`,
    ];
  }
  const who = safeInline(approverWords(emergency.approvers), 300);
  if (emergency.state === 'unchecked')
    return [
      `> 🚨 The “${label}” label asks for an emergency release; its approval was not checked here (the CLI reads no reviews). In the action it passes with ${count} deferred once ${who} approves the head commit.`,
    ];
  return [
    `> 🚨 The “${label}” label asks for an emergency release. Who can approve it: ${who}, by an approving review of the current head commit (a review of an earlier commit does not count). Then this pull request passes with ${count} deferred.`,
  ];
}
