/** The first read round's one GraphQL query. */
import type { GitHubClient } from './client.js';
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
  /** The open pull requests (one page): null when unread, or when more pages exist. */
  openPulls: PullRequest[] | null;
  /** The latest status with the context on the commit (undefined: none there). */
  status: PostedVerdict | undefined | null;
  checkRun: PostedVerdict | undefined | null;
}

const PAGE = 100;
/** A part of the answer that an error lies within or above, or under a part that is missing. */
const UNANSWERED = Symbol('unanswered');

/**
 * One GraphQL request for what the first read round needs besides the pull request, the policy
 * and the comments: whom the token acts as, the newest releases, and, for a commit, the open pull
 * requests and the latest verdicts posted on it. A part that comes back null or with an error is
 * null here, never guessed; the request failing altogether throws.
 */
export async function readRunOverview(
  client: GitHubClient,
  repository: Repository,
  commit: CommitAsked | null,
): Promise<RunOverview> {
  const data = await partialAnswer(client, overviewQuery(commit), {
    owner: repository.owner,
    name: repository.repo,
    ...(commit && { sha: commit.sha }),
    ...(commit?.statusContext != null && { context: commit.statusContext }),
    ...(commit?.checkName != null && { checkName: commit.checkName }),
  });
  const login = data.answered(['viewer', 'login']);
  if (typeof login !== 'string') throw new Error('GitHub did not say whom the token acts as');
  const repo = (path: string[]) => data.answered(['repository', ...path]);
  // Its type alone: an error within one of its parts leaves the others answered.
  const isCommit = repo(['object', '__typename']) === 'Commit';
  return {
    login,
    releases: releasesOf(repo(['releases'])),
    openPulls: commit?.openPulls ? openPullsOf(repo(['pullRequests'])) : null,
    // A commit GitHub cannot name now (null) is unanswered, not a commit without verdicts.
    status: commit?.statusContext != null && isCommit ? statusOf(repo(['object', 'status'])) : null,
    checkRun: commit?.checkName != null && isCommit ? checkRunOf(repo(['object', 'checkSuites'])) : null,
  };
}

function overviewQuery(commit: CommitAsked | null): string {
  const variables = ['$owner: String!', '$name: String!'];
  const parts = [
    `releases(first: ${RECENT_RELEASES}, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { databaseId tagName isDraft tagCommit { oid } }
    }`,
  ];
  if (commit?.openPulls)
    parts.push(`pullRequests(states: OPEN, first: ${PAGE}, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage }
      nodes {
        number state body title baseRefName baseRefOid headRefName headRefOid updatedAt url
        author { __typename login }
        labels(first: ${PAGE}) { pageInfo { hasNextPage } nodes { name } }
      }
    }`);
  const onCommit: string[] = [];
  if (commit?.statusContext != null) {
    variables.push('$context: String!');
    onCommit.push('status { context(name: $context) { state description creator { __typename login } } }');
  }
  if (commit?.checkName != null) {
    variables.push('$checkName: String!');
    onCommit.push(`checkSuites(first: ${PAGE}) {
        pageInfo { hasNextPage }
        nodes {
          app { slug }
          checkRuns(first: ${PAGE}, filterBy: { checkName: $checkName, checkType: LATEST }) {
            pageInfo { hasNextPage }
            nodes { databaseId conclusion status title }
          }
        }
      }`);
  }
  if (onCommit.length > 0) {
    variables.push('$sha: GitObjectID!');
    parts.push(`object(oid: $sha) { __typename ... on Commit { ${onCommit.join('\n      ')} } }`);
  }
  return `query (${variables.join(', ')}) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    ${parts.join('\n    ')}
  }
}`;
}

/**
 * The answer's data, part by part: a part is answered when it is there and no error GitHub
 * reported lies within it or above it. GraphQL answers what it can alongside its errors.
 */
async function partialAnswer(client: GitHubClient, query: string, variables: Record<string, string>) {
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

interface PullNode {
  number: number;
  state: string;
  body: string;
  title: string;
  baseRefName: string;
  baseRefOid: string;
  headRefName: string;
  headRefOid: string;
  updatedAt: string;
  url: string;
  author: Actor | null;
  labels: { pageInfo: { hasNextPage: boolean }; nodes: ({ name: string } | null)[] } | null;
}

interface Actor {
  __typename: string;
  login: string;
}

/** One page of open pull requests, as the REST listing gives them; null when more are left unread. */
function openPullsOf(value: unknown): PullRequest[] | null {
  if (!isRecord(value) || !Array.isArray(value['nodes'])) return null;
  const page = value as { pageInfo: { hasNextPage: boolean }; nodes: (PullNode | null)[] };
  if (page.pageInfo.hasNextPage) return null;
  const pulls: PullRequest[] = [];
  for (const node of page.nodes) {
    // A pull request unread, or whose labels run past one page, is one the listing cannot vouch for.
    if (!node || !node.labels || node.labels.pageInfo.hasNextPage) return null;
    pulls.push({
      number: node.number,
      state: node.state === 'OPEN' ? 'open' : 'closed',
      body: node.body,
      baseRef: node.baseRefName,
      baseSha: node.baseRefOid,
      headRef: node.headRefName,
      headSha: node.headRefOid,
      title: node.title,
      labels: node.labels.nodes.flatMap((label) => (label?.name ? [label.name] : [])),
      updatedAt: node.updatedAt,
      htmlUrl: node.url,
      author: node.author ? restLogin(node.author) : null,
    });
  }
  return pulls;
}

/** The latest status with the context: undefined when the commit has none; null when unanswered. */
function statusOf(value: unknown): PostedVerdict | undefined | null {
  if (value === UNANSWERED) return null;
  // A commit without any status has no combined status at all.
  if (value === null) return undefined;
  if (!isRecord(value)) return null;
  const context = value['context'] as {
    state: string;
    description: string | null;
    creator: Actor | null;
  } | null;
  if (!context) return undefined;
  return {
    kind: 'status',
    state: context.state.toLowerCase(),
    description: context.description ?? '',
    author: context.creator ? restLogin(context.creator) : '',
    authorIsBot: context.creator?.__typename === 'Bot',
  };
}

interface SuiteNode {
  app: { slug: string } | null;
  checkRuns: {
    pageInfo: { hasNextPage: boolean };
    nodes: ({
      databaseId: number | null;
      conclusion: string | null;
      status: string;
      title: string | null;
    } | null)[];
  } | null;
}

/** The newest check run with the name over every suite on the commit; null when not all were read. */
function checkRunOf(value: unknown): PostedVerdict | undefined | null {
  if (!isRecord(value) || !Array.isArray(value['nodes'])) return null;
  const suites = value as { pageInfo: { hasNextPage: boolean }; nodes: (SuiteNode | null)[] };
  if (suites.pageInfo.hasNextPage) return null;
  let newest: { id: number; verdict: PostedVerdict } | undefined;
  for (const suite of suites.nodes) {
    if (!suite?.checkRuns || suite.checkRuns.pageInfo.hasNextPage) return null;
    for (const run of suite.checkRuns.nodes) {
      if (!run || run.databaseId === null) return null;
      if (newest && newest.id > run.databaseId) continue;
      newest = {
        id: run.databaseId,
        verdict: {
          kind: 'check run',
          state: (run.conclusion ?? run.status).toLowerCase(),
          description: run.title ?? '',
          author: suite.app?.slug ? `${suite.app.slug}[bot]` : '',
          authorIsBot: true,
        },
      };
    }
  }
  return newest?.verdict;
}

/** GraphQL names a bot without the "[bot]" that REST gives its login: named here as REST does. */
function restLogin(actor: Actor): string {
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
