// The emulator's answer to the gate's first-round GraphQL query (viewer, newest releases, open
// pull requests, a commit's latest status and check runs), executed against GitHub's schema: the
// answer is what the schema makes of the query, fields, aliases and arguments included.
import { execute, parse } from 'graphql';
import { graphqlDescription } from './openapi-conformance.js';

/**
 * @param {import('./github-emulator.js').GitHubEmulator} emulator
 * @param {any} body the request's { query, variables }
 * @param {string} token
 */
export function answerByTheSchema(emulator, body, token) {
  const failing = emulator.graphqlFailing;
  /** A field GitHub fails to answer, as a test asks: null with an error at its path. */
  const field =
    (/** @type {string} */ name, /** @type {Function} */ resolve) =>
    /** @param {any[]} args */
    (...args) => {
      if (failing.has(name)) throw new Error(`${name}: the emulator was asked to fail it`);
      return resolve(...args);
    };
  const repository = {
    releases: field('releases', (/** @type {any} */ { first }) => ({
      nodes: [...emulator.releases.values()]
        .sort((a, b) => b.id - a.id)
        .slice(0, first)
        .map((release) => ({
          databaseId: release.id,
          tagName: release.tagName,
          isDraft: release.draft ?? false,
          tagCommit: release.sha && !release.draft ? { oid: release.sha } : null,
        })),
    })),
    pullRequests: field('pullRequests', (/** @type {any} */ { states, first }) => {
      // Most recently updated first, as the REST listing sorted by update.
      const pulls = [...emulator.pulls.values()]
        .filter((pull) => !states || states.includes(pull.state === 'open' ? 'OPEN' : 'CLOSED'))
        .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)) || b.number - a.number);
      return {
        pageInfo: { hasNextPage: pulls.length > first },
        nodes: pulls.slice(0, first).map((pull) => pullNode(emulator, pull)),
      };
    }),
    object: field('object', (/** @type {any} */ { oid }) => commitNode(emulator, oid)),
  };
  const result = execute({
    schema: graphqlDescription(),
    document: parse(String(body.query)),
    rootValue: {
      viewer: { login: emulator.identityOf(token).login },
      repository: (/** @type {any} */ { owner, name }) =>
        `${owner}/${name}`.toLowerCase() === `${emulator.owner}/${emulator.repo}`.toLowerCase()
          ? repository
          : null,
    },
    variableValues: body.variables ?? {},
    typeResolver: (/** @type {any} */ value) => value?.__typename,
  });
  return { status: 200, json: JSON.parse(JSON.stringify(result)) };
}

/** An actor as GraphQL names it: a bot without the "[bot]" REST adds to its login. */
function actor(/** @type {{ login: string, type: string }} */ user) {
  return user.type === 'Bot'
    ? { __typename: 'Bot', login: user.login.replace(/\[bot\]$/, '') }
    : { __typename: 'User', login: user.login };
}

function pullNode(
  /** @type {import('./github-emulator.js').GitHubEmulator} */ emulator,
  /** @type {import('./github-emulator.js').PullFixture} */ pull,
) {
  const json = emulator.pullJson(pull);
  const labels = pull.labels ?? [];
  return {
    number: pull.number,
    state: pull.state === 'open' ? 'OPEN' : pull.merged ? 'MERGED' : 'CLOSED',
    body: pull.body ?? '',
    title: json.title,
    baseRefName: pull.base,
    baseRefOid: json.base.sha,
    headRefName: json.head.ref,
    headRefOid: pull.headSha,
    updatedAt: pull.updatedAt,
    url: json.html_url,
    author: actor(json.user),
    labels: (/** @type {any} */ { first }) => ({
      pageInfo: { hasNextPage: labels.length > first },
      nodes: labels.slice(0, first).map((name) => ({ name })),
    }),
  };
}

/** A commit: its combined status (null when it has none), and its check runs by app, one suite per app. */
function commitNode(
  /** @type {import('./github-emulator.js').GitHubEmulator} */ emulator,
  /** @type {string} */ oid,
) {
  const statuses = emulator.statuses.filter((status) => status.sha === oid);
  const runs = emulator.checkRuns.filter((run) => run.head_sha === oid);
  /** @type {Map<string, any[]>} */
  const suites = new Map();
  for (const run of runs) {
    const slug = /** @type {any} */ (run).app?.slug ?? 'github-actions';
    suites.set(slug, [...(suites.get(slug) ?? []), run]);
  }
  return {
    __typename: 'Commit',
    status:
      statuses.length === 0
        ? null
        : {
            context: (/** @type {any} */ { name }) => {
              const latest = statuses.filter((status) => status.context === name).at(-1);
              return latest
                ? {
                    state: String(latest.state).toUpperCase(),
                    description: latest.description ?? null,
                    creator: actor(/** @type {any} */ (latest).creator ?? emulator.identityOf(null)),
                  }
                : null;
            },
          },
    checkSuites: (/** @type {any} */ { first }) => ({
      pageInfo: { hasNextPage: suites.size > first },
      nodes: [...suites].slice(0, first).map(([slug, suiteRuns]) => ({
        app: { slug },
        checkRuns: (/** @type {any} */ { first: most, filterBy }) => {
          const named = suiteRuns.filter((run) => !filterBy?.checkName || run.name === filterBy.checkName);
          // LATEST: the newest run of each name in the suite.
          const kept =
            filterBy?.checkType === 'LATEST'
              ? named.filter((run) => !named.some((other) => other.name === run.name && other.id > run.id))
              : named;
          return {
            pageInfo: { hasNextPage: kept.length > most },
            nodes: kept.slice(0, most).map((run) => ({
              databaseId: run.id,
              conclusion: run.conclusion ? String(run.conclusion).toUpperCase() : null,
              status: String(run.status ?? (run.conclusion ? 'completed' : 'queued')).toUpperCase(),
              title: run.output?.title ?? null,
            })),
          };
        },
      })),
    }),
  };
}
