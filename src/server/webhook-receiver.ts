/** Webhook deliveries taken in: signature, redelivery and event, each evaluated behind its pull request's others. */
import type { Repository } from '../github/repository.js';
import { deliveryWork, type DeliveryWork } from './delivery-targets.js';
import type { GateApp } from './gate-app.js';
import { KeyQueue } from './key-queue.js';
import { RecentDeliveries } from './recent-deliveries.js';
import type { ServerLog } from './server-log.js';

const MAX_EVALUATIONS = 16;

/** A delivery as it arrives: its headers and its raw body, not yet trusted. */
export interface Delivery {
  event: string | undefined;
  id: string | undefined;
  signature: string | undefined;
  body: string;
}

/** What to answer GitHub, and the evaluation that goes on after the answer. */
export interface Receipt {
  status: number;
  message: string;
  /** Settles when the evaluation is done (never rejects); null when there is none. */
  work: Promise<void> | null;
}

/**
 * Takes deliveries: the signature first (nothing is parsed, read or written for one that fails),
 * then the delivery id (a redelivery costs nothing), then the event, evaluated behind any other
 * event of the same pull request.
 */
export class WebhookReceiver {
  private readonly recent = new RecentDeliveries();
  /** Evaluations at once: enough to keep the request limit busy, few enough to keep memory flat. */
  readonly queue = new KeyQueue(MAX_EVALUATIONS);

  constructor(
    private readonly app: GateApp,
    private readonly log: ServerLog,
  ) {}

  async receive(delivery: Delivery): Promise<Receipt> {
    const { event, id, signature } = delivery;
    if (!signature) return done(401, 'no X-Hub-Signature-256');
    if (!(await this.app.verify(delivery.body, signature))) {
      this.log.warning(`refused a delivery whose signature does not verify (event ${safe(event)})`);
      return done(401, 'signature does not verify');
    }
    if (!event || !id) return done(400, 'no X-GitHub-Event or X-GitHub-Delivery');
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(delivery.body) as Record<string, unknown>;
    } catch {
      return done(400, 'the body is not JSON');
    }
    const work = deliveryWork(event, payload);
    if (work.kind === 'ignored') return done(202, `ignored: ${work.why}`);
    if (!this.recent.add(id)) return done(202, `delivery ${safe(id)} already received`);
    return { status: 202, message: 'accepted', work: this.evaluate(id, event, payload, work) };
  }

  /** Queues the sweep of one repository behind its events, logging how it ended. */
  async sweep(installationId: number, repository: Repository, reason: string): Promise<void> {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    try {
      const line = await this.sweepJob(installationId, repository, reason);
      this.log.info(`sweep ${key} (${reason}): ${line}`);
    } catch (error) {
      this.log.error(`sweep ${key} (${reason}) failed: ${(error as Error).message}`);
    }
  }

  /** A sweep waits behind the repository's events; a second sweep waiting is the same sweep. */
  private sweepJob(installationId: number, repository: Repository, reason: string): Promise<string> {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    return this.queue.runLatest(key, `${key} sweep`, () =>
      this.app.sweep(installationId, repository, reason),
    );
  }

  private async evaluate(
    id: string,
    event: string,
    payload: Record<string, unknown>,
    work: Exclude<DeliveryWork, { kind: 'ignored' }>,
  ): Promise<void> {
    const started = Date.now();
    const jobs =
      work.kind === 'event'
        ? [
            // A merge (closed) is never replaced by, nor replaces, an event of the open pull request.
            this.queue.runLatest(work.key, `${work.key} ${event} ${payload['action'] === 'closed'}`, () =>
              this.app.evaluateEvent(work.installationId, work.repository, event, payload),
            ),
          ]
        : work.repositories.map((repository) => this.sweepJob(work.installationId, repository, work.reason));
    const results = await Promise.allSettled(jobs);
    const failed = results.filter((result) => result.status === 'rejected');
    const where = work.kind === 'event' ? work.key : `${work.repositories.length} repositories`;
    if (failed.length === 0) {
      const lines = results.map((result) => (result as PromiseFulfilledResult<string>).value).join('; ');
      this.log.info(`delivery ${safe(id)} ${event} ${where} in ${Date.now() - started} ms: ${lines}`);
      return;
    }
    // GitHub's redelivery of this id is evaluated again, not taken for a duplicate.
    this.recent.forget(id);
    const reasons = failed.map((result) =>
      String(((result as PromiseRejectedResult).reason as Error | undefined)?.message),
    );
    this.log.error(`delivery ${safe(id)} ${event} ${where} failed: ${reasons.join('; ')}`);
  }
}

function done(status: number, message: string): Receipt {
  return { status, message, work: null };
}

/** A header echoed into the log: short, and only the characters ids and event names use. */
function safe(text: string | undefined): string {
  return String(text ?? '')
    .replace(/[^\w.-]/g, '?')
    .slice(0, 64);
}
