import type { GitHubClient } from './client.js';
import { commitVerdictsOf, commitVerdictsPart, type VerdictsAsked } from './graphql-commit-verdicts.js';
import { isRecord, partialAnswer, UNANSWERED } from './graphql-answer.js';
import { PULL_REQUEST_FIELDS, pullRequestOf } from './graphql-pull-request.js';
import type { PostedVerdict } from './head-verdicts.js';
import type { PullRequest } from './pull-requests.js';
import type { Repository } from './repository.js';

/** What to ask about a pull request as it is now. */
export interface FactsAsked {
  number: number;
  /** The policy file: its branch and path. */
  policy: { ref: string; path: string };
  /** The latest verdicts on a commit, asked in the same request; null: not asked. */
  verdicts: VerdictsAsked | null;
}

/** Each part null when GitHub did not answer it, so the caller reads it by REST instead. */
export interface FactsAnswer {
  pull: PullRequest | null;
  /** The policy file at the branch: its git blob SHA, or null for no file there; null itself when unanswered. */
  policy: { blob: string | null } | null;
  status: PostedVerdict | undefined | null;
  checkRun: PostedVerdict | undefined | null;
}

/**
 * One GraphQL request for a pull request's facts as they are now: its fields, the git blob SHA
 * of the policy file at its base (GitHub's `oid` of a blob is its git blob SHA, the same as
 * hashing the text read by REST), and, when asked, the commit's latest verdicts. A part that
 * comes back with an error, or in a shape not expected, is null; the request failing throws.
 */
export async function readFactsQuery(
  client: GitHubClient,
  repository: Repository,
  asked: FactsAsked,
): Promise<FactsAnswer> {
  const verdicts = asked.verdicts && commitVerdictsPart(asked.verdicts, 'commit');
  const variables = [
    '$owner: String!',
    '$name: String!',
    '$number: Int!',
    '$policy: String!',
    ...(verdicts?.declarations ?? []),
  ];
  const query = `query (${variables.join(', ')}) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { ${PULL_REQUEST_FIELDS} }
    policy: object(expression: $policy) { __typename ... on Blob { oid } }
    ${verdicts?.selection ?? ''}
  }
}`;
  const data = await partialAnswer(client, query, {
    owner: repository.owner,
    name: repository.repo,
    number: asked.number,
    // A branch name holds no colon (git refuses one), so the expression is unambiguous.
    policy: `${asked.policy.ref}:${asked.policy.path}`,
    ...verdicts?.values,
  });
  const pull = pullRequestOf(data.answered(['repository', 'pullRequest']));
  return {
    pull: pull?.number === asked.number ? pull : null,
    policy: policyOf(data.answered(['repository', 'policy'])),
    ...commitVerdictsOf(data, ['repository', 'commit'], verdicts ? asked.verdicts : null),
  };
}

/**
 * Nothing at the path (null) is no policy file, as REST's 404 is. A blob is the file. Anything
 * else (a folder, a submodule, an answer cut short) is not a policy GitHub answered for: null,
 * so the caller reads it by REST and judges as the first read did.
 */
function policyOf(value: unknown): { blob: string | null } | null {
  if (value === UNANSWERED) return null;
  if (value === null) return { blob: null };
  if (!isRecord(value) || value['__typename'] !== 'Blob' || typeof value['oid'] !== 'string') return null;
  return { blob: value['oid'] };
}
