/** The App's periodic sweep of every installed repository, in place of the action's `schedule`. */
import type { Repository } from '../github/repository.js';
import type { ServerLog } from './server-log.js';

export interface SweepSource {
  installations(): Promise<{ id: number; repositories: Repository[] }[]>;
  /** Queues the sweep of one repository (behind that repository's events). */
  sweep(installationId: number, repository: Repository): Promise<void>;
}

/**
 * Sweeps every repository of every installation once per interval, the first one interval after
 * start, each repository at its own moment spread evenly over the interval, so that one
 * installation's requests do not all fall in the same minute. Replaces the action's `schedule`.
 */
export function startPeriodicSweep(
  source: SweepSource,
  intervalMs: number,
  log: ServerLog,
): { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, job: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      job();
    }, ms);
    // A pending sweep keeps nothing alive: the server's socket does.
    timer.unref();
    timers.add(timer);
  };
  const round = async () => {
    later(intervalMs, () => void round());
    try {
      const installations = await source.installations();
      const repositories = installations.flatMap((installation) =>
        installation.repositories.map((repository) => ({ installation: installation.id, repository })),
      );
      log.info(
        `periodic sweep: ${repositories.length} repositories in ${installations.length} installations, over ${Math.round(intervalMs / 60_000)} min`,
      );
      const step = intervalMs / Math.max(1, repositories.length);
      repositories.forEach(({ installation, repository }, index) =>
        later(index * step, () => void source.sweep(installation, repository)),
      );
    } catch (error) {
      log.error(`periodic sweep: could not list the installations: ${(error as Error).message}`);
    }
  };
  if (intervalMs > 0) later(intervalMs, () => void round());
  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
