/** Comments on a pull request: listed, created, updated, deleted. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

export interface IssueComment {
  id: number;
  body: string;
  authorLogin: string;
  authorIsBot: boolean;
}

const PAGE_SIZE = 100;

/** Every comment on a pull request, all pages. */
export async function listComments(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<IssueComment[]> {
  const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...repository,
    issue_number: number,
    per_page: PAGE_SIZE,
  });
  return comments.map((comment) => ({
    id: comment.id,
    body: comment.body ?? '',
    authorLogin: comment.user?.login ?? '',
    authorIsBot: comment.user?.type === 'Bot',
  }));
}

export async function createComment(
  client: GitHubClient,
  repository: Repository,
  number: number,
  body: string,
): Promise<number> {
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...repository,
    issue_number: number,
    body,
  });
  return Number(data.id);
}

export async function updateComment(
  client: GitHubClient,
  repository: Repository,
  id: number,
  body: string,
): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    ...repository,
    comment_id: id,
    body,
  });
}

export async function deleteComment(client: GitHubClient, repository: Repository, id: number): Promise<void> {
  await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    ...repository,
    comment_id: id,
  });
}
