// @ts-check
// A small GitHub REST API on 127.0.0.1 for end-to-end tests, the demo and the benchmark.
// It serves the endpoints checklist-gate uses from in-memory state, records every request,
// and can add latency or inject faults. Every request and every answer is checked against
// GitHub's published descriptions (openapi-conformance.js); a test that breaks them fails.
import { createServer } from 'node:http';
import {
  checkAnswer,
  checkGraphql,
  checkGraphqlAnswer,
  checkRequest,
  exampleAnswer,
  report,
} from './openapi-conformance.js';
import { AppRegistration } from './app-emulator.js';
import { answerByTheSchema } from './graphql-repository.js';

const BOT = { login: 'github-actions[bot]', type: 'Bot', id: 41898282 };
/** Statuses GitHub keeps per commit and context. */
const STATUS_CAP = 1000;
const READ_ONLY_TOKEN = 'read-only-token';
/** A GitHub App's installation token, and the bot it acts as. */
const APP_TOKEN = 'app-installation-token';
const APP_BOT = { login: 'release-gate[bot]', type: 'Bot', id: 900001 };

/**
 * @typedef {{ number: number, state?: string, body?: string, title?: string, base: string, headSha: string, headRef?: string,
 *   labels?: string[], updatedAt?: string, files?: string[], merged?: boolean, headRepo?: string, author?: string,
 *   mergedAt?: string, mergedBy?: string, mergeCommit?: string }} PullFixture
 * `author`: who opened it (default Codertocat); a login ending in [bot] is a Bot.
 * `headRepo`: the "owner/repo" the head branch lives in, for a pull request from a fork.
 * `mergedAt`, `mergedBy`, `mergeCommit`: a merged pull request (merged: true), when, by whom, into which commit.
 * @typedef {{ id: number, tagName: string, body?: string, draft?: boolean, updatedAt?: string, sha?: string,
 *   publishedAt?: string, author?: string }} ReleaseFixture
 * `sha`: the commit the release's tag points at (a draft's tag may not exist yet).
 * @typedef {{ id: number, issue: number, body: string, user: { login: string, type: string } }} CommentRecord
 * @typedef {{ number: number, title: string, body: string, state?: string, user?: { login: string, type: string },
 *   createdAt?: string, updatedAt?: string }} IssueRecord
 * An issue (not a pull request): those a test starts with, and those the gate opens.
 * @typedef {{ method?: string, path: RegExp | string, status: number, headers?: Record<string, string>,
 *   body?: unknown, times?: number, delayMs?: number, token?: string, drop?: boolean, cut?: boolean, query?: RegExp }} Fault
 * A fault with status 0 only delays the real answer; `drop` closes the connection without an
 * answer, as a reset network does; `cut` sends the real answer's first half, then closes the
 * connection; `token` limits it to one caller; `query` to GraphQL requests whose query it matches.
 * @typedef {{ defaultBranch?: string, files: Record<string, Record<string, string>>, readers?: string[] }} OtherRepository
 * Another repository's files by ref, then path, such as an organisation's base policies. With
 * `readers`, only those tokens see it; any other gets 404, as GitHub answers for a private repository.
 */

export class GitHubEmulator {
  /**
   * @param {{ owner?: string, repo?: string, defaultBranch?: string, files?: Record<string, Record<string, string>>,
   *   pulls?: PullFixture[], releases?: ReleaseFixture[], comments?: CommentRecord[], latencyMs?: number,
   *   resources?: Record<string, { status?: number, json: unknown, asIs?: boolean }>, reviews?: Record<number, unknown[]>,
   *   edits?: Record<number, { editor: string, body: string, editedAt: string, deleted?: boolean }[]>,
   *   identities?: Record<string, { login: string, type: string, id: number }>,
   *   repositories?: Record<string, OtherRepository>, statusCap?: number,
   *   mergeQueues?: Record<string, number[]>, app?: import('./app-emulator.js').AppFixture,
   *   issues?: IssueRecord[] }} fixture
   * `statusCap`: how many statuses one commit keeps per context before refusing more (GitHub's
   * 1,000 unless a test lowers it). `mergeQueues`: by branch, the pull requests in its merge
   * queue, the next to merge first. `app`: a GitHub App installed here, its endpoints answered
   * to its JWTs, its installation tokens scoped to its installations (app-emulator.js).
   */
  constructor(fixture = {}) {
    this.owner = fixture.owner ?? 'Codertocat';
    this.repo = fixture.repo ?? 'Hello-World';
    this.defaultBranch = fixture.defaultBranch ?? 'master';
    /** Files by ref, then path. */
    this.files = fixture.files ?? {};
    /** @type {Map<number, PullFixture>} */
    this.pulls = new Map(
      (fixture.pulls ?? []).map((pull) => [
        pull.number,
        { state: 'open', body: '', labels: [], updatedAt: '2026-11-01T10:00:00Z', ...pull },
      ]),
    );
    /** @type {Map<number, ReleaseFixture>} */
    this.releases = new Map(
      (fixture.releases ?? []).map((release) => [
        release.id,
        { body: '', draft: false, updatedAt: '2026-11-01T10:00:00Z', ...release },
      ]),
    );
    /** @type {CommentRecord[]} */
    this.comments = [...(fixture.comments ?? [])];
    /** Edit history by pull request number. @type {Map<number, { editor: string, body: string, editedAt: string, deleted?: boolean }[]>} */
    this.edits = new Map(Object.entries(fixture.edits ?? {}).map(([number, list]) => [Number(number), list]));
    /** Reviews by pull request number, as the API lists them. @type {Map<number, unknown[]>} */
    this.reviews = new Map(
      Object.entries(fixture.reviews ?? {}).map(([number, list]) => [Number(number), list]),
    );
    this.nextCommentId = 1000 + this.comments.length;
    /** Issues, in the order they were opened. @type {IssueRecord[]} */
    this.issues = [...(fixture.issues ?? [])];
    /**
     * Who each token acts as; any other token is the workflow token, github-actions[bot].
     * @type {Record<string, { login: string, type: string, id: number }>}
     */
    this.identities = { [APP_TOKEN]: APP_BOT, ...fixture.identities };
    this.app = fixture.app ? new AppRegistration(fixture.app, this.identities) : null;
    this.nextStatusId = 1;
    this.statusCap = fixture.statusCap ?? STATUS_CAP;
    /**
     * Decides, per request, whether to hold it before it is answered (see hold()). Null: none is.
     * @type {((request: { method: string, path: string, token: string | null }) => boolean) | null}
     */
    this.holding = null;
    /** Requests held, in order of arrival, each with what releases it. @type {{ request: any, release: () => void }[]} */
    this.held = [];
    /**
     * Statuses in the order they were posted; `creator`, `id` and `createdAt` are not part of the answer.
     * @type {{ sha: string, state: string, context: string, description: string, target_url?: string,
     *   creator?: { login: string, type: string, id?: number }, id?: number, createdAt?: string }[]}
     */
    this.statuses = [];
    /** @type {Record<string, unknown>[]} */
    this.checkRuns = [];
    /** @type {{ method: string, path: string, query: Record<string, string>, body: unknown, token: string | null, at: number, answeredAt: number | null }[]} */
    this.requests = [];
    /** @type {Fault[]} */
    this.faults = [];
    /**
     * Fields of the first round's and the confirming GraphQL query (releases, pullRequest,
     * pullRequests, object, or an alias such as policy or commit) that GitHub fails to answer:
     * each comes back null, with an error at its path.
     * @type {Set<string>}
     */
    this.graphqlFailing = new Set();
    this.latencyMs = fixture.latencyMs ?? 0;
    /**
     * Canned answers to GET requests by API path, for anything else the gate may read: Actions
     * runs, jobs, check runs, issues, commits, other repositories, team members. A list is paged.
     * A success answer is completed from GitHub's example, like every answer (see completeAnswer);
     * `asIs` serves it exactly as given, for a test of an answer GitHub would not give.
     * @type {Map<string, { status?: number, json: unknown, asIs?: boolean }>}
     */
    this.resources = new Map(Object.entries(fixture.resources ?? {}));
    /** Other repositories by "owner/repo" in lower case. @type {Map<string, OtherRepository>} */
    this.repositories = new Map(
      Object.entries(fixture.repositories ?? {}).map(([name, repository]) => [
        name.toLowerCase(),
        repository,
      ]),
    );
    /** Merge queues by branch: pull request numbers, the next to merge first. @type {Map<string, number[]>} */
    this.mergeQueues = new Map(Object.entries(fixture.mergeQueues ?? {}));
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  /** Starts listening on a free loopback port; returns the API's base URL. */
  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (this.server.address());
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  async stop() {
    this.server.closeAllConnections?.();
    await new Promise((resolve) => this.server.close(() => resolve(undefined)));
  }

  /** Makes the next matching requests fail. */
  inject(/** @type {Fault} */ fault) {
    this.faults.push({ times: 1, ...fault });
  }

  /**
   * Holds back every request `holding` picks, before it is answered and before it changes any
   * state, until released: a test decides the order in which runs read and write. A held request
   * is answered from the state at its release, as GitHub answers a request when it reaches it.
   */
  hold(/** @type {(request: { method: string, path: string, token: string | null }) => boolean} */ holding) {
    this.holding = holding;
  }

  /** Lets the held requests that `which` picks (all by default) go on, in order of arrival. */
  release(/** @type {(request: any) => boolean} */ which = () => true) {
    const going = this.held.filter((entry) => which(entry.request));
    this.held = this.held.filter((entry) => !going.includes(entry));
    for (const entry of going) entry.release();
    return going.length;
  }

  /** Edits a pull request's description, as a person would, moving its updated_at on. */
  editBody(/** @type {number} */ number, /** @type {string} */ body, /** @type {string} */ updatedAt) {
    const pull = this.pulls.get(number);
    if (!pull) throw new Error(`no pull request #${number}`);
    pull.body = body;
    pull.updatedAt = updatedAt;
  }

  /**
   * The round trip each request from `from` on belongs to, in order of arrival: a request sent
   * after an earlier one was answered is one round later than that one. Exact when answers are
   * delayed (latencyMs).
   * @returns {number[]}
   */
  rounds(from = 0) {
    const requests = this.requests.slice(from);
    /** @type {number[]} */
    const round = [];
    requests.forEach((request, position) => {
      let after = 0;
      for (let index = 0; index < position; index++) {
        const answeredAt = requests[index]?.answeredAt ?? null;
        if (answeredAt !== null && answeredAt <= request.at) after = Math.max(after, round[index] ?? 0);
      }
      round.push(after + 1);
    });
    return round;
  }

  /** Requests other than reads (a GraphQL query is a read), in order. */
  writes() {
    return this.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql');
  }

  /** The user or bot a token acts as. */
  identityOf(/** @type {string | null} */ token) {
    return (token && this.identities[token]) || BOT;
  }

  /**
   * Posts a commit status as someone else would (another workflow, say), newest last; false when
   * the commit already holds the most statuses GitHub keeps for the context.
   */
  postStatus(
    /** @type {string} */ sha,
    /** @type {{ state: string, context?: string, description?: string, creator: { login: string, type: string, id?: number }, createdAt?: string, targetUrl?: string }} */ status,
  ) {
    const context = status.context ?? 'checklist-gate';
    const kept = this.statuses.filter((each) => each.sha === sha && each.context === context).length;
    if (kept >= this.statusCap) return false;
    this.statuses.push({
      sha,
      state: status.state,
      context,
      description: status.description ?? '',
      creator: status.creator,
      id: this.nextStatusId++,
      ...(status.createdAt && { createdAt: status.createdAt }),
      ...(status.targetUrl && { target_url: status.targetUrl }),
    });
    return true;
  }

  /** Posts a completed check run as an app would, at a given time. */
  postCheckRun(
    /** @type {string} */ sha,
    /** @type {{ conclusion: string, name?: string, app?: string, title?: string, text?: string, completedAt: string }} */ run,
  ) {
    const id = this.checkRuns.length + 1;
    const record = {
      id,
      name: run.name ?? 'checklist-gate',
      head_sha: sha,
      status: 'completed',
      conclusion: run.conclusion,
      started_at: run.completedAt,
      completed_at: run.completedAt,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${id}`,
      output: { title: run.title ?? '', summary: '', ...(run.text !== undefined && { text: run.text }) },
    };
    const slug = run.app ?? 'github-actions';
    Object.defineProperty(record, 'app', { value: { slug, name: slug }, enumerable: false });
    this.checkRuns.push(record);
  }

  gateComments(issue = 0) {
    return this.comments.filter(
      (comment) => (issue === 0 || comment.issue === issue) && comment.body.includes('<!-- checklist-gate:'),
    );
  }

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    let body;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const auth = request.headers.authorization ?? null;
    const token = auth ? auth.replace(/^(token|bearer)\s+/i, '') : null;
    const method = request.method ?? 'GET';
    const record = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      token,
      at: Date.now(),
      /** When the answer was sent; null until then. */
      answeredAt: /** @type {number | null} */ (null),
    };
    this.requests.push(record);
    response.on('finish', () => (record.answeredAt = Date.now()));
    // Checked even when a fault answers it: the request is the caller's, whatever comes back.
    const graphql = method === 'POST' && url.pathname === '/graphql';
    const operation = checked(() => (graphql ? (checkGraphql(body), null) : checkRequest(method, url, body)));
    const fault = this.faults.find(
      (candidate) =>
        (candidate.times ?? 0) > 0 &&
        (!candidate.method || candidate.method === method) &&
        (!candidate.token || candidate.token === token) &&
        (!candidate.query || candidate.query.test(String(body?.query ?? ''))) &&
        (typeof candidate.path === 'string'
          ? url.pathname === candidate.path
          : candidate.path.test(url.pathname)),
    );
    if (fault) fault.times = (fault.times ?? 1) - 1;
    if (fault?.drop) return void request.socket.destroy();
    if (!fault && this.holding?.(record)) {
      /** @type {{ request: any, release: () => void }} */
      const held = { request: record, release: () => undefined };
      await new Promise((resolve) => {
        held.release = () => resolve(undefined);
        this.held.push(held);
      });
    }
    // The answer reflects the state when the request arrived; a delay only holds it back, like a slow network.
    const result =
      fault && fault.status > 0
        ? {
            status: fault.status,
            json: fault.body ?? { message: `injected ${fault.status}` },
            headers: fault.headers,
          }
        : this.answer(method, url, body, token, request.headers.accept ?? '');
    // An injected status is a deliberate departure from GitHub's documented answers; a real one is held to them.
    if (fault && fault.status > 0) {
      // Nothing to hold to GitHub's answers: the fault is the test's.
    } else if (graphql) {
      checked(() => checkGraphqlAnswer(body, result.json));
    } else {
      if (result.json !== undefined && !result.asIs)
        result.json = completeAnswer(method, url.pathname, result.status, result.json);
      checked(() => checkAnswer(operation ?? null, result.status, result.json, result.raw !== undefined));
    }
    const delay = this.latencyMs + (fault?.delayMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault?.cut) {
      const text = result.raw ?? JSON.stringify(result.json);
      response.writeHead(result.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(text)),
      });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      return void setTimeout(() => request.socket.destroy(), 5);
    }
    if (result.raw !== undefined) {
      response.writeHead(result.status, { 'content-type': 'text/plain; charset=utf-8' });
      return response.end(result.raw);
    }
    return send(response, result.status, result.json, result.headers);
  }

  /** @returns {{ status: number, json?: unknown, raw?: string, headers?: Record<string, string>, asIs?: boolean }} */
  answer(
    /** @type {string} */ method,
    /** @type {URL} */ url,
    /** @type {any} */ body,
    /** @type {string | null} */ token,
    /** @type {string} */ accept,
  ) {
    if (!token) return { status: 401, json: { message: 'Requires authentication' } };
    try {
      return this.app?.answer(method, url, token) ?? this.route(method, url, body, token, accept);
    } catch (error) {
      return { status: 500, json: { message: String(error) } };
    }
  }

  /**
   * @returns {{ status: number, json?: unknown, raw?: string, headers?: Record<string, string>, asIs?: boolean }}
   */
  route(
    /** @type {string} */ method,
    /** @type {URL} */ url,
    /** @type {any} */ body,
    /** @type {string} */ token,
    /** @type {string} */ accept,
  ) {
    if (method === 'POST' && url.pathname === '/graphql') return this.graphql(body, token);
    const canned = method === 'GET' ? this.resources.get(url.pathname) : undefined;
    if (canned) {
      const status = canned.status ?? 200;
      if (status === 200 && Array.isArray(canned.json))
        return { ...this.page(url, canned.json, url.pathname, true), asIs: canned.asIs };
      return { status, json: canned.json, asIs: canned.asIs };
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    const other = method === 'GET' && /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (other && `${other[1]}/${other[2]}`.toLowerCase() !== `${this.owner}/${this.repo}`.toLowerCase()) {
      const repository = this.repositories.get(`${other[1]}/${other[2]}`.toLowerCase());
      if (!repository || (repository.readers && !repository.readers.includes(token))) return notFound();
      const ref = url.searchParams.get('ref') ?? repository.defaultBranch ?? 'main';
      return fileAnswer(repository.files[ref]?.[decodeURIComponent(other[3] ?? '')], other[3] ?? '', accept);
    }
    if (!url.pathname.startsWith(prefix)) return notFound();
    const path = url.pathname.slice(prefix.length);
    const write = method !== 'GET';
    if (write && token === READ_ONLY_TOKEN) {
      return {
        status: 403,
        json: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        },
      };
    }
    /** @type {RegExpExecArray | null} */
    let match;
    if (method === 'GET' && (match = /^\/pulls\/(\d+)$/.exec(path))) {
      const pull = this.pulls.get(Number(match[1]));
      return pull ? { status: 200, json: this.pullJson(pull) } : notFound();
    }
    if (method === 'GET' && (match = /^\/pulls\/(\d+)\/reviews$/.exec(path))) {
      return this.page(url, this.reviews.get(Number(match[1])) ?? [], path);
    }
    if (method === 'GET' && (match = /^\/pulls\/(\d+)\/files$/.exec(path))) {
      const pull = this.pulls.get(Number(match[1]));
      if (!pull) return notFound();
      const files = (pull.files ?? []).slice(0, 3000).map((filename) => ({ filename, status: 'modified' }));
      return this.page(url, files, path);
    }
    if (method === 'GET' && (match = /^\/releases\/(\d+)$/.exec(path))) {
      const release = this.releases.get(Number(match[1]));
      return release ? { status: 200, json: this.releaseJson(release) } : notFound();
    }
    if (method === 'GET' && (match = /^\/releases\/tags\/(.+)$/.exec(path))) {
      const tag = decodeURIComponent(match[1] ?? '');
      const release = [...this.releases.values()].find((each) => each.tagName === tag && !each.draft);
      return release ? { status: 200, json: this.releaseJson(release) } : notFound();
    }
    if (method === 'GET' && (match = /^\/commits\/([^/]+)$/.exec(path))) {
      // A tag resolves to its release's commit; a full SHA to itself.
      const ref = decodeURIComponent(match[1] ?? '');
      const sha = /^[0-9a-f]{40}$/.test(ref)
        ? ref
        : [...this.releases.values()].find((each) => each.tagName === ref)?.sha;
      if (sha === undefined) return notFound();
      return accept.includes('sha') ? { status: 200, raw: sha } : { status: 200, json: { sha } };
    }
    if (method === 'GET' && (match = /^\/contents\/(.+)$/.exec(path))) {
      const ref = url.searchParams.get('ref') ?? this.defaultBranch;
      // A commit named by its SHA holds the default branch's files, but for those a test gives it.
      const atCommit = /^[0-9a-f]{40}$/.test(ref)
        ? { ...this.files[this.defaultBranch], ...this.files[ref] }
        : undefined;
      const file = (this.files[ref] ?? atCommit)?.[decodeURIComponent(match[1] ?? '')];
      if (file === undefined) return notFound();
      if (accept.includes('raw')) return { status: 200, raw: file };
      return {
        status: 200,
        json: { type: 'file', encoding: 'base64', content: Buffer.from(file).toString('base64') },
      };
    }
    if (method === 'GET' && (match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(match[1]);
      const comments = this.comments
        .filter((comment) => comment.issue === issue)
        .map((comment) => this.commentJson(comment));
      return this.page(url, comments, path);
    }
    if (method === 'POST' && (match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const comment = {
        id: ++this.nextCommentId,
        issue: Number(match[1]),
        body: String(body?.body ?? ''),
        user: this.identityOf(token),
      };
      this.comments.push(comment);
      return { status: 201, json: this.commentJson(comment) };
    }
    if (method === 'GET' && path === '/issues') {
      // GET /repos/{owner}/{repo}/issues: state (open, closed, all), since (updated at or after), sort, direction.
      const state = url.searchParams.get('state') ?? 'open';
      const since = url.searchParams.get('since');
      const issues = this.issues
        .filter((issue) => state === 'all' || (issue.state ?? 'open') === state)
        .filter((issue) => since === null || String(issue.updatedAt) >= since)
        .sort((a, b) => a.number - b.number);
      if ((url.searchParams.get('direction') ?? 'desc') === 'desc') issues.reverse();
      return this.page(
        url,
        issues.map((issue) => this.issueJson(issue)),
        path,
      );
    }
    if (method === 'POST' && path === '/issues') {
      // Numbers are shared with pull requests, as on GitHub.
      const number = Math.max(0, ...this.pulls.keys(), ...this.issues.map((issue) => issue.number)) + 1;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const issue = {
        number,
        title: String(body?.title ?? ''),
        body: String(body?.body ?? ''),
        state: 'open',
        user: this.identityOf(token),
        createdAt: now,
        updatedAt: now,
      };
      this.issues.push(issue);
      return { status: 201, json: this.issueJson(issue) };
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(path))) {
      const id = Number(match[1]);
      const comment = this.comments.find((candidate) => candidate.id === id);
      if (!comment) return notFound();
      if (method === 'PATCH') {
        if (comment.user.login !== this.identityOf(token).login)
          return { status: 403, json: { message: 'Must be the author to edit' } };
        comment.body = String(body?.body ?? '');
        return { status: 200, json: this.commentJson(comment) };
      }
      if (method === 'DELETE') {
        this.comments = this.comments.filter((candidate) => candidate.id !== id);
        return { status: 204 };
      }
    }
    if (method === 'POST' && (match = /^\/statuses\/([0-9a-f]{40})$/.exec(path))) {
      if (typeof body?.description === 'string' && body.description.length > 140) {
        return {
          status: 422,
          json: { message: 'Validation Failed: description is too long (maximum is 140 characters)' },
        };
      }
      // GitHub: "there is a limit of 1000 statuses per sha and context within a repository.
      // Attempts to create more than 1000 statuses will result in a validation error" (REST
      // reference, "Create a commit status"). The error, as GitHub words it in a 422's errors:
      // "This SHA and context has reached the maximum number of statuses."
      const sha = match[1] ?? '';
      const kept = this.statuses.filter((each) => each.sha === sha && each.context === body?.context);
      if (kept.length >= this.statusCap) {
        return {
          status: 422,
          json: {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'Status',
                code: 'custom',
                message: 'This SHA and context has reached the maximum number of statuses.',
              },
            ],
          },
        };
      }
      const status = {
        sha,
        state: body?.state,
        context: body?.context,
        description: body?.description,
        target_url: body?.target_url,
      };
      Object.defineProperties(status, {
        creator: { value: this.identityOf(token), enumerable: false },
        id: { value: this.nextStatusId++, enumerable: false },
      });
      this.statuses.push(status);
      return { status: 201, json: status };
    }
    if (method === 'POST' && path === '/check-runs') {
      if (String(body?.output?.summary ?? '').length > 65535)
        return { status: 422, json: { message: 'summary is too long' } };
      if (String(body?.output?.text ?? '').length > 65535)
        return { status: 422, json: { message: 'text is too long' } };
      // Ids only grow, as GitHub's do: the newest check run has the highest.
      const id = Math.max(0, ...this.checkRuns.map((each) => Number(each.id) || 0)) + 1;
      const run = { id, ...body };
      const login = this.identityOf(token).login;
      Object.defineProperty(run, 'app', {
        value: { slug: login.replace(/\[bot\]$/, ''), name: login.replace(/\[bot\]$/, '') },
        enumerable: false,
      });
      this.checkRuns.push(run);
      return { status: 201, json: run };
    }
    if (method === 'GET' && path === '') {
      return {
        status: 200,
        json: {
          id: 1296269,
          name: this.repo,
          full_name: `${this.owner}/${this.repo}`,
          owner: { login: this.owner, type: 'User' },
          default_branch: this.defaultBranch,
          html_url: `https://github.com/${this.owner}/${this.repo}`,
        },
      };
    }
    if (method === 'GET' && path === '/pulls') {
      // GET /repos/{owner}/{repo}/pulls: state, base, sort (created, updated), direction, per_page, page.
      const state = url.searchParams.get('state') ?? 'open';
      const base = url.searchParams.get('base');
      const sort = url.searchParams.get('sort') ?? 'created';
      const direction = url.searchParams.get('direction') ?? (sort === 'created' ? 'desc' : 'desc');
      const pulls = [...this.pulls.values()]
        .filter((pull) => state === 'all' || pull.state === state)
        .filter((pull) => base === null || pull.base === base)
        .sort((a, b) =>
          sort === 'updated'
            ? String(a.updatedAt).localeCompare(String(b.updatedAt)) || a.number - b.number
            : a.number - b.number,
        );
      if (direction === 'desc') pulls.reverse();
      return this.page(
        url,
        pulls.map((pull) => this.pullJson(pull)),
        path,
      );
    }
    if (method === 'GET' && (match = /^\/commits\/([0-9a-f]{40})\/pulls$/.exec(path))) {
      // Pull requests associated with a commit: here, those whose head it is, except those whose
      // head branch lives in a fork, which GitHub leaves out. GitHub documents only that the
      // endpoint lists "merged and open pull requests associated with the commit"; that fork
      // heads are missing is reported in google/go-github#2241 ("only works with open PRs from
      // different branches in the same repo, not from forks"), quarkusio/pt.quarkus.io#389 and
      // nerva-project/nerva#79 (both moved to listing pull requests for fork heads).
      const sha = match[1];
      const pulls = [...this.pulls.values()].filter(
        (pull) =>
          pull.headSha === sha &&
          (pull.headRepo ?? `${this.owner}/${this.repo}`) === `${this.owner}/${this.repo}`,
      );
      return this.page(
        url,
        pulls.map((pull) => this.pullJson(pull)),
        path,
      );
    }
    if (method === 'GET' && (match = /^\/commits\/([^/]+)\/statuses$/.exec(path))) {
      // Newest first, as GitHub lists them.
      const ref = decodeURIComponent(match[1] ?? '');
      const statuses = this.statuses
        .filter((status) => status.sha === ref)
        .reverse()
        .map((status) => ({
          id: status.id,
          state: status.state,
          context: status.context,
          description: status.description ?? null,
          target_url: status.target_url ?? null,
          creator: status.creator ?? BOT,
          created_at: status.createdAt ?? '2026-11-20T10:00:00Z',
          updated_at: status.createdAt ?? '2026-11-20T10:00:00Z',
        }));
      return this.page(url, statuses, path);
    }
    if (method === 'GET' && (match = /^\/commits\/([^/]+)\/check-runs$/.exec(path))) {
      const ref = decodeURIComponent(match[1] ?? '');
      const name = url.searchParams.get('check_name');
      const runs = this.checkRuns
        .filter((run) => run.head_sha === ref && (name === null || run.name === name))
        .map((run) => ({
          ...run,
          app: run.app ?? { slug: 'github-actions', name: 'GitHub Actions' },
        }));
      return { status: 200, json: { total_count: runs.length, check_runs: runs } };
    }
    return notFound();
  }

  /**
   * The one GraphQL query the gate makes: a pull request's author, body and edit history. Each
   * revision is `{ editor, body, editedAt }`; the history is `edits` by pull request number.
   */
  graphql(/** @type {any} */ body, /** @type {string} */ token) {
    const query = String(body?.query ?? '');
    if (/^\s*query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      return { status: 200, json: { data: { viewer: { login: this.identityOf(token).login } } } };
    }
    // The first round's query (the viewer, the newest releases, the pull request, open pull
    // requests, a commit's verdicts) and the confirming one (the pull request, the policy's blob, the verdicts).
    if ((query.includes('viewer') || query.includes('policy: object(')) && query.includes('repository('))
      return answerByTheSchema(this, body, token);
    if (query.includes('mergeQueue(')) return this.mergeQueue(body);
    const number = Number(body?.variables?.number);
    const pull = this.pulls.get(number);
    if (!query.includes('userContentEdits') || !pull) {
      return { status: 200, json: { data: null, errors: [{ message: 'not supported by the emulator' }] } };
    }
    // `last: N` keeps the newest N; a revision deleted from the history keeps its editor, not its text.
    const last = Number(/userContentEdits\(last: (\d+)\)/.exec(query)?.[1] ?? 100);
    const all = this.edits.get(number) ?? [];
    const nodes = all.slice(-last).map((edit) => ({
      editedAt: edit.editedAt,
      deletedAt: edit.deleted ? edit.editedAt : null,
      editor: { login: edit.editor },
      diff: edit.deleted ? null : edit.body,
    }));
    const pageInfo = { hasPreviousPage: all.length > last };
    return {
      status: 200,
      json: {
        data: {
          repository: {
            pullRequest: {
              author: { login: 'Codertocat' },
              body: pull.body,
              userContentEdits: { ...(query.includes('pageInfo') && { pageInfo }), nodes },
            },
          },
        },
      },
    };
  }

  /**
   * A branch's merge queue (GraphQL's Repository.mergeQueue): its entries with their position,
   * 1 being the next to merge, and null for a branch with no queue.
   */
  mergeQueue(/** @type {any} */ body) {
    const queue = this.mergeQueues.get(String(body?.variables?.branch ?? this.defaultBranch));
    const first = Number(/entries\(first: (\d+)/.exec(String(body.query))?.[1] ?? 100);
    const mergeQueue = queue
      ? {
          entries: {
            totalCount: queue.length,
            nodes: queue
              .slice(0, first)
              .map((number, index) => ({ position: index + 1, pullRequest: { number } })),
          },
        }
      : null;
    return { status: 200, json: { data: { repository: { mergeQueue } } } };
  }

  page(/** @type {URL} */ url, /** @type {unknown[]} */ all, /** @type {string} */ path, absolute = false) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    /** @type {Record<string, string>} */
    const headers = {};
    if (page * perPage < all.length) {
      const full = absolute ? path : `/repos/${this.owner}/${this.repo}${path}`;
      headers.link = `<${this.url}${full}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    }
    return { status: 200, json: items, headers };
  }

  pullJson(/** @type {PullFixture} */ pull) {
    return {
      number: pull.number,
      state: pull.state,
      body: pull.body,
      title: pull.title ?? `Release PR #${pull.number}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}`,
      base: { ref: pull.base, sha: 'b'.repeat(40), repo: { full_name: `${this.owner}/${this.repo}` } },
      head: {
        ref: pull.headRef ?? 'release',
        sha: pull.headSha,
        label: `${(pull.headRepo ?? this.owner).split('/')[0]}:${pull.headRef ?? 'release'}`,
        repo: {
          full_name: pull.headRepo ?? `${this.owner}/${this.repo}`,
          fork: pull.headRepo !== undefined && pull.headRepo !== `${this.owner}/${this.repo}`,
        },
      },
      labels: (pull.labels ?? []).map((name, index) => ({ id: index + 1, name })),
      updated_at: pull.updatedAt,
      merged: pull.merged ?? false,
      merged_at: pull.merged ? (pull.mergedAt ?? pull.updatedAt) : null,
      merged_by: pull.merged ? { login: pull.mergedBy ?? 'octocat', type: 'User' } : null,
      ...(pull.merged && pull.mergeCommit && { merge_commit_sha: pull.mergeCommit }),
      closed_at: pull.state === 'closed' ? pull.updatedAt : null,
      user: { login: pull.author ?? 'Codertocat', type: pull.author?.endsWith('[bot]') ? 'Bot' : 'User' },
    };
  }

  releaseJson(/** @type {ReleaseFixture} */ release) {
    return {
      id: release.id,
      tag_name: release.tagName,
      body: release.body,
      draft: release.draft,
      prerelease: false,
      created_at: '2026-11-01T09:00:00Z',
      updated_at: release.updatedAt,
      html_url: `https://github.com/${this.owner}/${this.repo}/releases/tag/${release.tagName}`,
    };
  }

  issueJson(/** @type {IssueRecord} */ issue) {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state ?? 'open',
      user: issue.user ?? { login: 'Codertocat', type: 'User' },
      labels: [],
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`,
      created_at: issue.createdAt ?? '2026-11-20T10:00:00Z',
      updated_at: issue.updatedAt ?? issue.createdAt ?? '2026-11-20T10:00:00Z',
    };
  }

  commentJson(/** @type {CommentRecord} */ comment) {
    return {
      id: comment.id,
      body: comment.body,
      user: comment.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    };
  }
}

/**
 * An answer with every field GitHub documents: the emulator's own fields laid over GitHub's
 * example answer for the operation (each item of a list over the example's first item), so
 * that code reading a field the emulator does not model sees GitHub's kind of value, not
 * undefined. Where GitHub's example is wrong for this, the fix is in EXAMPLE_FIXES
 * (openapi-conformance.js).
 */
function completeAnswer(
  /** @type {string} */ method,
  /** @type {string} */ pathname,
  /** @type {number} */ status,
  /** @type {unknown} */ json,
) {
  // GitHub's error answers all name their documentation.
  if (status >= 400)
    return isObject(json) ? { documentation_url: 'https://docs.github.com/rest', ...json } : json;
  const example = checked(() => exampleAnswer(method, pathname, status, json));
  return example === undefined ? json : layOver(example, json);
}

/** Runs a check; a check that breaks is a failure of the test too, never a hung request. */
function checked(/** @type {() => any} */ check) {
  try {
    return check();
  } catch (error) {
    report(`the conformance check itself failed: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
}

/** @returns {unknown} */
function layOver(/** @type {unknown} */ example, /** @type {unknown} */ value) {
  if (Array.isArray(value))
    return value.map((item) => layOver(Array.isArray(example) ? example[0] : undefined, item));
  if (!isObject(value) || !isObject(example)) return value;
  /** @type {Record<string, unknown>} */
  const merged = { ...example };
  for (const [key, item] of Object.entries(value))
    if (item !== undefined) merged[key] = layOver(example[key], item);
  return merged;
}

/** @returns {value is Record<string, unknown>} */
function isObject(/** @type {unknown} */ value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A file from the contents API: its text with the raw media type, GitHub's JSON otherwise. */
function fileAnswer(
  /** @type {string | undefined} */ file,
  /** @type {string} */ path,
  /** @type {string} */ accept,
) {
  if (file === undefined) return notFound();
  if (accept.includes('raw')) return { status: 200, raw: file };
  const name = decodeURIComponent(path);
  return {
    status: 200,
    json: {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(file),
      name: name.split('/').pop(),
      path: name,
      content: Buffer.from(file).toString('base64'),
    },
  };
}

function notFound() {
  return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

function send(
  /** @type {import('node:http').ServerResponse} */ response,
  /** @type {number} */ status,
  /** @type {unknown} */ json,
  headers = {},
) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(status === 204 ? undefined : JSON.stringify(json));
}

export { READ_ONLY_TOKEN, BOT, APP_TOKEN, APP_BOT };
