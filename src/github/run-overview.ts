import type { GitHubClient } from './client.js';
import { commitVerdictsOf, commitVerdictsPart } from './graphql-commit-verdicts.js';
import { isRecord, partialAnswer } from './graphql-answer.js';
import { PULL_REQUEST_FIELDS, pullRequestOf } from './graphql-pull-request.js';
import type { PostedVerdict } from './head-verdicts.js';
import type { PullRequest } from './pull-requests.js';
import type { Repository } from './repository.js';
import { RECENT_RELEASES, type TaggedRelease } from './viewer.js';

/** What the first read round may also ask about one commit, besides the viewer and the releases. */
export interface CommitAsked {
  sha: string;
  /** Every open pull request (their heads): those sharing the commit. */
  openPulls: boolean;
  /** The latest status with this context, when statuses are read. */
  statusContext: string | null;
  /** The latest check run with this name, when check runs are read. */
  checkName: string | null;
}

/** A part of the answer: null when GitHub did not answer it, so the caller reads it by REST instead. */
export interface RunOverview {
  login: string;
  releases: TaggedRelease[] | null;
  /** The pull request the event names, as REST gives it: null when not asked or unanswered. */
  pull: PullRequest | null;
  /** The open pull requests (one page): null when unread, or when more pages exist. */
  openPulls: PullRequest[] | null;
  /** The latest status with the context on the commit (undefined: none there). */
  status: PostedVerdict | undefined | null;
  checkRun: PostedVerdict | undefined | null;
}

const PAGE = 100;

/**
 * One GraphQL request for what the first read round needs besides the policy and the comments:
 * whom the token acts as, the newest releases, the pull request the event names, and, for a
 * commit, the open pull requests and the latest verdicts posted on it. A part that comes back
 * null or with an error is null here, never guessed; the request failing altogether throws.
 */
export async function readRunOverview(
  client: GitHubClient,
  repository: Repository,
  commit: CommitAsked | null,
  pullNumber: number | null = null,
): Promise<RunOverview> {
  const verdicts = commit && commitVerdictsPart(commit);
  const variables = ['$owner: String!', '$name: String!', ...(verdicts?.declarations ?? [])];
  const parts = [
    `releases(first: ${RECENT_RELEASES}, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { databaseId tagName isDraft tagCommit { oid } }
    }`,
  ];
  if (pullNumber !== null) {
    variables.push('$number: Int!');
    parts.push(`pullRequest(number: $number) { ${PULL_REQUEST_FIELDS} }`);
  }
  if (commit?.openPulls)
    parts.push(`pullRequests(states: OPEN, first: ${PAGE}, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage }
      nodes { ${PULL_REQUEST_FIELDS} }
    }`);
  if (verdicts) parts.push(verdicts.selection);
  const query = `query (${variables.join(', ')}) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    ${parts.join('\n    ')}
  }
}`;
  const data = await partialAnswer(client, query, {
    owner: repository.owner,
    name: repository.repo,
    ...verdicts?.values,
    ...(pullNumber !== null && { number: pullNumber }),
  });
  const login = data.answered(['viewer', 'login']);
  if (typeof login !== 'string') throw new Error('GitHub did not say whom the token acts as');
  const repo = (path: string[]) => data.answered(['repository', ...path]);
  const pull = pullNumber !== null ? pullRequestOf(repo(['pullRequest'])) : null;
  return {
    login,
    releases: releasesOf(repo(['releases'])),
    // Another pull request's answer is never taken for the one asked.
    pull: pull?.number === pullNumber ? pull : null,
    openPulls: commit?.openPulls ? openPullsOf(repo(['pullRequests'])) : null,
    ...commitVerdictsOf(data, ['repository', 'object'], verdicts ? commit : null),
  };
}

function releasesOf(value: unknown): TaggedRelease[] | null {
  if (!isRecord(value) || !Array.isArray(value['nodes'])) return null;
  // Drafts, and releases whose tag is not yet created, point at no commit and are left out.
  return (value['nodes'] as (ReleaseNode | null)[]).flatMap((node) =>
    node && !node.isDraft && node.databaseId !== null && node.tagCommit
      ? [{ id: node.databaseId, tagName: node.tagName, sha: node.tagCommit.oid }]
      : [],
  );
}

interface ReleaseNode {
  databaseId: number | null;
  tagName: string;
  isDraft: boolean;
  tagCommit: { oid: string } | null;
}

/** One page of open pull requests, as the REST listing gives them; null when more are left unread. */
function openPullsOf(value: unknown): PullRequest[] | null {
  if (!isRecord(value) || !Array.isArray(value['nodes'])) return null;
  const page = value as { pageInfo: { hasNextPage: boolean }; nodes: unknown[] };
  if (page.pageInfo.hasNextPage) return null;
  const pulls: PullRequest[] = [];
  for (const node of page.nodes) {
    // A pull request unread, or whose labels run past one page, is one the listing cannot vouch for.
    const pull = pullRequestOf(node);
    if (!pull) return null;
    pulls.push(pull);
  }
  return pulls;
}
