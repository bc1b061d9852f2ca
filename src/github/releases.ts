/** A release, by its id or by its tag. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

export interface Release {
  id: number;
  tagName: string;
  body: string;
  draft: boolean;
  updatedAt: string;
  /** Who created it; null when GitHub names no one. */
  author: string | null;
}

export async function getRelease(client: GitHubClient, repository: Repository, id: number): Promise<Release> {
  const { data } = await getReleaseAnswer(client, repository, id);
  return toRelease(data);
}

/** A published release by its tag, as the CLI names it. */
export async function getReleaseByTag(
  client: GitHubClient,
  repository: Repository,
  tag: string,
): Promise<Release> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
    ...repository,
    tag,
  });
  return toRelease(data);
}

type ReleaseData = Awaited<ReturnType<typeof getReleaseAnswer>>['data'];

function getReleaseAnswer(client: GitHubClient, repository: Repository, id: number) {
  return client.request('GET /repos/{owner}/{repo}/releases/{release_id}', { ...repository, release_id: id });
}

function toRelease(data: ReleaseData): Release {
  return {
    id: data.id,
    tagName: data.tag_name,
    body: data.body ?? '',
    draft: data.draft,
    updatedAt: (data as { updated_at?: string }).updated_at ?? data.created_at,
    author: (data.author as { login?: string } | null | undefined)?.login ?? null,
  };
}
