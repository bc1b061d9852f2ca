/** The facts the policy asks for, read through the API in one round: links, files, reviews, teams, edit history. */
import type { GatheredFacts, LinkFacts, PullRequestEdit } from '../evaluate/facts.js';

export type { GatheredFacts } from '../evaluate/facts.js';
import type { FactsNeeded } from '../evaluate/plan-facts.js';
import { listChangedFiles } from '../github/changed-files.js';
import type { GitHubClient } from '../github/client.js';
import { fetchLinkFacts } from '../github/linked-facts.js';
import { descriptionHistory } from '../github/edit-history.js';
import { workflowFilesOfRuns } from '../github/workflow-files.js';
import { approversOfHead } from '../github/reviews.js';
import type { Repository } from '../github/repository.js';
import { teamMembers } from '../github/team-members.js';

export interface FactsAbout {
  repository: Repository;
  /** The repository's GitHub host, such as github.com. */
  host: string;
  /** The commit being evaluated. */
  commit: string | null;
  maxLinks: number;
  /** The pull request, when a pull request is evaluated. */
  pullNumber: number | null;
  /** The edit that triggered the run, if it produced the description being evaluated. */
  edit: PullRequestEdit | null;
  /** The branch whose workflow files prove a run; null for the default branch (a release). */
  baseBranch: string | null;
  /** Who wrote the pull request or release, for closed-by: not-author; null when unknown. */
  author: string | null;
}

/** Fetches, all at once, only what the policy needs: each distinct link once, files, reviews and teams. */
export async function gatherFacts(
  client: GitHubClient,
  needed: FactsNeeded,
  about: FactsAbout,
): Promise<GatheredFacts> {
  const { repository, pullNumber, commit } = about;
  const [links, files, approvedBy, teams, history] = await Promise.all([
    Promise.all(
      needed.links.map(async (link): Promise<[string, LinkFacts]> => [
        link.key,
        await fetchLinkFacts(client, link, { jobWorkflow: needed.workflows, merger: needed.closers }),
      ]),
    ),
    needed.changedFiles && pullNumber !== null
      ? listChangedFiles(client, repository, pullNumber)
      : Promise.resolve(null),
    needed.reviews && pullNumber !== null && commit !== null
      ? approversOfHead(client, repository, pullNumber, commit)
      : Promise.resolve([]),
    Promise.all(needed.teams.map(async (team) => [team, await teamMembers(client, team)] as const)),
    needed.reviews && pullNumber !== null
      ? descriptionHistory(client, repository, pullNumber)
      : Promise.resolve(null),
  ]);
  const name = `${repository.owner}/${repository.repo}`;
  return {
    evidence: {
      host: about.host,
      commit,
      repository: name,
      links: new Map(links),
      maxLinks: about.maxLinks,
      baseBranch: about.baseBranch,
      workflowFiles: needed.workflows
        ? await workflowFilesOfRuns(
            client,
            needed.links.map((link, at) => ({ link, facts: (links[at] as [string, LinkFacts])[1] })),
            name,
            about.baseBranch,
          )
        : new Map(),
      author: about.author,
    },
    signoffs: { approvedBy, teams: new Map(teams), edit: about.edit, history },
    changedPaths: files?.paths ?? null,
    changedPathsCapped: files?.capped ?? false,
  };
}
