/** The App server's HTTP listener: one webhook path, bodies capped, answered before the evaluation runs. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WebhookReceiver } from './webhook-receiver.js';

export const WEBHOOK_PATH = '/api/github/webhooks';
/** GitHub caps a delivery's payload at 25 MB; anything larger is not GitHub's. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * The server's HTTP face: POST /api/github/webhooks and GET /healthz, nothing else. A delivery is
 * answered as soon as it is verified and queued (202), well within GitHub's 10 seconds; the
 * evaluation goes on after the answer.
 */
export function createHttpServer(receiver: WebhookReceiver, onWork: (work: Promise<void>) => void): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD'))
      return answer(response, 200, 'ok');
    if (path !== WEBHOOK_PATH) return refuse(request, response, 404, 'not found');
    if (request.method !== 'POST') return refuse(request, response, 405, 'only POST');
    void deliver(receiver, request, response, onWork);
  });
}

async function deliver(
  receiver: WebhookReceiver,
  request: IncomingMessage,
  response: ServerResponse,
  onWork: (work: Promise<void>) => void,
): Promise<void> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // Refused before a byte of the body is read: no signature, or a length over GitHub's limit.
  if (!header('x-hub-signature-256')) return refuse(request, response, 401, 'no X-Hub-Signature-256');
  if (Number(header('content-length') ?? 0) > MAX_BODY_BYTES)
    return refuse(request, response, 413, 'over 25 MB');
  try {
    const body = await readBounded(request);
    if (body === null) return refuse(request, response, 413, 'over 25 MB');
    const receipt = await receiver.receive({
      event: header('x-github-event'),
      id: header('x-github-delivery'),
      signature: header('x-hub-signature-256'),
      body,
    });
    answer(response, receipt.status, receipt.message);
    if (receipt.work) onWork(receipt.work);
  } catch {
    answer(response, 500, 'could not take the delivery');
  }
}

/** The body as text, or null once it passes the limit (then the rest is not read). */
function readBounded(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        request.removeAllListeners('data');
        request.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
}

/** Answers without reading the body, and closes the connection rather than drain what is left. */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  response.setHeader('connection', 'close');
  answer(response, status, message);
  response.on('finish', () => request.destroy());
}
