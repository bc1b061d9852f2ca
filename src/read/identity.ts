import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/repository.js';
import { viewerAndReleases, viewerLogin, type TaggedRelease } from '../github/viewer.js';

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
 * Asks GitHub whom the token acts as: one GraphQL request, made alongside the first reads. If it
 * cannot be answered the workflow bot is assumed, which can only make the gate ignore a comment it
 * wrote (it then writes a new one) or replace a status it posted: never keep a foreign verdict.
 */
export async function learnIdentity(client: GitHubClient, repository?: Repository): Promise<GateIdentity> {
  if (repository) {
    try {
      return { ...(await viewerAndReleases(client, repository)), source: 'viewer' };
    } catch {
      // The releases may be what failed: the identity is still worth its own request.
    }
  }
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
