import { auditCommand } from './audit-command.js';
import { checkCommand } from './check-command.js';
import type { CliIO } from './cli-io.js';
import { initCommand } from './init-command.js';
import { templateCommand } from './template-command.js';
import { commandUsage, USAGE, UsageError } from './usage.js';
import { validateCommand } from './validate-command.js';

const COMMANDS: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  check: checkCommand,
  validate: validateCommand,
  template: templateCommand,
  audit: auditCommand,
  init: (args, io) => {
    if (!io.files) throw new Error('init has no access to files here');
    return initCommand(args, io, io.files);
  },
};

/** Runs one CLI command and returns its exit status. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v') {
    io.out(`${io.version ?? 'unknown'}\n`);
    return 0;
  }
  if (name === 'help' && args[0] !== undefined) {
    if (!COMMANDS[args[0]]) {
      io.err(`checklist-gate help: unknown command "${args[0]}"\n\n${USAGE}`);
      return 2;
    }
    io.out(commandUsage(args[0]));
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`checklist-gate: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandUsage(name));
    return 0;
  }
  try {
    return await command(args, io);
  } catch (error) {
    // The one wrong thing first, then the usage of that command only.
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`checklist-gate ${name}: ${(error as Error).message}\n\n${commandUsage(name)}`);
      return 2;
    }
    // No stack trace: the message is what a person can act on.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`checklist-gate ${name}: ${message}\n`);
    return 2;
  }
}
