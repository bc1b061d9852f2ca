/** `checklist-gate template`. */
import type { Command } from 'commander';
import { renderTemplate } from '../template/render-template.js';
import { addPolicyOptions, policyFromOptions } from './policy-file.js';
import type { CommandContext } from './program.js';

/** `checklist-gate template`: prints the pull-request template a policy implies. */
export function registerTemplate(program: Command, context: CommandContext): void {
  addPolicyOptions(
    program.command('template').description('Print the pull-request template a policy implies.'),
  ).action(async (values: { policy: string; basePolicy?: string[]; apiUrl?: string }) => {
    const read = await policyFromOptions(values, context);
    if (read !== null) context.io.out(renderTemplate(read.policy));
    context.finish(read === null ? 2 : 0);
  });
}
