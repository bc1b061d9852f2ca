/** Base policies read through the contents API. */
import type { BaseReference } from '../policy/base-reference.js';
import type { BaseAnswer, ReadBase } from '../policy/resolve-policy.js';
import type { GitHubClient } from './client.js';
import { isForbidden, isNotFound } from './repository.js';

/**
 * Reads base policies through the contents API with the given client (the action's, made from
 * the policy token, or the CLI's). 404, 403 and 401 are answers the policy reports; anything else is a failure of the run.
 */
export function baseReader(client: Pick<GitHubClient, 'request'>): ReadBase {
  // A sweep resolves the same bases for every pull request: each is read once per run.
  const answers = new Map<string, Promise<BaseAnswer>>();
  return (base) => {
    const key = `${base.owner}/${base.repo}/${base.path}@${base.ref ?? ''}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = readBase(client, base);
      answers.set(key, answer);
    }
    return answer;
  };
}

async function readBase(client: Pick<GitHubClient, 'request'>, base: BaseReference): Promise<BaseAnswer> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: base.owner,
      repo: base.repo,
      path: base.path,
      // Without a ref, GitHub reads the repository's default branch.
      ...(base.ref !== null && { ref: base.ref }),
      mediaType: { format: 'raw' },
    });
    return { ok: true, text: typeof response.data === 'string' ? response.data : String(response.data) };
  } catch (error) {
    if (isNotFound(error) || isForbidden(error))
      return { ok: false, status: (error as { status: number }).status };
    throw error;
  }
}

/** What lets the action read a base policy it could not: the token input and the permission. */
export function actionAccess(base: BaseReference): string {
  return (
    `The gate reads base policies with the policy-token input (default: the token input, whose workflow token reads only this repository). ` +
    `Give policy-token contents: read on ${base.owner}/${base.repo}, for example a GitHub App installation token made with actions/create-github-app-token, and check that the path and ref exist.`
  );
}
