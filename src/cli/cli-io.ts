/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIO {
  /** Reads a file, or standard input for "-". */
  readText(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}
