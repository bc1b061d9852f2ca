import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { checkConfig } from './check-config.js';
import { ConfigError, readServerConfig } from './config.js';
import { createGateApp } from './gate-app.js';
import { createHttpServer } from './http-server.js';
import { startPeriodicSweep } from './periodic-sweep.js';
import { createServerLog, type LogSink } from './server-log.js';
import { WebhookReceiver } from './webhook-receiver.js';

/** What `checklist-gate serve` is given: its arguments after `serve`, the environment, where to write. */
export interface ServeIO extends LogSink {
  env: Record<string, string | undefined>;
  /** Settles when the process is asked to stop (SIGTERM, SIGINT). */
  stopSignal: Promise<void>;
}

const USAGE =
  'Usage: checklist-gate serve [--check-config]\n' +
  '  Runs the GitHub App server; configured by APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,\n' +
  '  PORT, GITHUB_API_URL, SWEEP_INTERVAL, ORG_POLICY, CHECK_NAME (docs/server.md).\n' +
  '  --check-config  validates them and the organisation policies the App can read, then exits (0 valid, 2 not)\n';

/**
 * `checklist-gate serve`: the App server until it is told to stop; returns the exit status (0
 * after a clean stop, 2 for a configuration error).
 */
export async function serve(args: string[], io: ServeIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => arg !== '--check-config');
  if (unknown.length > 0) {
    io.err(`checklist-gate serve: unknown argument "${unknown[0]}"\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = readServerConfig(io.env, (path) => readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`checklist-gate serve: ${error.message}\n`);
    return 2;
  }
  const log = createServerLog(io, [config.privateKey, config.webhookSecret]);
  const retryBaseMs = Number(io.env['CHECKLIST_GATE_RETRY_BASE_MS'] ?? 1000);
  const app = createGateApp(config, log, { retryBaseMs });
  if (args.includes('--check-config')) {
    const { ok, lines } = await checkConfig(config, app);
    for (const line of lines) (line.startsWith('error:') ? io.err : io.out)(`${line}\n`);
    return ok ? 0 : 2;
  }
  const receiver = new WebhookReceiver(app, log);
  const running = new Set<Promise<void>>();
  const server = createHttpServer(receiver, (work) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const sweeps = startPeriodicSweep(
    {
      installations: () => app.installations(),
      sweep: (installationId, repository) => receiver.sweep(installationId, repository, 'the periodic sweep'),
    },
    // Tests set the interval in milliseconds: SWEEP_INTERVAL counts whole minutes.
    Number(io.env['CHECKLIST_GATE_SWEEP_INTERVAL_MS'] ?? config.sweepIntervalMinutes * 60_000),
    log,
  );
  log.info(`listening on port ${(server.address() as AddressInfo).port}`);
  await io.stopSignal;
  // Stop taking deliveries, then let the evaluations in hand finish; GitHub retries nothing lost.
  sweeps.stop();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
  await Promise.allSettled([...running]);
  log.info('stopped');
  return 0;
}
export { handler } from './lambda.js';
