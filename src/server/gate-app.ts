/** The gate as the App runs it. */
import { App } from '@octokit/app';
import { appClientClass } from '../github/app-client.js';
import { baseReader } from '../github/base-policy.js';
import type { GitHubClient } from '../github/client.js';
import { commitSha } from '../github/commit-sha.js';
import type { Repository } from '../github/repository.js';
import type { BaseReference } from '../policy/base-reference.js';
import type { BaseAnswer } from '../policy/resolve-policy.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';
import { runGate } from '../gate/run-gate.js';
import type { GateSettings } from '../gate/settings.js';
import { resolveTarget, type Target } from '../gate/target.js';
import type { ServerConfig } from './config.js';
import { dig, sweepTarget } from './delivery-targets.js';
import type { ServerLog } from './server-log.js';

/** The gate as the App runs it: one client per installation, the action's flows unchanged. */
export interface GateApp {
  /** Evaluates one event of a repository, as the action would on that event. */
  evaluateEvent(
    installationId: number,
    repository: Repository,
    name: string,
    payload: Record<string, unknown>,
  ): Promise<string>;
  /** Evaluates every open pull request of a repository that its policy gates, as the schedule does. */
  sweep(installationId: number, repository: Repository, reason: string): Promise<string>;
  /** Every installation and the repositories it holds, for the periodic sweep. */
  installations(): Promise<{ id: number; account: string; repositories: Repository[] }[]>;
  /** Where an account's organisation policy is, laid under each of its repositories' policies. */
  orgPolicyOf(account: string): BaseReference | null;
  /** Reads a policy file with an installation's token, as the gate reads a base. */
  readPolicy(installationId: number, base: BaseReference): Promise<BaseAnswer>;
  /** Verifies a delivery's X-Hub-Signature-256 against the raw body. */
  verify(body: string, signature: string): Promise<boolean>;
}

/**
 * Requests in flight at once, for every installation together: well under GitHub's 100
 * concurrent requests (its secondary rate limit), and enough for many pull requests at once.
 */
const MAX_CONCURRENT_REQUESTS = 40;

export interface GateAppOptions {
  retryBaseMs?: number;
}

export function createGateApp(config: ServerConfig, log: ServerLog, options: GateAppOptions = {}): GateApp {
  const Client = appClientClass({
    baseUrl: config.apiUrl,
    retryBaseMs: options.retryBaseMs ?? 1000,
    warn: (message) => log.warning(message),
    maxConcurrent: MAX_CONCURRENT_REQUESTS,
  });
  const app = new App({
    appId: config.appId,
    privateKey: config.privateKey,
    webhooks: { secret: config.webhookSecret },
    Octokit: Client,
    // A failed request is reported once, by the server, with what it was for.
    log: { debug: () => undefined, info: () => undefined, warn: log.warning, error: () => undefined },
  });
  // @octokit/app keeps each installation's token and renews it before it expires.
  const clients = new Map<number, Promise<GitHubClient>>();
  const clientOf = (installationId: number): Promise<GitHubClient> => {
    let client = clients.get(installationId);
    if (!client) {
      client = app.getInstallationOctokit(installationId) as unknown as Promise<GitHubClient>;
      clients.set(installationId, client);
      client.catch(() => clients.delete(installationId));
    }
    return client;
  };
  const settingsFor = (client: GitHubClient, repository: Repository, eventName: string): GateSettings => ({
    serverHost: config.serverHost,
    policyPath: DEFAULT_POLICY_PATH,
    readBase: baseReader(client),
    // Laid under the repository's own policy, read with the installation's token like a base.
    orgPolicy: orgPolicyOf(repository.owner),
    baseAccess: appAccess,
    checkName: config.checkName,
    // A check run by the App: a ruleset can require the check from this App alone.
    reportAs: 'check-run',
    comment: 'always',
    maxPulls: 100,
    runUrl: null,
    eventName,
  });
  const orgPolicyOf = (account: string): BaseReference | null =>
    config.orgPolicy === null ? null : { owner: account, ...config.orgPolicy };
  const run = async (
    client: GitHubClient,
    repository: Repository,
    target: Target,
    eventName: string,
  ): Promise<string> => {
    const outcome = await runGate(client, target, settingsFor(client, repository, eventName), log);
    return `${outcome.result}: ${outcome.description}`;
  };
  return {
    async evaluateEvent(installationId, repository, name, payload) {
      const client = await clientOf(installationId);
      // The action is told the release's commit by the runner; the App asks for the tag's.
      const sha =
        name === 'release'
          ? await commitSha(client, repository, String(dig(payload, 'release', 'tag_name') ?? ''))
          : String(payload['after'] ?? '');
      const target = resolveTarget({ eventName: name, payload, repository, sha, body: null, prNumber: null });
      return run(client, repository, target, name);
    },
    async sweep(installationId, repository, reason) {
      const client = await clientOf(installationId);
      return run(client, repository, sweepTarget(repository, reason), 'schedule');
    },
    async installations() {
      const found: { id: number; account: string; repositories: Repository[] }[] = [];
      for await (const { installation } of app.eachInstallation.iterator()) {
        const repositories: Repository[] = [];
        for await (const { repository } of app.eachRepository.iterator({ installationId: installation.id }))
          repositories.push({ owner: repository.owner.login, repo: repository.name });
        found.push({ id: installation.id, account: installation.account?.login ?? '', repositories });
      }
      return found;
    },
    orgPolicyOf,
    readPolicy: async (installationId, base) => baseReader(await clientOf(installationId))(base),
    verify: (body, signature) => app.webhooks.verify(body, signature).catch(() => false),
  };
}

/** What lets the App read a base policy it could not. */
function appAccess(base: BaseReference): string {
  return (
    `The App reads base policies with its installation token: install it on ${base.owner}/${base.repo} ` +
    `(contents: read), and check that the path and ref exist.`
  );
}
