/** `checklist-gate serve`, which runs the App server from its own bundle. */
import type { Command } from 'commander';
import type { CommandContext } from './program.js';

/**
 * `checklist-gate serve`: the GitHub App server. It lives in its own bundle (dist/server/), which
 * the CLI loads only for this command (io.serve), so the CLI neither carries nor imports it.
 */
export function registerServe(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description(
      'Run the GitHub App server that gates every repository the App is installed on (docs/server.md).',
    )
    .option('--check-config', 'validate the configuration and the organisation policies, then exit')
    .action(async (values: { checkConfig?: boolean }) => {
      if (!context.io.serve) {
        context.io.err('checklist-gate serve: the server bundle is not available here\n');
        return context.finish(2);
      }
      context.finish(await context.io.serve(values.checkConfig ? ['--check-config'] : []));
    });
}
