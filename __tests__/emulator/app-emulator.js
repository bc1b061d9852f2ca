// @ts-check
// A GitHub App on the loopback API: the App's own endpoints, answered only to a JSON Web Token
// signed (RS256) with the App's private key, and the installation tokens they hand out, each
// good for its installation's repositories alone. A test makes its own key pair; no real key is
// ever used or kept.
import { createPublicKey, randomBytes, verify } from 'node:crypto';

/** GitHub refuses a JWT that lives longer than this, in seconds. */
const JWT_MAX_LIFETIME = 10 * 60;
/** How long an installation token lasts on GitHub, in seconds. */
const TOKEN_LIFETIME = 60 * 60;

/**
 * @typedef {{ id: number, account: string, accountType?: 'Organization' | 'User', repositories: string[] }} InstallationFixture
 * `repositories`: the names (without owner) of the account's repositories the App is installed on.
 * @typedef {{ id: number, slug: string, publicKey: string, installations: InstallationFixture[] }} AppFixture
 * `publicKey`: PEM of the key pair whose private half the App signs its JWTs with.
 */

export class AppRegistration {
  /**
   * @param {AppFixture} fixture
   * @param {Record<string, { login: string, type: string, id: number }>} identities where a token
   *   handed out is entered, so that what it writes is the App's bot's
   */
  constructor(fixture, identities) {
    this.id = fixture.id;
    this.slug = fixture.slug;
    this.publicKey = createPublicKey(fixture.publicKey);
    /** @type {InstallationFixture[]} */
    this.installations = fixture.installations;
    this.identities = identities;
    this.bot = { login: `${fixture.slug}[bot]`, type: 'Bot', id: 900000 + fixture.id };
    /** Installation tokens handed out, by token. @type {Map<string, { installation: number, expiresAt: number }>} */
    this.tokens = new Map();
    /** JWTs refused, with why: a test reads them. @type {string[]} */
    this.refusals = [];
  }

  /** Whether a token has the shape of a JSON Web Token (three base64url parts). */
  static isJwt(/** @type {string} */ token) {
    return /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);
  }

  /**
   * The answer to a request about the App, or to one its token may not make; null when the request
   * is the repository's to answer.
   * @returns {{ status: number, json?: unknown, headers?: Record<string, string> } | null}
   */
  answer(/** @type {string} */ method, /** @type {URL} */ url, /** @type {string} */ token) {
    const path = url.pathname;
    const installationOf = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(path);
    if (path.startsWith('/app/') || path === '/app' || installationOf) {
      const refused = this.checkJwt(token);
      if (refused) return refused;
      if (method === 'GET' && path === '/app') return { status: 200, json: this.appJson() };
      if (method === 'GET' && path === '/app/installations')
        return { status: 200, json: this.installations.map((each) => this.installationJson(each)) };
      const tokenFor = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
      if (method === 'POST' && tokenFor) return this.issueToken(Number(tokenFor[1]));
      if (method === 'GET' && installationOf) {
        const found = this.installationOf(String(installationOf[1]), String(installationOf[2]));
        return found ? { status: 200, json: this.installationJson(found) } : notFound();
      }
      return notFound();
    }
    if (AppRegistration.isJwt(token))
      return { status: 401, json: { message: 'A JSON web token could not be used for this request' } };
    const issued = this.tokens.get(token);
    if (!issued) return null;
    if (issued.expiresAt <= Date.now()) return { status: 401, json: { message: 'Bad credentials' } };
    if (method === 'GET' && path === '/installation/repositories')
      return this.repositoriesOf(issued.installation);
    // An installation token reaches its installation's repositories and nothing else: 404, as for a private one.
    const repository = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
    if (
      repository &&
      this.installationOf(String(repository[1]), String(repository[2]))?.id !== issued.installation
    )
      return notFound();
    return null;
  }

  /** The repositories an installation token reaches, as GET /installation/repositories lists them (one page). */
  repositoriesOf(/** @type {number} */ installationId) {
    const installation = this.installations.find((each) => each.id === installationId);
    const names = installation?.repositories ?? [];
    return {
      status: 200,
      json: {
        total_count: names.length,
        repositories: names.map((name, index) => ({
          id: 5000 + index,
          name,
          full_name: `${installation?.account}/${name}`,
          owner: { login: installation?.account, type: installation?.accountType ?? 'Organization' },
          private: false,
        })),
      },
    };
  }

  /** The installation that holds a repository, if any. */
  installationOf(/** @type {string} */ owner, /** @type {string} */ repo) {
    return this.installations.find(
      (each) =>
        each.account.toLowerCase() === owner.toLowerCase() &&
        each.repositories.some((name) => name.toLowerCase() === repo.toLowerCase()),
    );
  }

  /** The installation token of an installation, as GitHub hands it out: an hour's life. */
  issueToken(/** @type {number} */ installationId) {
    const installation = this.installations.find((each) => each.id === installationId);
    if (!installation) return notFound();
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    const expiresAt = Date.now() + TOKEN_LIFETIME * 1000;
    this.tokens.set(token, { installation: installationId, expiresAt });
    this.identities[token] = this.bot;
    return {
      status: 201,
      json: {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z'),
        permissions: PERMISSIONS,
        repository_selection: 'selected',
      },
    };
  }

  /** Why a JWT is refused (401, as GitHub answers), or null when it is the App's and current. */
  checkJwt(/** @type {string} */ token) {
    const why = this.jwtProblem(token);
    if (why === null) return null;
    this.refusals.push(why);
    return { status: 401, json: { message: `A JSON web token could not be decoded (${why})` } };
  }

  jwtProblem(/** @type {string} */ token) {
    if (!AppRegistration.isJwt(token)) return 'not a JSON web token';
    const [header, payload, signature] = token.split('.');
    let head;
    let claims;
    try {
      head = JSON.parse(Buffer.from(String(header), 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString('utf8'));
    } catch {
      return 'unreadable';
    }
    if (head.alg !== 'RS256') return `algorithm ${head.alg}, not RS256`;
    const signed = Buffer.from(`${header}.${payload}`);
    if (!verify('RSA-SHA256', signed, this.publicKey, Buffer.from(String(signature), 'base64url')))
      return 'signature does not verify';
    const now = Math.floor(Date.now() / 1000);
    if (String(claims.iss) !== String(this.id)) return `issuer ${claims.iss}, not ${this.id}`;
    if (typeof claims.iat !== 'number' || claims.iat > now + 60) return 'issued in the future';
    if (typeof claims.exp !== 'number' || claims.exp <= now) return 'expired';
    if (claims.exp - claims.iat > JWT_MAX_LIFETIME) return 'lives longer than 10 minutes';
    return null;
  }

  appJson() {
    return {
      id: this.id,
      slug: this.slug,
      name: this.slug,
      owner: { login: this.installations[0]?.account ?? 'octo-org', type: 'Organization' },
      permissions: PERMISSIONS,
      events: ['pull_request', 'pull_request_review', 'push', 'release'],
    };
  }

  installationJson(/** @type {InstallationFixture} */ installation) {
    return {
      id: installation.id,
      app_id: this.id,
      app_slug: this.slug,
      target_type: installation.accountType ?? 'Organization',
      // The list's description asks the account to be a user and an enterprise at once (allOf): both sets of fields.
      account: {
        login: installation.account,
        type: installation.accountType ?? 'Organization',
        name: installation.account,
        slug: installation.account.toLowerCase(),
        created_at: '2020-01-01T00:00:00Z',
        updated_at: '2020-01-01T00:00:00Z',
      },
      repository_selection: 'selected',
      permissions: PERMISSIONS,
    };
  }
}

/** What the App asks for (see app.yml). */
const PERMISSIONS = {
  checks: 'write',
  statuses: 'write',
  pull_requests: 'write',
  contents: 'read',
  actions: 'read',
  members: 'read',
  metadata: 'read',
};

function notFound() {
  return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}
