/** A pull request, as the gate reads it. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** What the gate needs of a pull request, read fresh at run time. */
export interface PullRequest {
  number: number;
  state: 'open' | 'closed';
  body: string;
  baseRef: string;
  /** The base branch's commit as GitHub last computed it for the pull request. */
  baseSha: string;
  headRef: string;
  headSha: string;
  title: string;
  labels: string[];
  updatedAt: string;
  htmlUrl: string;
  /** Who opened it; null when GitHub names no one (a deleted account). */
  author: string | null;
}

export async function getPullRequest(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<PullRequest> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...repository,
    pull_number: number,
  });
  return toPullRequest(data);
}

/** The fields the gate uses, from a pull request as the API returns it alone or in a list. */
export function toPullRequest(data: PullRequestData): PullRequest {
  return {
    number: data.number,
    state: data.state === 'closed' ? 'closed' : 'open',
    body: data.body ?? '',
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    headRef: data.head.ref,
    headSha: data.head.sha,
    title: data.title,
    labels: data.labels.map((label) => label.name ?? '').filter((name) => name !== ''),
    updatedAt: data.updated_at,
    htmlUrl: data.html_url,
    author: data.user?.login ?? null,
  };
}

/** The part of the API's pull request object (single or listed) that the gate reads. */
export interface PullRequestData {
  number: number;
  state: string;
  body: string | null;
  title: string;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  labels: { name?: string }[];
  updated_at: string;
  html_url: string;
  user: { login: string } | null;
}
