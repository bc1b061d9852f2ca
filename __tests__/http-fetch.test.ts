import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { CLIENT_PLUGINS, clientOptions, createClient, type GitHubClient } from '../src/github/client.js';
import { createHttpFetch, httpFetch } from '../src/github/http-fetch.js';
import { proxyAgentFor } from '../src/github/proxy-agent.js';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let server: Server;
let base: string;
let seen: Seen[];

async function serve(handler: Handler): Promise<void> {
  seen = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpFetch, the fetch the GitHub client uses', () => {
  it('gives status, headers as fetch names them, and the body as text or bytes', async () => {
    await serve((_request, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('X-Many', ['a', 'b']);
      response.writeHead(201, 'Created');
      response.end('{"ok":true,"name":"Zoë"}');
    });
    const response = await httpFetch(`${base}/repos/o/r`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.url).toBe(`${base}/repos/o/r`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-many')).toBe('a, b');
    expect(response.headers.get('x-absent')).toBeNull();
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-many': 'a, b' });
    expect(JSON.parse(await response.text())).toEqual({ ok: true, name: 'Zoë' });
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('{"ok":true,"name":"Zoë"}');
    expect(seen[0]?.headers.accept).toBe('application/json');
  });

  it('sends a body with its length in bytes', async () => {
    await serve((_request, response, body) => response.end(body.toUpperCase()));
    const response = await httpFetch(base, { method: 'POST', body: '{"état":"fini"}' });
    expect(await response.text()).toBe('{"ÉTAT":"FINI"}');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength('{"état":"fini"}')));
  });

  it('follows a moved repository, keeping the token on the same host only', async () => {
    const other = createServer((request, response) =>
      response.end(`arrived ${request.headers.authorization}`),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}/elsewhere`;
    await serve((request, response) => {
      if (request.url === '/old') response.writeHead(301, { location: '/new' }).end();
      else response.writeHead(302, { location: elsewhere }).end();
    });
    try {
      const response = await httpFetch(`${base}/old`, { headers: { Authorization: 'token secret' } });
      expect(await response.text()).toBe('arrived undefined');
      expect(response.url).toBe(elsewhere);
      expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([
        ['/old', 'token secret'],
        ['/new', 'token secret'],
      ]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('turns a POST answered by 303 into a GET without body', async () => {
    await serve((request, response) => {
      if (request.url === '/create') response.writeHead(303, { location: '/result' }).end();
      else response.end(request.method);
    });
    const response = await httpFetch(`${base}/create`, { method: 'POST', body: 'data' });
    expect(await response.text()).toBe('GET');
    expect(seen[1]).toMatchObject({ method: 'GET', body: '' });
  });

  it('gives a redirect back when asked to, and refuses a loop', async () => {
    await serve((request, response) => response.writeHead(307, { location: request.url ?? '/' }).end());
    expect((await httpFetch(`${base}/loop`, { redirect: 'manual' })).status).toBe(307);
    await expect(httpFetch(`${base}/loop`, { redirect: 'error' })).rejects.toThrow('redirected to /loop');
    await expect(httpFetch(`${base}/loop`)).rejects.toThrow('more than 5 redirects');
  });

  it('fails when the connection drops without an answer', async () => {
    await serve((request) => request.socket.destroy());
    await expect(httpFetch(base)).rejects.toThrow();
  });

  it('fails when the connection breaks in the middle of an answer, rather than give half of it', async () => {
    await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '40' });
      response.write('{"body":"- [x] half of a chec');
      setTimeout(() => request.socket.destroy(), 10);
    });
    await expect(httpFetch(base)).rejects.toThrow();
  });

  it('fails when the server says nothing for too long', async () => {
    await serve(() => undefined);
    await expect(createHttpFetch(100)(`${base}/slow`)).rejects.toThrow(
      /no answer from 127\.0\.0\.1:\d+ for 0\.1 s/,
    );
  });

  it('stops on abort', async () => {
    await serve(() => undefined);
    const controller = new AbortController();
    const pending = httpFetch(base, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(httpFetch(base, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('the GitHub client on httpFetch', () => {
  const client = () => createClient({ token: 't0ken', baseUrl: base, retryBaseMs: 1, warn: () => undefined });

  it('reads JSON with the token, and retries a dropped connection', async () => {
    let calls = 0;
    await serve((request, response) => {
      calls++;
      if (calls === 1) return void request.socket.destroy();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"number":2}');
    });
    const { data } = await client().request('GET /repos/{owner}/{repo}/pulls/{number}', {
      owner: 'o',
      repo: 'r',
      number: 2,
    });
    expect(data).toEqual({ number: 2 });
    expect(calls).toBe(2);
    expect(seen[1]?.headers.authorization).toBe('token t0ken');
    expect(seen[1]?.headers['user-agent']).toMatch(/^checklist-gate/);
  });

  it('retries an answer cut short, and never reads it as an empty one', async () => {
    let calls = 0;
    await serve((request, response) => {
      calls++;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '13' });
      if (calls === 1) {
        response.write('{"numb');
        return void setTimeout(() => request.socket.destroy(), 10);
      }
      response.end('{"number":2} ');
    });
    const { data } = await client().request('GET /repos/o/r/pulls/2');
    expect(data).toEqual({ number: 2 });
    expect(calls).toBe(2);
  });

  it('fails with the server message after its retries, and does not retry a 404', async () => {
    await serve((request, response) => {
      const status = request.url?.includes('missing') ? 404 : 503;
      response.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"nope"}');
    });
    await expect(client().request('GET /down')).rejects.toMatchObject({ status: 503, message: 'nope' });
    expect(seen).toHaveLength(4);
    await expect(client().request('GET /missing')).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(5);
  });
});

describe('a command-line client built with @octokit/rest and the same options', () => {
  // What a CLI would build: it must be a GitHubClient and behave as the action's client does.
  const restClient = (): GitHubClient =>
    new (Octokit.plugin(...CLIENT_PLUGINS))({
      auth: 't0ken',
      baseUrl: base,
      ...clientOptions({ retryBaseMs: 1, warn: () => undefined }),
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });

  it('retries a 503 three times and a cut answer once, as the action does', async () => {
    let calls = 0;
    await serve((request, response) => {
      calls++;
      if (request.url?.includes('down')) {
        return void response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"nope"}');
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '13' });
      if (calls === 1) {
        response.write('{"numb');
        return void setTimeout(() => request.socket.destroy(), 10);
      }
      response.end('{"number":2} ');
    });
    const { data } = await restClient().request('GET /repos/o/r/pulls/2');
    expect(data).toEqual({ number: 2 });
    expect(seen[1]?.headers.authorization).toBe('token t0ken');
    expect(seen[1]?.headers['user-agent']).toMatch(/^checklist-gate/);
    seen.length = 0;
    await expect(restClient().request('GET /down')).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(4);
  });
});

describe('the proxy an HTTPS request takes', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
  });

  it('is the one HTTPS_PROXY names, except for hosts NO_PROXY lists and loopback', () => {
    for (const name of ['https_proxy', 'http_proxy', 'no_proxy', 'HTTP_PROXY']) delete process.env[name];
    process.env['HTTPS_PROXY'] = 'http://127.0.0.1:3128';
    process.env['NO_PROXY'] = 'internal.acme.dev,.corp.example';
    const agent = proxyAgentFor(new URL('https://api.github.com/repos/o/r'));
    expect(agent).toBeDefined();
    expect((agent as unknown as { proxyOptions: { host: string; port: string } }).proxyOptions).toMatchObject(
      {
        host: '127.0.0.1',
        port: '3128',
      },
    );
    expect(proxyAgentFor(new URL('https://api.github.com/graphql'))).toBe(agent);
    expect(proxyAgentFor(new URL('https://internal.acme.dev/api/v3'))).toBeUndefined();
    expect(proxyAgentFor(new URL('https://ghe.corp.example/api/v3'))).toBeUndefined();
    expect(proxyAgentFor(new URL('https://127.0.0.1:8443/'))).toBeUndefined();
    // HTTPS_PROXY is for https URLs only.
    expect(proxyAgentFor(new URL('http://api.github.com/'))).toBeUndefined();
  });

  it('is none when no proxy variable is set', () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete process.env[name];
    expect(proxyAgentFor(new URL('https://api.github.com/'))).toBeUndefined();
  });
});
