/** The client every API call takes, built with retries and throttling. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { httpFetch } from './http-fetch.js';

/**
 * What the api wrappers in src/github use of a client. Both `getOctokit(...)` from @actions/github
 * and an @octokit/rest `Octokit` have it, so the action and a command-line client share the wrappers.
 */
export type GitHubClient = Pick<ReturnType<typeof getOctokit>, 'request' | 'graphql' | 'paginate'>;

/** The plugins every client of the gate carries, in this order. */
export const CLIENT_PLUGINS = [retry, throttling] as const;

export interface ClientSettings {
  /** Base of the retry back-off in milliseconds: waits are 1×, 4× and 9× this. */
  retryBaseMs: number;
  warn: (message: string) => void;
  /**
   * Requests in flight at once, across every client of the process; the throttling plugin's 10
   * when not given. The server, evaluating many pull requests at once, needs more.
   */
  maxConcurrent?: number;
}

export interface ClientOptions extends ClientSettings {
  token: string;
  baseUrl: string;
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
 * The options that give a client built with CLIENT_PLUGINS the gate's behaviour: server errors
 * (5xx) and dropped or cut connections are retried three times with growing waits; primary and
 * secondary rate limits (403/429 with retry-after) are sat out up to twice, for at most a minute
 * each; 4xx answers such as 404 and 422 are not retried. Past that the request fails, and the gate
 * with it. Requests go through `httpFetch` (see there why), which honours the runner's proxy.
 */
export function clientOptions(settings: ClientSettings) {
  const waitWorthIt =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= 2 || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) {
        settings.warn(
          `GitHub ${kind} on ${request.method} ${request.url}: not retrying (waited ${retryCount} times; asked to wait ${retryAfter}s).`,
        );
        return false;
      }
      settings.warn(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s.`);
      return true;
    };
  return {
    userAgent: 'checklist-gate',
    request: { fetch: httpFetch as unknown as typeof fetch },
    retry: {
      retries: RETRIES,
      retryAfterBaseValue: settings.retryBaseMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      ...({
        write: UNSPACED,
        notifications: UNSPACED,
        onRateLimit: waitWorthIt('rate limit'),
        onSecondaryRateLimit: waitWorthIt('secondary rate limit'),
      } satisfies ThrottlingOptions),
      // The plugin takes any of its groups in place of its own; `global` holds every request.
      ...(settings.maxConcurrent !== undefined && { global: concurrencyLimit(settings.maxConcurrent) }),
    },
  };
}

/**
 * A limit on requests in flight, in the shape of the throttling plugin's groups (`key(id)`
 * gives a limiter whose `schedule` runs a job): a freed place goes to the longest waiting.
 */
function concurrencyLimit(max: number): ThrottlingOptions['write'] {
  let active = 0;
  const waiting: (() => void)[] = [];
  const limiter = {
    schedule: async <T>(_options: unknown, job: (...args: unknown[]) => Promise<T>, ...args: unknown[]) => {
      if (active < max) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await job(...args);
      } finally {
        // The place passes to the next in line, or is given back.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
  return { key: () => limiter } as unknown as ThrottlingOptions['write'];
}

/** The action's client: @actions/github's, with the gate's plugins and options. */
export function createClient(options: ClientOptions): GitHubClient {
  return getOctokit(
    options.token,
    { baseUrl: options.baseUrl, ...clientOptions(options) },
    ...CLIENT_PLUGINS,
  );
}
