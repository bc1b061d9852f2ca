/** The follow-up issue of an emergency release, opened once. */
import type { GitHubClient } from '../github/client.js';
import { isForbidden, type Repository } from '../github/repository.js';
import type { FollowUpIssue } from '../read/follow-up-issue.js';

/** Opening the follow-up issue was refused: the token lacks `issues: write`. */
export class FollowUpRefused extends Error {}

/**
 * Opens the follow-up issue. A refusal fails loudly, naming the permission: an emergency release
 * whose follow-up cannot be opened must not look done.
 */
export async function openFollowUpIssue(
  client: GitHubClient,
  repository: Repository,
  issue: { title: string; body: string },
): Promise<FollowUpIssue> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
      ...repository,
      title: issue.title,
      body: issue.body,
    });
    return { number: data.number, htmlUrl: data.html_url };
  } catch (error) {
    if (!isForbidden(error)) throw error;
    throw new FollowUpRefused(
      'GitHub refused to open the follow-up issue of the emergency release: give the workflow `permissions:` issues: write (the policy asks for emergency.follow-up: issue)',
    );
  }
}
