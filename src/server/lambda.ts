/** The serverless handler: an API gateway's event as a webhook delivery. */
import { readFileSync } from 'node:fs';
import { readServerConfig } from './config.js';
import { createGateApp } from './gate-app.js';
import { MAX_BODY_BYTES, WEBHOOK_PATH } from './http-server.js';
import { createServerLog } from './server-log.js';
import { WebhookReceiver } from './webhook-receiver.js';

/** The part of an API-gateway event (REST or HTTP API, a function URL) the handler reads. */
export interface GatewayEvent {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  rawPath?: string;
  path?: string;
}

export interface GatewayResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let receiver: WebhookReceiver | null = null;

/** Made once per warm instance, from the same variables as `serve`; a configuration error fails every call. */
function receiverOf(): WebhookReceiver {
  if (receiver === null) {
    const config = readServerConfig(process.env, (path) => readFileSync(path, 'utf8'));
    const sink = {
      out: (line: string) => process.stdout.write(line),
      err: (line: string) => process.stderr.write(line),
    };
    const log = createServerLog(sink, [config.privateKey, config.webhookSecret]);
    receiver = new WebhookReceiver(createGateApp(config, log), log);
  }
  return receiver;
}

/**
 * A serverless function over the same receiver as `serve`: the signature verified before the
 * body is parsed, the same events and flows. A function is frozen once it answers, so the
 * evaluation is awaited before the answer; see docs/server.md for what that costs (GitHub's
 * 10-second limit), and for what a function does not have (the periodic sweep, one queue
 * per pull request across instances).
 */
export async function handler(event: GatewayEvent): Promise<GatewayResult> {
  const path = event.rawPath ?? event.path ?? WEBHOOK_PATH;
  if (path.endsWith('/healthz')) return result(200, 'ok');
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const raw = event.body ?? '';
  if (raw.length > (event.isBase64Encoded ? (MAX_BODY_BYTES * 4) / 3 + 4 : MAX_BODY_BYTES))
    return result(413, 'over 25 MB');
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const receipt = await receiverOf().receive({
    event: headers['x-github-event'],
    id: headers['x-github-delivery'],
    signature: headers['x-hub-signature-256'],
    body,
  });
  if (receipt.work) await receipt.work;
  return result(receipt.status === 202 ? 200 : receipt.status, receipt.message);
}

function result(statusCode: number, body: string): GatewayResult {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${body}\n` };
}
