import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/**
 * The login the token acts as: `github-actions[bot]` for the workflow token, `<app>[bot]` for an
 * app's installation token (which may not call `GET /user`, but may ask GraphQL for its viewer).
 */
export async function viewerLogin(client: GitHubClient): Promise<string> {
  const answer = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
  return answer.viewer.login;
}

/** A published release and the commit its tag points at. */
export interface TaggedRelease {
  id: number;
  tagName: string;
  sha: string;
}

/** How many of the newest releases are asked for with the viewer: one page, GraphQL's largest. */
export const RECENT_RELEASES = 100;

/**
 * The viewer's login and the newest releases with their tag's commit, in one GraphQL request:
 * the releases cost no request of their own. Drafts, and releases whose tag is not yet created,
 * point at no commit and are left out.
 */
export async function viewerAndReleases(
  client: GitHubClient,
  repository: Repository,
): Promise<{ login: string; releases: TaggedRelease[] }> {
  const answer = await client.graphql<{
    viewer: { login: string };
    repository: {
      releases: {
        nodes: ({
          databaseId: number | null;
          tagName: string;
          isDraft: boolean;
          tagCommit: { oid: string } | null;
        } | null)[];
      };
    } | null;
  }>(
    `query ($owner: String!, $name: String!) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    releases(first: ${RECENT_RELEASES}, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { databaseId tagName isDraft tagCommit { oid } }
    }
  }
}`,
    { owner: repository.owner, name: repository.repo },
  );
  const releases = (answer.repository?.releases.nodes ?? []).flatMap((node) =>
    node && !node.isDraft && node.databaseId !== null && node.tagCommit
      ? [{ id: node.databaseId, tagName: node.tagName, sha: node.tagCommit.oid }]
      : [],
  );
  return { login: answer.viewer.login, releases };
}
