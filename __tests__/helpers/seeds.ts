import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The five real checklists live in `../shared/seeds/`, beside the repository on this project's own
 * machines only (a worktree elsewhere names the folder in CHECKLIST_GATE_SEEDS). Tests that read
 * them skip on any other clone, saying so once.
 */
export const SEEDS = process.env.CHECKLIST_GATE_SEEDS
  ? pathToFileURL(process.env.CHECKLIST_GATE_SEEDS.replace(/\/*$/, '/'))
  : new URL('../../../shared/seeds/', import.meta.url);

export const seedsPresent = existsSync(SEEDS);

/** `describe` when the seeds are there, otherwise one skipped test and one line saying why. */
export function describeWithSeeds(name: string, body: () => void): void {
  if (seedsPresent) {
    describe(name, body);
    return;
  }
  // The body is not run: it reads the seeds while jest collects the tests.
  describe(name, () => it.skip('needs the seed checklists in ../shared/seeds/', () => undefined));
  // Straight to stderr: jest prints no console output of a suite whose every test is skipped.
  process.stderr.write(
    `Skipped "${name}": ${SEEDS.pathname} is absent (the seed checklists come with this project's machines only).\n`,
  );
}
