import type { PostedVerdict } from './head-verdicts.js';
import { isRecord, restLogin, UNANSWERED, type Actor, type PartialAnswer } from './graphql-answer.js';

const PAGE = 100;

/** Which verdicts to ask for on one commit: the latest status with a context, the latest check run with a name. */
export interface VerdictsAsked {
  sha: string;
  statusContext: string | null;
  checkName: string | null;
}

/**
 * The part of a query that asks for a commit's latest verdicts (`object(oid: $sha)` under the
 * repository, aliased when given), with the variables it declares and their values; null when
 * nothing is asked. The first read round and the confirming round share it.
 */
export function commitVerdictsPart(
  asked: VerdictsAsked,
  alias = '',
): { declarations: string[]; values: Record<string, string>; selection: string } | null {
  const declarations: string[] = [];
  const values: Record<string, string> = {};
  const onCommit: string[] = [];
  if (asked.statusContext !== null) {
    declarations.push('$context: String!');
    values['context'] = asked.statusContext;
    onCommit.push('status { context(name: $context) { state description creator { __typename login } } }');
  }
  if (asked.checkName !== null) {
    declarations.push('$checkName: String!');
    values['checkName'] = asked.checkName;
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
  if (onCommit.length === 0) return null;
  declarations.push('$sha: GitObjectID!');
  values['sha'] = asked.sha;
  return {
    declarations,
    values,
    selection: `${alias ? `${alias}: ` : ''}object(oid: $sha) { __typename ... on Commit { ${onCommit.join('\n      ')} } }`,
  };
}

/**
 * The latest verdicts read from that part (`at`: the path of the commit's object): each
 * undefined when the commit has none, null when it was not asked or not answered. A commit GitHub
 * cannot name now (null) is unanswered, not a commit without verdicts.
 */
export function commitVerdictsOf(
  data: PartialAnswer,
  at: string[],
  asked: VerdictsAsked | null,
): { status: PostedVerdict | undefined | null; checkRun: PostedVerdict | undefined | null } {
  // Its type alone: an error within one of its parts leaves the others answered.
  const isCommit = asked !== null && data.answered([...at, '__typename']) === 'Commit';
  return {
    status: asked?.statusContext != null && isCommit ? statusOf(data.answered([...at, 'status'])) : null,
    checkRun: asked?.checkName != null && isCommit ? checkRunOf(data.answered([...at, 'checkSuites'])) : null,
  };
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
