/** The CLI's client: the same plugins as the action's, with waits sized for a terminal. */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

// The CLI's REST client: @octokit/rest's methods (start-up time matters less here than in the action), with retries and rate limits.
const CliOctokit = Octokit.plugin(retry, throttling);
export type RestClient = InstanceType<typeof CliOctokit>;

export interface RestSettings {
  token: string;
  baseUrl: string;
}

/** Longest rate-limit wait worth sitting out at a terminal, in seconds, and how many to sit out. */
const MAX_WAIT_SECONDS = 60;
const MAX_WAITS = 2;

/**
 * The token and API URL the CLI calls GitHub with: $GITHUB_TOKEN or $GH_TOKEN, and --api-url,
 * $GITHUB_API_URL or github.com's API. Null without a token: the CLI then works offline.
 */
export function restSettings(
  env: Record<string, string | undefined>,
  apiUrl: string | undefined,
): RestSettings | null {
  const token = env['GITHUB_TOKEN'] || env['GH_TOKEN'];
  if (!token) return null;
  return {
    token,
    baseUrl: (apiUrl || env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
  };
}

/** A client that retries server errors and sits out short rate limits, warning on standard error. */
export function createRestClient(settings: RestSettings, warn: (message: string) => void): RestClient {
  const wait =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryAfter > MAX_WAIT_SECONDS || retryCount >= MAX_WAITS) {
        warn(
          `GitHub ${kind} on ${request.method} ${request.url}: not retrying (asked to wait ${retryAfter}s).`,
        );
        return false;
      }
      warn(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s.`);
      return true;
    };
  return new CliOctokit({
    auth: settings.token,
    baseUrl: settings.baseUrl,
    userAgent: 'checklist-gate-cli',
    // A 404 can be an answer (no policy on a branch); a failure is reported once, by the command.
    log: { debug: () => undefined, info: () => undefined, warn: warn, error: () => undefined },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: { onRateLimit: wait('rate limit'), onSecondaryRateLimit: wait('secondary rate limit') },
  });
}

/** GitHub's answer in words: the status, the request and GitHub's message, or the network error. */
export function apiFailure(error: unknown, baseUrl: string): string {
  const failed = error as {
    status?: number;
    message?: string;
    request?: { method?: string; url?: string };
  };
  if (typeof failed.status === 'number' && failed.request) {
    const url = (failed.request.url ?? '').replace(baseUrl, '');
    return `GitHub answered ${failed.status} to ${failed.request.method ?? 'GET'} ${url}: ${failed.message ?? ''}${failed.status === 404 ? ' (check the repository, number or tag, and that the token can read it)' : ''}`;
  }
  return `could not read from GitHub at ${baseUrl}: ${(error as Error).message ?? String(error)}`;
}
