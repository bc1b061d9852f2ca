// One CLI command run in memory, for the CLI's unit tests: what it reads is the test's, what it prints is kept.
import type { CliIO } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** A command's exit status and what it wrote to standard output and standard error. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `argv` with `io` standing in for the world, standard output and error captured. */
export async function runCliCaptured(argv: string[], io: Omit<CliIO, 'out' | 'err'>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...io, out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join('') };
}
