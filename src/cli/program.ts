/** The CLI's commander program and what each command is given. */
import { Command, Option } from 'commander';
import type { CliIO } from './cli-io.js';

/** What a command's action needs besides its options: the outside world, and where its exit status goes. */
export interface CommandContext {
  io: CliIO;
  /** Records the command's exit status: 0 pass, 1 fail, 2 usage, policy or API error. */
  finish(status: number): void;
}

/** Adds one command, its options and its action to the program. One per file under src/cli/. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/** Width of the generated help when the terminal's is unknown (a pipe, a test). */
const HELP_WIDTH = 100;

/**
 * The program with its commands: help, suggestions and errors from commander, written through
 * `io`, never exiting the process (runCli turns every outcome into an exit status).
 */
export function buildProgram(
  io: CliIO,
  commands: RegisterCommand[],
  finish: (status: number) => void,
): Command {
  const width = () => io.columns ?? HELP_WIDTH;
  const program = new Command('checklist-gate')
    .description(
      'A release gate for GitHub: checks the task-list checklist of a pull request or release against a policy.',
    )
    .usage('<command> [options]')
    .version(io.version ?? 'unknown', '-v, --version', 'print the version of checklist-gate')
    .helpOption('-h, --help', 'print the help')
    .helpCommand('help [command]', "print a command's help")
    .showSuggestionAfterError(true)
    // Set before the commands are added, so that each inherits them.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      getOutHelpWidth: width,
      getErrHelpWidth: width,
      // runCli writes the error itself, on one line with the command's short usage.
      outputError: () => undefined,
    });
  for (const register of commands) register(program, { io, finish });
  program.addHelpText(
    'after',
    '\nExit status: 0 pass (or valid), 1 fail, 2 usage, policy or API error.\n' +
      'Every command and option: docs/cli.md\n',
  );
  return program;
}

/** Collects a repeatable option's values, in the order given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The options of every command that reads a policy, for the bases it extends. */
export function addBaseOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--base-policy <file>',
        'stands in for the base the policy extends, offline (repeat for each level of a chain, nearest first)',
      ).argParser(collect),
    )
    .option(
      '--api-url <url>',
      'the GitHub API for reading bases; default $GITHUB_API_URL or https://api.github.com. A token in $GITHUB_TOKEN or $GH_TOKEN reads them when no --base-policy is given',
    );
}
