/** Who the gate posts as, so that its own comment, statuses and check runs are told from anyone else's. */
import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/repository.js';
import { readRunOverview } from '../github/run-overview.js';
import { viewerLogin, type TaggedRelease } from '../github/viewer.js';

/** Who the gate posts as: its comment, statuses and check runs are those written by this login. */
export interface GateIdentity {
  /** `github-actions[bot]` for the workflow token, `<app>[bot]` for an app's installation token. */
  login: string;
  /** How it was learnt, for the log. */
  source: 'viewer' | 'fallback';
  /**
   * The repository's newest releases and their tags' commits, asked in the same query when a
   * repository is given: a release on a pull request's head commit has its say in the verdict
   * posted there. Null when they could not be read.
   */
  releases: TaggedRelease[] | null;
}

export const WORKFLOW_BOT = 'github-actions[bot]';

/**
 * Asks GitHub whom the token acts as: one GraphQL request, made alongside the first reads, which
 * asks for the newest releases too when a repository is given (and may ask about a commit: see
 * first-round.ts).
 */
export function learnIdentity(client: GitHubClient, repository?: Repository): Promise<GateIdentity> {
  return identityFrom(
    client,
    repository ? readRunOverview(client, repository, null).catch(() => null) : Promise.resolve(null),
  );
}

/**
 * The identity from the first round's answer. If it is missing the identity is asked alone; if
 * that fails too the workflow bot is assumed, which can only make the gate ignore a comment it
 * wrote (it then writes a new one) or replace a status it posted: never keep a foreign verdict.
 */
export async function identityFrom(
  client: GitHubClient,
  answer: Promise<{ login: string; releases: TaggedRelease[] | null } | null>,
): Promise<GateIdentity> {
  const first = await answer;
  if (first) return { login: first.login, source: 'viewer', releases: first.releases };
  try {
    return { login: await viewerLogin(client), source: 'viewer', releases: null };
  } catch {
    return { login: WORKFLOW_BOT, source: 'fallback', releases: null };
  }
}

/**
 * Whether an author is the gate: a bot whose login is the gate's. GraphQL may name a bot without
 * the "[bot]" that REST adds, so the suffix is compared away; a person's account is never the gate.
 */
export function isGateAuthor(identity: GateIdentity, author: { login: string; isBot: boolean }): boolean {
  return author.isBot && botName(author.login) === botName(identity.login);
}

function botName(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}
