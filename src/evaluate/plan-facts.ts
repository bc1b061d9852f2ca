/** What an evaluation must read through the API, so that only that is read. */
import { selectBlock } from '../checklist/block.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';
import { conditionHolds } from './conditions.js';
import type { EvaluationContext } from './context.js';
import { hasEmergencyLabel } from './emergency.js';
import { checkEvidence } from './evidence.js';
import { notApplicableClaims } from './exception-claims.js';
import { parseGitHubLink, type GitHubLink } from './github-link.js';
import { indexItems } from './item-index.js';
import { findMatches } from './match-items.js';

/** The facts an evaluation needs from the API, so that the action fetches only those. */
export interface FactsNeeded {
  /** Distinct links to verify, in description order, at most the policy's limit. */
  links: GitHubLink[];
  /** Distinct links left out by the limit. */
  overLimit: number;
  changedFiles: boolean;
  reviews: boolean;
  /** The org/team names approver and closed-by lists use. */
  teams: string[];
  /** Some rule names workflows: a job's run and each run's workflow file on the base branch are read. */
  workflows: boolean;
  /** Some rule says who must have closed or merged: who merged a pull request linked as an issue is read. */
  closers: boolean;
}

/**
 * Works out, from the description, the policy and what is already known of the pull request,
 * which links must be verified (those of ticked items whose rule asks for verification, may be
 * required here, and passes the allow-list), and whether the changed files, the reviews and team
 * members are needed. Path conditions count as holding here: the files come in the same round.
 */
export function factsNeeded(
  doc: ChecklistDocument,
  policy: Policy,
  host: string,
  context: Pick<EvaluationContext, 'event' | 'baseBranch' | 'labels'>,
): FactsNeeded {
  const index = indexItems(selectBlock(doc, policy.checklist).items);
  const mayHold = { ...context, changedPaths: null };
  const found: { position: number; order: number; link: GitHubLink }[] = [];
  let reviews = false;
  let workflows = false;
  let closers = false;
  const teams = new Set<string>();
  for (const rule of policy.items) {
    if (!conditionHolds(rule.when, mayHold).holds) continue;
    const ticked = findMatches(rule, index).filter((item) => item.checked);
    if (rule.approvers && ticked.length > 0) {
      reviews = true;
      for (const approver of rule.approvers) if (approver.includes('/')) teams.add(approver.toLowerCase());
    }
    if (!rule.evidence?.verify) continue;
    const { closedBy } = rule.evidence;
    if (ticked.length > 0) {
      workflows ||= rule.evidence.workflows !== null;
      closers ||= closedBy !== null;
      if (Array.isArray(closedBy))
        for (const closer of closedBy) if (closer.includes('/')) teams.add(closer.toLowerCase());
    }
    for (const item of ticked) {
      checkEvidence(item.links, rule.evidence).accepted.forEach((url, order) => {
        const link = parseGitHubLink(url, host);
        if (link) found.push({ position: item.index, order, link });
      });
    }
  }
  // An exception that needs approval needs the reviews, the edit history and the approvers' teams.
  for (const claim of notApplicableClaims(index, policy).values()) {
    if (claim.rule.rule !== 'with-approval') continue;
    reviews = true;
    for (const approver of claim.rule.approvers ?? [])
      if (approver.includes('/')) teams.add(approver.toLowerCase());
  }
  // The emergency label asks for the reviews on the head commit and the approvers' teams.
  if (hasEmergencyLabel(policy.emergency, context.labels)) {
    reviews = true;
    for (const approver of policy.emergency.approvers)
      if (approver.includes('/')) teams.add(approver.toLowerCase());
  }
  found.sort((a, b) => a.position - b.position || a.order - b.order);
  const byKey = new Map<string, GitHubLink>();
  for (const { link } of found) if (!byKey.has(link.key)) byKey.set(link.key, link);
  const distinct = [...byKey.values()];
  const conditions = [...policy.items.map((rule) => rule.when), ...policy.sections.map((rule) => rule.when)];
  return {
    links: distinct.slice(0, policy.verification.maxLinks),
    overLimit: Math.max(0, distinct.length - policy.verification.maxLinks),
    changedFiles: conditions.some((when) => when?.paths !== undefined),
    reviews,
    teams: [...teams],
    workflows,
    closers,
  };
}
