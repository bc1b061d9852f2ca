/** The CLI's help text, captured. */
import type { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { buildProgram } from './program.js';
import { COMMANDS } from './run-cli.js';

/** The help as the program prints it, captured: for the tests and for docs that quote it. */
function helpOf(show: (program: Command) => void): string {
  let text = '';
  const io: CliIO = {
    readText: () => Promise.reject(new Error('no files here')),
    out: (part) => (text += part),
    err: (part) => (text += part),
  };
  show(buildProgram(io, COMMANDS, () => undefined));
  return text;
}

/** `checklist-gate --help`. */
export function programUsage(): string {
  return helpOf((program) => program.outputHelp());
}

/** `checklist-gate help <command>`. */
export function commandUsage(name: string): string {
  return helpOf((program) => {
    const command = program.commands.find((candidate) => candidate.name() === name);
    if (!command) throw new Error(`no command ${name}`);
    command.outputHelp();
  });
}
