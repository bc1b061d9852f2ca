import type { GitHubClient } from './client.js';

/** A part of an answer that an error lies within or above, or under a part that is missing. */
export const UNANSWERED = Symbol('unanswered');

/** An actor as GraphQL names it. */
export interface Actor {
  __typename: string;
  login: string;
}

/** A GraphQL answer read part by part: `answered` gives a part, or UNANSWERED. */
export interface PartialAnswer {
  answered(path: string[]): unknown;
}

/**
 * The answer's data, part by part: a part is answered when it is there and no error GitHub
 * reported lies within it or above it. GraphQL answers what it can alongside its errors. The
 * request failing altogether, or an error with no path, throws.
 */
export async function partialAnswer(
  client: GitHubClient,
  query: string,
  variables: Record<string, string | number>,
): Promise<PartialAnswer> {
  let data: unknown;
  let errorPaths: (string | number)[][] = [];
  try {
    data = await client.graphql(query, variables);
  } catch (error) {
    const partial = error as { name?: string; data?: unknown; errors?: { path?: (string | number)[] }[] };
    if (partial.name !== 'GraphqlResponseError' || !partial.data) throw error;
    // An error with no path is the whole request's: nothing in the answer is trusted.
    if ((partial.errors ?? []).some((each) => !each.path)) throw error;
    data = partial.data;
    errorPaths = (partial.errors ?? []).map((each) => each.path ?? []);
  }
  return {
    answered(path: string[]): unknown {
      const related = (errorPath: (string | number)[]) =>
        errorPath.slice(0, path.length).every((key, index) => key === path[index]) ||
        path.slice(0, errorPath.length).every((key, index) => key === errorPath[index]);
      if (errorPaths.some(related)) return UNANSWERED;
      return path.reduce<unknown>(
        (value, key) => (isRecord(value) ? (value[key] ?? null) : UNANSWERED),
        data,
      );
    },
  };
}

/** GraphQL names a bot without the "[bot]" that REST gives its login: named here as REST does. */
export function restLogin(actor: Actor): string {
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
