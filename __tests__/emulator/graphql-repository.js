// The emulator's answer to the gate's first-round GraphQL query (viewer, newest releases, the
// pull request, open pull requests, a commit's latest status and check runs) and to its
// confirming query (the pull request, the policy file's blob, the commit's verdicts), executed
// against GitHub's schema: the answer is what the schema makes of the query, fields, aliases and
// arguments included.
import { createHash } from 'node:crypto';
import { execute, parse } from 'graphql';
import { graphqlDescription } from './openapi-conformance.js';

/**
 * @param {import('./github-emulator.js').GitHubEmulator} emulator
 * @param {any} body the request's { query, variables }
 * @param {string} token
 */
export function answerByTheSchema(emulator, body, token) {
  const failing = emulator.graphqlFailing;
  /** A field GitHub fails to answer, as a test asks by its name or alias: null with an error at its path. */
  const field =
    (/** @type {string} */ name, /** @type {Function} */ resolve) =>
    /** @param {any[]} args */
    (...args) => {
      const alias = args[2]?.path?.key;
      if (failing.has(name) || failing.has(alias))
        throw new Error(`${alias ?? name}: the emulator was asked to fail it`);
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
    pullRequest: field('pullRequest', (/** @type {any} */ { number }) => {
      const pull = emulator.pulls.get(number);
      // GitHub: null, with a NOT_FOUND error at the field's path.
      if (!pull) throw new Error(`Could not resolve to a PullRequest with the number of ${number}.`);
      return pullNode(emulator, pull);
    }),
    object: field('object', (/** @type {any} */ { oid, expression }) =>
      expression !== undefined ? objectAt(emulator, String(expression)) : commitNode(emulator, oid),
    ),
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

/**
 * What `object(expression: "<branch>:<path>")` names: a file is a Blob whose oid is its git blob
 * SHA (what `git hash-object` gives for its bytes), a folder is a Tree, and nothing there is null.
 */
function objectAt(
  /** @type {import('./github-emulator.js').GitHubEmulator} */ emulator,
  /** @type {string} */ expression,
) {
  const colon = expression.indexOf(':');
  const ref = expression.slice(0, colon);
  const path = expression.slice(colon + 1);
  // A commit named by its SHA holds the default branch's files, but for those a test gives it (as the contents route).
  const files = /^[0-9a-f]{40}$/.test(ref)
    ? { ...emulator.files[emulator.defaultBranch], ...emulator.files[ref] }
    : emulator.files[ref];
  if (!files || colon < 0) return null;
  const text = files[path];
  if (text !== undefined) {
    const bytes = Buffer.from(text, 'utf8');
    const oid = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    return { __typename: 'Blob', oid };
  }
  if (Object.keys(files).some((name) => name.startsWith(`${path}/`))) return { __typename: 'Tree' };
  return null;
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
