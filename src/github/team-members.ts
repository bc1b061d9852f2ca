/** The members of an org/team. */
import type { GitHubClient } from './client.js';
import { isForbidden, isNotFound } from './repository.js';

/** The members (lower case) of an org/team, or why they could not be read. */
export async function teamMembers(
  client: GitHubClient,
  team: string,
): Promise<{ members: string[] } | { error: string }> {
  const [org = '', slug = ''] = team.split('/');
  try {
    const members = await client.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
      org,
      team_slug: slug,
      per_page: 100,
    });
    return { members: members.map((member) => member.login.toLowerCase()) };
  } catch (error) {
    if (isNotFound(error) || isForbidden(error)) {
      return {
        error:
          `cannot read the members of ${team}: the token needs the organization permission "Members: read" ` +
          '(a GitHub App or a fine-grained token; the workflow token cannot read teams), or the team does not exist',
      };
    }
    throw error;
  }
}
