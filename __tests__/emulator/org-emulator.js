// @ts-check
// An organisation of repositories on one loopback API, for `checklist-gate audit`: each repository
// is a GitHubEmulator answering its own /repos/OWNER/NAME/… requests; this one lists them, answers
// the audit's GraphQL query by executing it against GitHub's own schema, and records every request.
import { execute, parse } from 'graphql';
import { GitHubEmulator } from './github-emulator.js';
import { graphqlDescription } from './openapi-conformance.js';

/**
 * @typedef {{ sha: string, date: string, pulls?: number[], text: string | null }} PolicyCommit
 * A commit of the default branch that changed the policy file, and the text it left (null: deleted).
 * @typedef {ConstructorParameters<typeof GitHubEmulator>[0] & { name: string, policyHistory?: PolicyCommit[] }} RepositoryFixture
 */

export class OrgEmulator extends GitHubEmulator {
  /**
   * @param {{ org: string, repositories: RepositoryFixture[], latencyMs?: number,
   *   app?: import('./app-emulator.js').AppFixture }} fixture
   * `app`: a GitHub App installed on the organisation; the tokens it hands out act in every repository.
   */
  constructor(fixture) {
    super({ owner: fixture.org, repo: '.org', latencyMs: fixture.latencyMs, app: fixture.app });
    this.org = fixture.org;
    /** @type {Map<string, GitHubEmulator & { policyHistory: PolicyCommit[] }>} */
    this.members = new Map(
      fixture.repositories.map((repository) => {
        const member = /** @type {GitHubEmulator & { policyHistory: PolicyCommit[] }} */ (
          new GitHubEmulator({ ...repository, owner: fixture.org, repo: repository.name })
        );
        member.policyHistory = [...(repository.policyHistory ?? [])];
        // One table of who each token is: a token handed out by the organisation's App writes as its bot everywhere.
        member.identities = Object.assign(this.identities, member.identities);
        return [repository.name.toLowerCase(), member];
      }),
    );
  }

  /** One repository of the organisation, to post statuses and check runs on. */
  repository(/** @type {string} */ name) {
    const member = this.members.get(name.toLowerCase());
    if (!member) throw new Error(`no repository ${name}`);
    return member;
  }

  /**
   * The organisation's own endpoints; a repository's requests go to that repository.
   * @override
   * @returns {{ status: number, json?: unknown, raw?: string, headers?: Record<string, string>, asIs?: boolean }}
   */
  route(
    /** @type {string} */ method,
    /** @type {URL} */ url,
    /** @type {any} */ body,
    /** @type {string} */ token,
    /** @type {string} */ accept,
  ) {
    if (method === 'POST' && url.pathname === '/graphql') {
      // The gate's own queries go to the repository they name (the viewer alone, to the
      // organisation): the first round's, the confirming one (the policy's blob), edits, merge queues.
      if (/\bviewer\b|policy: object\(|userContentEdits|mergeQueue\(/.test(String(body?.query ?? ''))) {
        const named = body?.variables?.name ?? body?.variables?.repo;
        const member = named ? this.members.get(String(named).toLowerCase()) : undefined;
        return (member ?? this).graphql(body, token);
      }
      return this.auditQuery(body);
    }
    if (method === 'GET' && url.pathname === `/orgs/${this.org}/repos`) {
      const listed = [...this.members.values()].map((member, index) => ({
        id: 1000 + index,
        name: member.repo,
        full_name: `${this.org}/${member.repo}`,
        owner: { login: this.org, type: 'Organization' },
        default_branch: member.defaultBranch,
        html_url: `https://github.com/${this.org}/${member.repo}`,
        archived: false,
      }));
      return this.page(url, listed, url.pathname, true);
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const member =
      match &&
      match[1]?.toLowerCase() === this.org.toLowerCase() &&
      this.members.get(String(match[2]).toLowerCase());
    if (!member) return { status: 404, json: { message: 'Not Found' } };
    member.url = this.url;
    return member.route(method, url, body, token, accept);
  }

  /** The audit's query, executed against GitHub's schema over the repositories' fixtures. */
  auditQuery(/** @type {any} */ body) {
    // Synchronous: every resolver answers from memory, so execute() returns the result, not a promise.
    const result = /** @type {import('graphql').ExecutionResult} */ (
      execute({
        schema: graphqlDescription(),
        document: parse(String(body?.query ?? '')),
        rootValue: { repository: (/** @type {any} */ args) => this.repositoryNode(args.owner, args.name) },
        variableValues: body?.variables ?? {},
        typeResolver: (/** @type {any} */ value) => value?.__typename ?? 'User',
      })
    );
    if (result.errors?.length)
      return {
        status: 200,
        json: { data: null, errors: result.errors.map((error) => ({ message: error.message })) },
      };
    return { status: 200, json: { data: JSON.parse(JSON.stringify(result.data)) } };
  }

  repositoryNode(/** @type {string} */ owner, /** @type {string} */ name) {
    const member =
      owner.toLowerCase() === this.org.toLowerCase() ? this.members.get(name.toLowerCase()) : undefined;
    if (!member) return null;
    const base = `https://github.com/${this.org}/${member.repo}`;
    const merged = [...member.pulls.values()]
      .filter((pull) => pull.merged)
      .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)) || b.number - a.number);
    return {
      url: base,
      defaultBranchRef: {
        name: member.defaultBranch,
        target: {
          __typename: 'Commit',
          history: (/** @type {any} */ args) => ({
            nodes: [...member.policyHistory]
              .sort((a, b) => b.date.localeCompare(a.date))
              .slice(0, args.first ?? 100)
              .map((commit) => ({
                oid: commit.sha,
                committedDate: commit.date,
                associatedPullRequests: { nodes: (commit.pulls ?? []).map((number) => ({ number })) },
                file: commit.text === null ? null : { object: { __typename: 'Blob', text: commit.text } },
              })),
          }),
        },
      },
      releases: () => ({
        nodes: [...member.releases.values()]
          .sort((a, b) => b.id - a.id)
          .map((release) => ({
            tagName: release.tagName,
            url: `${base}/releases/tag/${release.tagName}`,
            publishedAt: release.draft ? null : (release.publishedAt ?? release.updatedAt ?? null),
            isDraft: release.draft ?? false,
            author: release.author ? { login: release.author } : null,
            tagCommit: release.sha && !release.draft ? { oid: release.sha } : null,
          })),
      }),
      pullRequests: (/** @type {any} */ args) => {
        const offset = args.after ? Number(args.after) : 0;
        const first = args.first ?? 100;
        return {
          pageInfo: { hasNextPage: offset + first < merged.length, endCursor: String(offset + first) },
          nodes: merged.slice(offset, offset + first).map((pull) => ({
            number: pull.number,
            title: pull.title ?? `Release PR #${pull.number}`,
            url: `${base}/pull/${pull.number}`,
            baseRefName: pull.base,
            headRefName: pull.headRef ?? 'release',
            headRefOid: pull.headSha,
            updatedAt: pull.updatedAt,
            mergedAt: pull.mergedAt ?? pull.updatedAt,
            mergedBy: pull.mergedBy ? { login: pull.mergedBy } : null,
            mergeCommit: pull.mergeCommit ? { oid: pull.mergeCommit } : null,
            labels: { nodes: (pull.labels ?? []).map((label) => ({ name: label })) },
          })),
        };
      },
    };
  }
}
