/** Where verified evidence came from: a run's workflow and event, and who closed an issue or merged a pull request. */
import type { EvidenceRule } from '../policy/policy.js';
import type { ReportItem } from './report.js';
import { workflowFileKey, type EvidenceFacts, type LinkFacts } from './facts.js';
import type { GitHubLink } from './github-link.js';
import { asWorkflowPath, workflowFileOf } from './workflow-path.js';

type RunFacts = Extract<LinkFacts, { kind: 'run' | 'job' | 'check-run' }>;
export type VerifiedRun = NonNullable<ReportItem['runs']>[number];

/**
 * Why a successful run, job or check run does not belong to a workflow the rule names, or null
 * when it does (or the rule names none). The workflow is the file the run names, as the base
 * branch has it: a file that is not there (one the pull request adds) never counts, and its name
 * is the base branch's, not the one the run shows, which the pull request's copy can change; and
 * a run on a commit whose copy of the file differs from the base branch's ran what the pull
 * request wrote, so it never counts either.
 */
export function workflowRefusal(
  link: GitHubLink,
  facts: RunFacts,
  workflows: string[] | null,
  evidence: EvidenceFacts,
): string | null {
  if (workflows === null) return null;
  const wanted = workflows.join(', ');
  if (facts.kind === 'check-run' || !facts.workflow)
    return `${link.label} names no workflow (a check run does not); link the Actions run or job of ${wanted}`;
  const file = workflowFileOf(facts.workflow.path, `${link.owner}/${link.repo}`);
  if (file === null)
    return `${link.label} is a run of ${facts.workflow.path}, not of a workflow file in the repository (${wanted})`;
  const onBase = evidence.workflowFiles.get(workflowFileKey(file.repository, file.path));
  if (!onBase?.found) {
    const branch =
      file.repository.toLowerCase() === evidence.repository.toLowerCase()
        ? `the base branch${evidence.baseBranch === null ? '' : ` (${evidence.baseBranch})`}`
        : `the default branch of ${file.repository}`;
    return `${link.label} is a run of ${file.path}, which is not on ${branch}: a workflow the pull request adds proves nothing`;
  }
  if (onBase.changedAt.includes(facts.headSha))
    return `${link.label} is a run of ${file.path} as commit ${facts.headSha.slice(0, 7)} has it, which differs from the base branch's: a run of a workflow the pull request changes proves nothing (link a run of the workflow as the base branch has it)`;
  const named = workflows.some((entry) => {
    const path = asWorkflowPath(entry);
    return path !== null
      ? path === file.path
      : entry.trim().toLowerCase() === onBase.name.trim().toLowerCase();
  });
  return named ? null : `${link.label} is a run of "${onBase.name}" (${file.path}), not of ${wanted}`;
}

/** The workflow and event of a verified run or job, for the report; null when not known. */
export function verifiedRun(
  url: string,
  link: GitHubLink,
  facts: RunFacts,
  evidence: EvidenceFacts,
): VerifiedRun | null {
  if (facts.kind === 'check-run' || !facts.workflow) return null;
  const file = workflowFileOf(facts.workflow.path, `${link.owner}/${link.repo}`);
  const onBase = file ? evidence.workflowFiles.get(workflowFileKey(file.repository, file.path)) : undefined;
  return {
    url,
    workflow: onBase?.found ? onBase.name : (facts.workflow.name ?? facts.workflow.path),
    path: file?.path ?? facts.workflow.path,
    event: facts.workflow.event,
  };
}

/**
 * Why a merged pull request or closed issue was not closed by whom the rule asks, or null when
 * it was (or the rule asks no one in particular). Who closed it must be known: GitHub's answer
 * without one proves nothing about who.
 */
export function closerRefusal(
  link: GitHubLink,
  closer: string | null,
  closedBy: EvidenceRule['closedBy'],
  evidence: EvidenceFacts,
  isMember: (team: string, login: string) => boolean | string,
): string | null {
  if (closedBy === null) return null;
  const verb = link.kind === 'pull' ? 'merged' : 'closed';
  if (closer === null) return `GitHub does not say who ${verb} ${link.label}, so it cannot show who did`;
  if (closedBy === 'not-author') {
    if (evidence.author === null)
      return `the author under review is not known, so ${link.label} cannot be shown ${verb} by someone else`;
    return closer.toLowerCase() === evidence.author.toLowerCase()
      ? `${link.label} was ${verb} by @${closer}, the author under review; someone else must ${verb.replace(/d$/, '')} it`
      : null;
  }
  const problems: string[] = [];
  for (const entry of closedBy) {
    if (!entry.includes('/')) {
      if (entry.toLowerCase() === closer.toLowerCase()) return null;
      continue;
    }
    const member = isMember(entry.toLowerCase(), closer.toLowerCase());
    if (member === true) return null;
    if (typeof member === 'string') problems.push(member);
  }
  const who = closedBy
    .map((entry) => (entry.includes('/') ? `a member of @${entry}` : `@${entry}`))
    .join(', ');
  return `${link.label} was ${verb} by @${closer}, who is not ${closedBy.length === 1 ? '' : 'one of '}${who}${problems.length > 0 ? ` (${problems.join('; ')})` : ''}`;
}
