/** The sign-off facts a change to the gate's configuration needs: the policy owners' approving reviews. */
import type { SignoffFacts } from '../evaluate/facts.js';
import type { GitHubClient } from '../github/client.js';
import type { PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import { approversOfHead } from '../github/reviews.js';
import { teamMembers } from '../github/team-members.js';

/**
 * The sign-off facts with what the policy owners' approval needs, in one round: the approving
 * reviews on the head commit (unless the checklist read them already) and the members of the
 * owners' teams not read yet.
 */
export async function ownerSignoffs(
  client: GitHubClient,
  repository: Repository,
  pr: Pick<PullRequest, 'number' | 'headSha'>,
  owners: string[],
  signoffs: SignoffFacts,
  reviewsRead: boolean,
): Promise<SignoffFacts> {
  const missing = [
    ...new Set(owners.filter((owner) => owner.includes('/')).map((team) => team.toLowerCase())),
  ].filter((team) => !signoffs.teams.has(team));
  const [approvedBy, teams] = await Promise.all([
    reviewsRead ? signoffs.approvedBy : approversOfHead(client, repository, pr.number, pr.headSha),
    Promise.all(missing.map(async (team) => [team, await teamMembers(client, team)] as const)),
  ]);
  return { ...signoffs, approvedBy, teams: new Map([...signoffs.teams, ...teams]) };
}
