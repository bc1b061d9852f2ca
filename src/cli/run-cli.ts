/** The CLI run: its commands registered, the arguments parsed, the exit status returned. */
import { CommanderError, type Command } from 'commander';
import { registerAudit } from './audit-command.js';
import { registerCheck } from './check-command.js';
import type { CliIO } from './cli-io.js';
import { registerInit } from './init-command.js';
import { buildProgram, type RegisterCommand } from './program.js';
import { registerServe } from './serve-command.js';
import { registerTemplate } from './template-command.js';
import { UsageError } from './usage-error.js';
import { registerValidate } from './validate-command.js';

/** The commands, in the order the help lists them. A new command adds its register function here. */
export const COMMANDS: RegisterCommand[] = [
  registerCheck,
  registerValidate,
  registerTemplate,
  registerInit,
  registerAudit,
  registerServe,
];

/** Runs one CLI command and returns its exit status: 0 pass, 1 fail, 2 usage, policy or API error. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let status = 0;
  const program = buildProgram(io, COMMANDS, (code) => (status = code));
  const [first, second] = argv;
  // `help chek` is the mistyped command itself: commander then says so and suggests the right one.
  const args = first === 'help' && second !== undefined && !commandNamed(program, second) ? [second] : argv;
  try {
    await program.parseAsync(args, { from: 'user' });
    return status;
  } catch (error) {
    return failure(error, program, commandNamed(program, args[0]), io);
  }
}

function commandNamed(program: Command, name: string | undefined): Command | null {
  if (name === undefined) return null;
  return (
    program.commands.find((command) => command.name() === name || command.aliases().includes(name)) ?? null
  );
}

/** Every way a run ends early, as one line (and the command's short usage for a usage error), exit 2. */
function failure(error: unknown, program: Command, command: Command | null, io: CliIO): number {
  const prefix = command ? `checklist-gate ${command.name()}` : 'checklist-gate';
  if (error instanceof CommanderError) {
    // --help and --version end here with 0; no command at all has printed the help on stderr.
    if (error.exitCode === 0) return 0;
    if (error.code === 'commander.help') return 2;
    io.err(`${prefix}: ${oneLine(error.message)}\n${shortUsage(command ?? program)}`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.err(`${prefix}: ${error.message}\n${shortUsage(command ?? program)}`);
    return 2;
  }
  // No stack trace: the message is what a person can act on.
  io.err(`${prefix}: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
  return 2;
}

/** commander's "error: unknown option '--boddy'\n(Did you mean --body?)" as one line. */
function oneLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** "Usage: checklist-gate check [options] [file]", and where the rest is. */
export function shortUsage(command: Command): string {
  const parent = command.parent ? `${command.parent.name()} ` : '';
  const name = `${parent}${command.name()}`;
  return `Usage: ${name} ${command.usage()} (${name} --help lists every option)\n`;
}
