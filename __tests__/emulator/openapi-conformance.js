// @ts-check
// Holds the emulator, and everything that talks to it, to GitHub's published descriptions: the
// REST API (@octokit/openapi, api.github.com), the GraphQL schema (@octokit/graphql-schema) and
// the webhook payloads (@octokit/openapi-webhooks). Each description is read once per test file,
// when first needed; each validator is compiled once, when its operation is first seen.
// Problems are collected here, and the jest hook in ../helpers/conformance-hook.js fails the test
// that caused them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isDeepStrictEqual } from 'node:util';
import { buildSchema, execute, getVariableValues, parse, validate } from 'graphql';

const require = createRequire(import.meta.url);
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * @typedef {{ id: string, method: string, template: string, segments: string[], pathItem: any, operation: any }} Route
 * @typedef {{ route: Route | null, params: Record<string, string> }} Match
 */

/** Problems found since the hook last looked, in order, each said once. @type {string[]} */
const pending = [];

/** Records a problem for the running test. */
export function report(/** @type {string} */ problem) {
  if (!pending.includes(problem)) pending.push(problem);
}

/** What was checked in this test file, for the note on coverage (CONFORMANCE_COVERAGE). */
const checked = {
  operations: new Set(),
  requestShapes: new Set(),
  answers: new Set(),
  graphqlQueries: new Set(),
  webhooks: new Set(),
};

/** What was checked so far, as lists. */
export function coverage() {
  return Object.fromEntries(Object.entries(checked).map(([kind, keys]) => [kind, [...keys].sort()]));
}

/** The problems found since the last call, and forgets them. */
export function takeViolations() {
  return pending.splice(0, pending.length);
}

/** @type {ReturnType<typeof loadRest> | undefined} */
let rest;

function restDescription() {
  rest ??= loadRest();
  return rest;
}

function newAjv(/** @type {Record<string, unknown>} */ options = {}) {
  // strict: false, because OpenAPI adds keywords of its own (example, discriminator, x-github…).
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, ...options });
  addFormats(ajv);
  return ajv;
}

function loadRest() {
  const spec = readJson('@octokit/openapi/generated/api.github.com.json');
  nullableForAjv(spec.components);
  // Some operations (the App's, for one) carry their schemas inline rather than by reference.
  nullableForAjv(spec.paths);
  const ajv = newAjv();
  // Query and path parameters arrive as text: coerced to the declared type before they are judged.
  const textAjv = newAjv({ coerceTypes: 'array' });
  for (const instance of [ajv, textAjv]) instance.addSchema({ components: spec.components }, 'github');
  /** Routes by method and number of path segments. @type {Map<string, Route[]>} */
  const routes = new Map();
  for (const [template, pathItem] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const segments = template.split('/');
      const route = {
        id: operation.operationId,
        method: method.toUpperCase(),
        template,
        segments,
        pathItem,
        operation,
      };
      const key = `${route.method} ${segments.length}`;
      routes.set(key, [...(routes.get(key) ?? []), route]);
    }
  }
  return { spec, ajv, textAjv, routes, compiled: new Map() };
}

/**
 * OpenAPI 3.0 lets `nullable: true` stand beside allOf/anyOf without a type, which ajv refuses:
 * such a schema becomes "that, or null", in place.
 */
function nullableForAjv(/** @type {any} */ node) {
  if (Array.isArray(node)) return node.forEach(nullableForAjv);
  if (typeof node !== 'object' || node === null) return;
  for (const value of Object.values(node)) nullableForAjv(value);
  // ajv takes null into an enum only when the enum lists it.
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  if (node.nullable === true && node.type === undefined) {
    const rest = { ...node };
    delete rest.nullable;
    for (const key of Object.keys(node)) delete node[key];
    node.anyOf = [rest, { type: 'null' }];
  }
}

function readJson(/** @type {string} */ name) {
  return JSON.parse(readFileSync(require.resolve(name), 'utf8'));
}

/** Follows a local `#/components/...` reference of the REST description. */
function resolve(/** @type {any} */ node) {
  let current = node;
  while (current?.$ref) {
    const path = String(current.$ref).replace(/^#\//, '').split('/');
    current = path.reduce(
      (value, key) => value?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      restDescription().spec,
    );
  }
  return current;
}

/** A schema of the description, its references pointed at the components added to ajv as "github". */
function anchored(/** @type {any} */ schema) {
  return JSON.parse(JSON.stringify(schema ?? {}).replace(/"#\/components\//g, '"github#/components/'));
}

/** Parameters whose values GitHub takes with slashes in them: file paths, refs, branch names. */
const SPANNING = new Set(['path', 'ref', 'branch', 'basehead', 'dir']);

/**
 * The operation a request is for: among the path templates with the request's method, the one
 * whose literal segments all match and are the most; a last `{parameter}` may span slashes
 * (`contents/{path}`), but only when no template matches segment for segment.
 * @returns {Match}
 */
export function matchOperation(/** @type {string} */ method, /** @type {string} */ pathname) {
  const { routes } = restDescription();
  const parts = pathname.split('/');
  /** @type {Match} */
  let best = { route: null, params: {} };
  let bestScore = -1;
  const consider = (/** @type {Route} */ route, /** @type {boolean} */ spanning) => {
    /** @type {Record<string, string>} */
    const params = {};
    let literals = 0;
    for (let index = 0; index < route.segments.length; index++) {
      const segment = /** @type {string} */ (route.segments[index]);
      const last = index === route.segments.length - 1;
      const actual = spanning && last ? parts.slice(index).join('/') : (parts[index] ?? '');
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name === undefined) {
        if (segment !== actual) return;
        literals++;
      } else {
        if (actual === '') return;
        params[name] = safeDecode(actual);
      }
    }
    const score = literals * 2 + (spanning ? 0 : 1);
    if (score > bestScore) [best, bestScore] = [{ route, params }, score];
  };
  for (const route of routes.get(`${method} ${parts.length}`) ?? []) consider(route, false);
  if (!best.route) {
    for (let count = 2; count < parts.length; count++) {
      for (const route of routes.get(`${method} ${count}`) ?? []) {
        const last = /^\{(.+)\}$/.exec(route.segments.at(-1) ?? '')?.[1];
        if (last !== undefined && SPANNING.has(last)) consider(route, true);
      }
    }
  }
  return best;
}

function safeDecode(/** @type {string} */ text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "GET /repos/{owner}/{repo}/pulls/{pull_number} (pulls/get)" */
function named(/** @type {Route} */ route) {
  return `${route.method} ${route.template} (${route.id})`;
}

function compiled(/** @type {string} */ key, /** @type {() => any} */ build) {
  const { compiled } = restDescription();
  if (!compiled.has(key)) compiled.set(key, build());
  return compiled.get(key);
}

/** A parameter's schema, with a bound its description gives in words ("(max 100)") made a maximum. */
function parameterSchema(/** @type {any} */ parameter) {
  const schema = anchored(parameter.schema);
  const max = /\(max (\d+)\)/.exec(parameter.description ?? '')?.[1];
  if (max !== undefined && schema.type === 'integer' && schema.maximum === undefined)
    schema.maximum = Number(max);
  return schema;
}

/** The request-side validators of one operation. */
function requestValidators(/** @type {Route} */ route) {
  return compiled(`request ${route.id}`, () => {
    const { ajv, textAjv } = restDescription();
    const parameters = [...(route.pathItem.parameters ?? []), ...(route.operation.parameters ?? [])].map(
      resolve,
    );
    const object = (/** @type {string} */ place) => {
      const declared = parameters.filter((parameter) => parameter.in === place);
      return {
        type: 'object',
        properties: Object.fromEntries(
          declared.map((parameter) => [parameter.name, parameterSchema(parameter)]),
        ),
        required: declared.filter((parameter) => parameter.required).map((parameter) => parameter.name),
        additionalProperties: false,
      };
    };
    const content = resolve(route.operation.requestBody)?.content;
    const bodySchema = content?.['application/json']?.schema;
    let body = null;
    if (bodySchema) {
      // A body field GitHub does not take is refused too, though most request schemas leave
      // additionalProperties open.
      const top = resolve(bodySchema);
      const schema = anchored(bodySchema);
      const closed =
        top?.type === 'object' && top.properties && top.additionalProperties === undefined
          ? { allOf: [schema], propertyNames: { enum: Object.keys(top.properties) } }
          : schema;
      body = ajv.compile(closed);
    }
    return {
      path: textAjv.compile(object('path')),
      query: textAjv.compile(object('query')),
      body,
      bodyRequired: Boolean(resolve(route.operation.requestBody)?.required),
      takesBody: content !== undefined,
    };
  });
}

/**
 * Checks one request against the REST description; reports what GitHub would refuse.
 * @returns {Route | null} the operation, for checking the answer
 */
export function checkRequest(
  /** @type {string} */ method,
  /** @type {URL} */ url,
  /** @type {unknown} */ body,
) {
  const { route, params } = matchOperation(method, url.pathname);
  if (!route) {
    report(`${method} ${url.pathname}: no operation of GitHub's REST API has this method and path`);
    return null;
  }
  const validators = requestValidators(route);
  checked.operations.add(named(route));
  const keys = (/** @type {unknown} */ value) => (isObject(value) ? Object.keys(value).sort().join(',') : '');
  checked.requestShapes.add(
    `${named(route)} ?${[...url.searchParams.keys()].sort().join(',')} {${keys(body)}}`,
  );
  const query = /** @type {Record<string, unknown>} */ ({});
  for (const [name, value] of url.searchParams) query[name] = value;
  const pathParams = { ...params };
  if (!validators.path(pathParams)) report(`${named(route)}: path ${describe(validators.path.errors)}`);
  if (!validators.query(query)) report(`${named(route)}: query ${describe(validators.query.errors)}`);
  const hasBody = body !== null && body !== undefined && body !== '';
  if (hasBody && !validators.takesBody)
    report(`${named(route)}: sends a body, but this operation takes none`);
  else if (!hasBody && validators.bodyRequired)
    report(`${named(route)}: sends no body, but this operation needs one`);
  else if (hasBody && validators.body && !validators.body(body))
    report(`${named(route)}: body ${describe(validators.body.errors)}`);
  return route;
}

/** The answer-side validator of one operation and status, or null where nothing is documented to check. */
function answerValidator(/** @type {Route} */ route, /** @type {number} */ status) {
  return compiled(`answer ${route.id} ${status}`, () => {
    const { ajv, spec } = restDescription();
    const documented = resolve(
      route.operation.responses?.[String(status)] ?? route.operation.responses?.default,
    );
    if (!documented) {
      // GitHub documents only some of the errors an operation can answer; all of them have this shape.
      return status >= 400
        ? { validate: ajv.compile(anchored(spec.components.schemas['basic-error'])), documented: false }
        : { validate: null, documented: false };
    }
    const schema = documented.content?.['application/json']?.schema;
    return { validate: schema ? ajv.compile(anchored(schema)) : null, documented: true };
  });
}

/** Checks one answer of the emulator against the response schema for its operation and status. */
export function checkAnswer(
  /** @type {Route | null} */ route,
  /** @type {number} */ status,
  /** @type {unknown} */ json,
  /** @type {boolean} */ raw,
) {
  if (!route) return;
  const { validate, documented } = answerValidator(route, status);
  checked.answers.add(`${named(route)} ${status}`);
  if (!documented && !validate) {
    report(`${named(route)}: answers ${status}, a status GitHub does not document for this operation`);
    return;
  }
  if (raw || !validate || status === 204) return;
  if (!validate(json)) report(`${named(route)}: answer ${status} ${describe(validate.errors)}`);
}

/**
 * Where GitHub's own example answer falls short of its schema, or says more than an answer built on
 * it should, by operationId: what is laid over the example (for a list, over its first item)
 * before the emulator uses it; undefined removes a field the answer does not give. A field that
 * decides a verdict (state, conclusion, merged, draft) is unfinished here, so that a fixture
 * leaving it out can never pass on the example's word.
 */
const EXAMPLE_FIXES = {
  // The example issue is a pull request ("pull_request"), closed as completed.
  'issues/get': { pull_request: undefined, state: 'open', state_reason: null, closed_at: null },
  'issues/list-for-repo': { pull_request: undefined, state: 'open', state_reason: null, closed_at: null },
  'issues/create': { pull_request: undefined, state: 'open', state_reason: null, closed_at: null },
  // The example team has no "type", which the schema requires; the example was merged in 2011.
  'pulls/get': { requested_teams: [], state: 'open', merged: false, merged_at: null, closed_at: null },
  // The listed pull requests' example team has no "type" either.
  'pulls/list': { requested_teams: [], state: 'open' },
  'repos/list-pull-requests-associated-with-commit': { requested_teams: [], state: 'open' },
  // The example repository and its fork source have no "language", which the schema requires.
  'repos/get': { language: null, source: undefined, parent: undefined },
  // The example job has no "created_at", which the schema requires; it succeeded.
  'actions/get-job-for-workflow-run': {
    created_at: '2019-08-08T08:00:00Z',
    status: 'queued',
    conclusion: null,
    completed_at: null,
  },
  // The example check run is completed (neutral).
  'checks/get': { status: 'queued', conclusion: null, completed_at: null },
  // The example release is published.
  'repos/get-release-by-tag': { draft: true },
  'repos/get-release': { draft: true },
  // The example changed file has no "sha" nor "contents_url", which the schema requires.
  'repos/get-commit': {
    files: [
      {
        sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
        filename: 'file1.txt',
        status: 'modified',
        additions: 10,
        deletions: 2,
        changes: 12,
        blob_url:
          'https://github.com/octocat/Hello-World/blob/7ca483543807a51b6079e54ac4cc392bc29ae284/file1.txt',
        raw_url:
          'https://github.com/octocat/Hello-World/raw/7ca483543807a51b6079e54ac4cc392bc29ae284/file1.txt',
        contents_url:
          'https://api.github.com/repos/octocat/Hello-World/contents/file1.txt?ref=7ca483543807a51b6079e54ac4cc392bc29ae284',
      },
    ],
  },
};

/**
 * GitHub's documented example answer for an operation and status, a fresh copy, or undefined.
 * The emulator builds its answers on these, so that every documented field is present.
 */
export function exampleAnswer(
  /** @type {string} */ method,
  /** @type {string} */ pathname,
  status = 200,
  /** @type {unknown} */ answer = undefined,
) {
  const { route } = matchOperation(method, pathname);
  const content = resolve(route?.operation.responses?.[String(status)])?.content?.['application/json'];
  let example = content?.examples ? resolve(Object.values(content.examples)[0])?.value : content?.example;
  // An example's value may itself point at a named example, whose value is the answer.
  if (example?.$ref) example = resolve(example)?.value;
  if (example === undefined) return undefined;
  const copy = structuredClone(example);
  const fix = /** @type {Record<string, unknown>} */ (EXAMPLE_FIXES)[route?.id ?? ''];
  const given = /** @type {Record<string, unknown>} */ ((Array.isArray(answer) ? answer[0] : answer) ?? {});
  const target = Array.isArray(copy) ? (copy[0] ?? {}) : copy;
  for (const [key, value] of Object.entries(fix ?? {})) {
    if (value !== undefined) target[key] = structuredClone(value);
    else if (!(key in given)) delete target[key];
  }
  return copy;
}

/** ajv's errors as one line: where, and what is wrong. */
function describe(/** @type {any[] | null | undefined} */ errors) {
  const seen = new Set();
  for (const error of errors ?? []) {
    const where = error.instancePath || '(top)';
    let what = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties')
      what = `has "${error.params.additionalProperty}", which is not declared`;
    if (error.keyword === 'enum')
      what = `must be one of ${error.params.allowedValues.map(String).join(', ')}`;
    if (error.keyword === 'propertyNames') continue;
    if (error.propertyName) what = `has "${error.propertyName}", which this operation does not take`;
    if (error.keyword === 'required') what = `lacks the required field "${error.params.missingProperty}"`;
    seen.add(`${where} ${what}`);
    if (seen.size >= (process.env.CONFORMANCE_ALL_ERRORS ? 100 : 5)) break;
  }
  return [...seen].join('; ') || 'is invalid';
}

/** @type {import('graphql').GraphQLSchema | undefined} */
let graphqlSchema;

/** GitHub's GraphQL schema, built once: the emulator answers queries with it too. */
export function graphqlDescription() {
  // The package exports only an entry that parses its JSON introspection too; the SDL file is enough.
  graphqlSchema ??= buildSchema(
    readFileSync(
      new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url),
      'utf8',
    ),
    // The published SDL declares two enterprise fields twice; nothing the gate asks for.
    { assumeValidSDL: true },
  );
  return graphqlSchema;
}

/** Checks a GraphQL request (query and variables) against GitHub's schema. */
export function checkGraphql(/** @type {any} */ body) {
  const graphqlSchema = graphqlDescription();
  const name = 'POST /graphql';
  if (typeof body?.query !== 'string') return report(`${name}: the body has no query`);
  let document;
  try {
    document = parse(body.query);
  } catch (error) {
    return report(`${name}: the query does not parse: ${/** @type {Error} */ (error).message}`);
  }
  checked.graphqlQueries.add(body.query.replace(/\s+/g, ' '));
  const errors = validate(graphqlSchema, document);
  for (const error of errors) report(`${name}: ${error.message}`);
  if (errors.length > 0) return;
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const values = getVariableValues(
      graphqlSchema,
      definition.variableDefinitions ?? [],
      body.variables ?? {},
    );
    for (const error of values.errors ?? []) report(`${name}: variables: ${error.message}`);
  }
}

/**
 * Checks the emulator's GraphQL answer: its data must be what GitHub's schema makes of the query,
 * field for field (types, non-null fields, nothing that was not asked for).
 */
export function checkGraphqlAnswer(/** @type {any} */ body, /** @type {any} */ json) {
  if (!isObject(json?.data)) return;
  const schema = graphqlDescription();
  let document;
  try {
    document = parse(String(body?.query ?? ''));
  } catch {
    return; // already said by checkGraphql
  }
  const result = /** @type {import('graphql').ExecutionResult} */ (
    execute({
      schema,
      document,
      rootValue: json.data,
      variableValues: body?.variables ?? {},
      // Each field is read from the answer by its response key: its alias, when it has one.
      fieldResolver: (source, _args, _context, info) =>
        isObject(source) ? source[String(info.path.key)] : undefined,
      // An interface (Actor) is answered as the object GitHub would name, a user unless said.
      typeResolver: (value, _context, _info, type) =>
        /** @type {any} */ (value)?.__typename ??
        (schema.getPossibleTypes(type).some((object) => object.name === 'User') ? 'User' : undefined),
    })
  );
  const name = 'POST /graphql: answer';
  // Errors without a path are the request's, said already by checkGraphql.
  const errors = (result.errors ?? []).filter((error) => error.path !== undefined);
  for (const error of errors) report(`${name}: ${error.message} (at ${error.path?.join('.')})`);
  if (
    result.data &&
    !result.errors?.length &&
    !isDeepStrictEqual(JSON.parse(JSON.stringify(result.data)), json.data)
  )
    report(
      `${name}: has fields or values the query does not ask for: ${JSON.stringify(json.data).slice(0, 300)}`,
    );
}

/** @returns {value is Record<string, unknown>} */
function isObject(/** @type {unknown} */ value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Workflow events that carry another event's payload. @type {Record<string, string>} */
const SAME_PAYLOAD_AS = { pull_request_target: 'pull_request' };

/** Workflow events that are no webhook: GitHub documents their payload only in prose. */
const NOT_WEBHOOKS = new Set(['schedule']);

/** @type {{ ajv: Ajv, schemas: any, webhooks: [string, any][] } | undefined} */
let webhooks;

/**
 * Checks a webhook payload against GitHub's schema for its event (as GITHUB_EVENT_NAME names it)
 * and action.
 */
export function checkWebhook(/** @type {string} */ event, /** @type {any} */ payload) {
  if (!webhooks) {
    const spec = readJson('@octokit/openapi-webhooks/generated/api.github.com.json');
    const ajv = newAjv();
    ajv.addSchema({ components: spec.components }, 'github');
    webhooks = { ajv, schemas: spec.components.schemas, webhooks: Object.entries(spec.webhooks) };
  }
  if (NOT_WEBHOOKS.has(event)) return;
  const action = payload?.action;
  const { ajv, schemas } = webhooks;
  const subcategory = SAME_PAYLOAD_AS[event] ?? event;
  const found = webhooks.webhooks.find(([, item]) => {
    if (item.post?.['x-github']?.subcategory !== subcategory) return false;
    const schema =
      schemas[String(item.post.requestBody.content['application/json'].schema.$ref).split('/').pop() ?? ''];
    const actions = schema?.properties?.action?.enum;
    return actions === undefined ? action === undefined : actions.includes(action);
  });
  const name = `webhook ${event}${action === undefined ? '' : `.${action}`}`;
  checked.webhooks.add(name);
  if (!found) return report(`${name}: GitHub documents no such event and action`);
  const [key, item] = found;
  const ref = item.post.requestBody.content['application/json'].schema.$ref;
  const validate = ajv.getSchema(`github${ref}`) ?? ajv.compile({ $ref: `github${ref}` });
  if (!validate(payload)) report(`${name} (${key}): payload ${describe(validate.errors)}`);
}
