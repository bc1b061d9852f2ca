import type { InitFiles } from './init-command.js';

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIO {
  /** The ready checklists and the repository's files, for `init`. */
  files?: InitFiles;
  /** Reads a file, or standard input for "-". */
  readText(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}
