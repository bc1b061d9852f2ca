/** The client's transport: fetch on node:http and node:https, with timeouts and proxies. */
import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { proxyAgentFor } from './proxy-agent.js';

/**
 * The part of `fetch` that @octokit/request uses, on node:http and node:https, given to
 * getOctokit as `request.fetch`. Its default, undici's fetch, keeps a stalled answer open for
 * five minutes where this gives up after IDLE_TIMEOUT_MS of silence, and loads undici's
 * WebAssembly HTTP parser on first use, which took about 25 ms of a run that makes five small
 * requests (bench/RESULTS.md); this takes about 7 ms. Passing it replaces getOctokit's
 * proxy-aware fetch, so each request asks `proxyAgentFor` whether the runner's proxy applies.
 */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | null;
  redirect?: 'follow' | 'manual' | 'error';
  signal?: AbortSignal | null;
}

export interface FetchResponse {
  status: number;
  statusText: string;
  url: string;
  headers: ResponseHeaders;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Response headers as `fetch` gives them: lower-case names, repeated headers joined by ", ". */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly values = new Map<string, string>();

  constructor(message: IncomingMessage) {
    for (const [name, value] of Object.entries(message.headers)) {
      if (value !== undefined) this.values.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.values.entries();
  }
}

/** A request that sees no byte for this long fails, and the client's retries take over. */
export const IDLE_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export type HttpFetch = (url: string, init?: FetchInit) => Promise<FetchResponse>;

/** Picks the agent for a URL: a proxy's where one applies, otherwise undefined for Node's default. */
export type AgentFor = (url: URL) => Agent | undefined;

interface Transport {
  idleTimeoutMs: number;
  agentFor: AgentFor;
}

export function createHttpFetch(
  idleTimeoutMs = IDLE_TIMEOUT_MS,
  agentFor: AgentFor = proxyAgentFor,
): HttpFetch {
  return (url, init = {}) => send(new URL(url), init, MAX_REDIRECTS, { idleTimeoutMs, agentFor });
}

export const httpFetch = createHttpFetch();

async function send(
  url: URL,
  init: FetchInit,
  redirectsLeft: number,
  transport: Transport,
): Promise<FetchResponse> {
  const response = await exchange(url, init, transport);
  const location = response.headers.get('location');
  const isRedirect = [301, 302, 303, 307, 308].includes(response.status) && location !== null;
  if (!isRedirect || init.redirect === 'manual') return response;
  if (init.redirect === 'error') throw new TypeError(`redirected to ${location}`);
  if (redirectsLeft === 0) throw new TypeError(`more than ${MAX_REDIRECTS} redirects from ${url.href}`);
  const next = new URL(location, url);
  // As fetch does: a 303, or a 301/302 answering a POST, is followed with a GET without body.
  const asGet =
    response.status === 303 ||
    ((response.status === 301 || response.status === 302) && init.method === 'POST');
  // The token goes to the host it was meant for, and no further.
  const headers = Object.fromEntries(
    Object.entries(init.headers ?? {}).filter(
      ([name]) => next.host === url.host || name.toLowerCase() !== 'authorization',
    ),
  );
  return send(
    next,
    asGet ? { ...init, headers, method: 'GET', body: null } : { ...init, headers },
    redirectsLeft - 1,
    transport,
  );
}

function exchange(url: URL, init: FetchInit, { idleTimeoutMs, agentFor }: Transport): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    if (init.signal?.aborted) return reject(abortError());
    const body = init.body ?? null;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== null) headers['content-length'] = String(Buffer.byteLength(body));
    const open = url.protocol === 'http:' ? httpRequest : httpsRequest;
    // Asked on every hop: a redirect may lead to a host that NO_PROXY exempts, or the reverse.
    const agent = agentFor(url);
    const request = open(url, { method: init.method ?? 'GET', headers, agent }, (message) => {
      // The answer is taken whole before it is handed on: a connection that breaks mid-answer
      // fails the request, which is retried, where a half-read body could pass for an empty one.
      collect(message).then((bytes) => {
        const text = bytes.toString('utf8');
        resolve({
          status: message.statusCode ?? 0,
          statusText: message.statusMessage ?? '',
          url: url.href,
          headers: new ResponseHeaders(message),
          text: () => Promise.resolve(text),
          arrayBuffer: () =>
            Promise.resolve(
              bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
            ),
        });
      }, reject);
    });
    request.setTimeout(idleTimeoutMs, () =>
      request.destroy(new Error(`no answer from ${url.host} for ${idleTimeoutMs / 1000} s`)),
    );
    request.on('error', reject);
    init.signal?.addEventListener('abort', () => request.destroy(abortError()), { once: true });
    request.end(body ?? undefined);
  });
}

function collect(message: IncomingMessage): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    const broken = () => reject(new Error('the connection closed before the answer was complete'));
    message.on('error', reject);
    message.on('aborted', broken);
    message.on('close', () => (message.complete ? undefined : broken()));
  });
}

function abortError(): Error {
  const error = new Error('the request was aborted');
  error.name = 'AbortError';
  return error;
}
