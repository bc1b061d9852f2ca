/** An item marked not applicable judged against its rule. */
import type { TaskItem } from '../checklist/task-item.js';
import type { NotApplicableException } from './report.js';
import { approverTest, approverWords, unreadableTeams } from './approvers.js';
import type { NotApplicableClaim } from './exception-claims.js';
import type { SignoffFacts } from './facts.js';
import type { ItemVerdict } from './judge-item.js';
import { reasonProblem, REASON_FIX } from './not-applicable.js';

/** What the evaluator knows for judging an exception: reviews and teams, and who wrote or kept each N/A line. */
export interface ExceptionFacts {
  signoffs: SignoffFacts | null;
  keptBy: Map<number, string[]>;
  notes: string[];
}

/**
 * A required item marked not applicable: refused when the policy does not allow it or the reason
 * says nothing; otherwise it stands, at once (with-reason) or once an approver approves it
 * (with-approval), by an approving review on the head commit or by writing or keeping the N/A line.
 */
export function judgeNotApplicable(
  item: TaskItem,
  claim: NotApplicableClaim,
  id: string | null,
  facts: ExceptionFacts,
): { verdict: ItemVerdict; exception: NotApplicableException | null } {
  const marked =
    claim.heading === null
      ? 'marked not applicable'
      : `marked not applicable by its section "${claim.heading}"`;
  const rule = claim.rule;
  if (rule.rule === 'never') {
    const remove = claim.heading === null ? 'from the item' : 'from its heading';
    return {
      verdict: {
        status: 'unchecked',
        problems: [`${marked}, but the policy does not allow N/A for this item`],
        fix: `Do this step and tick the box, and remove the "N/A:" ${remove}: this item cannot be skipped.`,
      },
      exception: null,
    };
  }
  const problem = reasonProblem(claim.form.reason);
  if (problem !== null)
    return {
      verdict: { status: 'unchecked', problems: [`${marked}, but ${problem}`], fix: REASON_FIX },
      exception: null,
    };
  const exception: NotApplicableException = {
    kind: 'not-applicable',
    id,
    // The item as rules know it, without its own "— N/A: reason".
    text: claim.heading === null ? claim.form.text : item.text,
    line: item.line,
    section: item.section,
    heading: claim.heading,
    reason: claim.form.reason,
    rule: rule.rule,
    approvers: rule.rule === 'with-approval' ? rule.approvers : null,
    approvedBy: null,
    state: 'accepted',
  };
  const standing: ItemVerdict = { status: 'not-applicable', problems: [], fix: null };
  if (rule.rule === 'with-reason') return { verdict: standing, exception };
  const approvers = rule.approvers ?? [];
  if (approvers.length === 0)
    return {
      verdict: {
        status: 'unapproved',
        problems: [`${marked}, but the policy names no one who may approve that`],
        fix: 'Do this step and tick the box, or name approvers for its not-applicable rule in the policy.',
      },
      exception: { ...exception, state: 'needs-approval' },
    };
  if (facts.signoffs === null) {
    facts.notes.push(
      `"${claim.form.text}": its N/A approval was not checked; the CLI does not call the GitHub API.`,
    );
    return { verdict: standing, exception: { ...exception, state: 'unchecked' } };
  }
  const isApprover = approverTest(approvers, facts.signoffs);
  const reviewer = facts.signoffs.approvedBy.find(isApprover);
  if (reviewer !== undefined)
    return { verdict: standing, exception: { ...exception, approvedBy: { login: reviewer, by: 'review' } } };
  const keeper = (facts.keptBy.get(item.index) ?? []).find(isApprover);
  if (keeper !== undefined)
    return { verdict: standing, exception: { ...exception, approvedBy: { login: keeper, by: 'edit' } } };
  const who = approverWords(approvers);
  return {
    verdict: {
      status: 'unapproved',
      problems: [
        `${marked}; the exception needs the approval of ${who}`,
        ...unreadableTeams(approvers, facts.signoffs),
      ],
      fix: `Ask ${who} to approve the pull request (a review on its current head commit), or to write or keep the N/A line in the description themselves.`,
    },
    exception: { ...exception, state: 'needs-approval' },
  };
}
