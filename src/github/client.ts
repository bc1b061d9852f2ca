import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { httpFetch } from './http-fetch.js';

// @octokit/core with only the plugins the gate uses: @octokit/rest's endpoint methods cost start-up time.
const GateOctokit = Octokit.plugin(paginateRest, retry, throttling);
export type GitHubClient = InstanceType<typeof GateOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Base of the retry back-off in milliseconds: waits are 1×, 4× and 9× this. */
  retryBaseMs: number;
  warn: (message: string) => void;
}

/** Longest wait for a rate limit that is still worth sitting out, in seconds. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
const RETRIES = 3;

/**
 * The throttling plugin spaces writes 1 s apart and comment writes 3 s apart, which suits bulk
 * jobs; one run makes at most three writes, so they go out at once. Rate limit answers are
 * still sat out by the plugin's retry handlers below.
 */
const UNSPACED = {
  key: () => ({
    schedule: <T>(_options: unknown, job: (...args: unknown[]) => T, ...args: unknown[]) => job(...args),
  }),
} as unknown as ThrottlingOptions['write'];

/**
 * A REST client that retries server errors (5xx) three times with growing waits and sits out
 * primary and secondary rate limits (403/429 with retry-after) up to twice, for at most a minute
 * each; 4xx answers such as 404 and 422 are not retried. Past that the request fails, and the gate with it.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const waitWorthIt =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= 2 || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) {
        options.warn(
          `GitHub ${kind} on ${request.method} ${request.url}: not retrying (waited ${retryCount} times; asked to wait ${retryAfter}s).`,
        );
        return false;
      }
      options.warn(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s.`);
      return true;
    };
  return new GateOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'checklist-gate',
    request: { fetch: httpFetch as unknown as typeof fetch },
    retry: {
      retries: RETRIES,
      retryAfterBaseValue: options.retryBaseMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      write: UNSPACED,
      notifications: UNSPACED,
      onRateLimit: waitWorthIt('rate limit'),
      onSecondaryRateLimit: waitWorthIt('secondary rate limit'),
    },
  });
}
