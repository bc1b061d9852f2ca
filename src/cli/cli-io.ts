/** The CLI's outside world, passed in so that tests pass their own. */
import type { InitFiles } from './init-files.js';

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIO {
  /** The ready checklists and the repository's files, for `init`. */
  files?: InitFiles;
  /** The environment: GITHUB_TOKEN, GH_TOKEN and GITHUB_API_URL, for reading base policies. */
  env?: Record<string, string | undefined>;
  /** This package's version, for --version. */
  version?: string;
  /** The terminal's width, for the help; unknown (a pipe) gives 100. */
  columns?: number;
  /** Reads a file, or standard input for "-". */
  readText(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  /** Standard error when it is a terminal: long commands draw their progress there; absent, they stay quiet. */
  progress?: NodeJS.WriteStream;
  /** Runs the App server (`serve`), loaded from its own bundle; returns the exit status. */
  serve?: (args: string[]) => Promise<number>;
}
