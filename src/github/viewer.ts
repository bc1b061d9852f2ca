/** Whom the token acts as. */
import type { GitHubClient } from './client.js';

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

/** How many of the newest releases are asked for with the viewer (run-overview.ts): one page, GraphQL's largest. */
export const RECENT_RELEASES = 100;
