import { selectBlock } from '../checklist/block.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { Policy } from '../policy/policy.js';
import { checkEvidence } from './evidence.js';
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
  /** The org/team names approver lists use. */
  teams: string[];
}

/**
 * Works out, from the description and the policy alone, which links must be verified (those of
 * ticked items whose rule asks for verification and that pass the allow-list), and whether the
 * changed files, the reviews and team members are needed.
 */
export function factsNeeded(doc: ChecklistDocument, policy: Policy, host: string): FactsNeeded {
  const block = selectBlock(doc, policy.checklist);
  const index = indexItems(block.items);
  const links = new Map<string, GitHubLink>();
  let reviews = false;
  const teams = new Set<string>();
  for (const rule of policy.items) {
    const ticked = findMatches(rule, index).filter((item) => item.checked);
    if (rule.approvers && ticked.length > 0) {
      reviews = true;
      for (const approver of rule.approvers) if (approver.includes('/')) teams.add(approver.toLowerCase());
    }
    if (!rule.evidence?.verify) continue;
    for (const item of ticked) {
      for (const url of checkEvidence(item.links, rule.evidence).accepted) {
        const link = parseGitHubLink(url, host);
        if (link && !links.has(link.key)) links.set(link.key, link);
      }
    }
  }
  const conditions = [...policy.items.map((rule) => rule.when), ...policy.sections.map((rule) => rule.when)];
  const all = [...links.values()];
  return {
    links: all.slice(0, policy.verification.maxLinks),
    overLimit: Math.max(0, all.length - policy.verification.maxLinks),
    changedFiles: conditions.some((when) => when?.paths !== undefined),
    reviews,
    teams: [...teams],
  };
}
