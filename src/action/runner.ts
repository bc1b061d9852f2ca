import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The GitHub Actions runner's protocol, as far as the action needs it: inputs from INPUT_*
 * variables, outputs and the job summary through the files the runner names, and annotations as
 * workflow commands on standard output. Written here rather than taken from @actions/core because
 * that package loads an HTTP client for OIDC tokens at start-up, which took about 100 ms of a run
 * that uses no tokens (see bench/RESULTS.md).
 */
export interface Runner {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  appendSummary(markdown: string): void;
}

export function environmentRunner(env: NodeJS.ProcessEnv, write: (text: string) => void): Runner {
  const command = (name: string, message: string) => write(`::${name}::${escapeData(message)}${EOL}`);
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput: (name, value) => {
      const file = env['GITHUB_OUTPUT'];
      if (!file) {
        write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
        return;
      }
      const delimiter = `ghadelimiter_${randomUUID()}`;
      appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
    },
    info: (message) => write(`${message}${EOL}`),
    warning: (message) => command('warning', message),
    error: (message) => command('error', message),
    appendSummary: (markdown) => {
      const file = env['GITHUB_STEP_SUMMARY'];
      if (file) appendFileSync(file, markdown, 'utf8');
    },
  };
}

/** Workflow command data: "%", CR and LF are escaped so a message stays one command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
