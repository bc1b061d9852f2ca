/** `checklist-gate validate`: a policy file checked, its bases read, every problem with its line and column. */
import type { Command } from 'commander';
import { policyWarnings } from '../policy/policy-warnings.js';
import { addPolicyOptions, policyFromOptions } from './policy-file.js';
import type { CommandContext } from './program.js';

interface ValidateOptions {
  policy: string;
  basePolicy?: string[];
  apiUrl?: string;
  strict: boolean;
}

/** `checklist-gate validate`: exit 0 for a valid policy, 2 with every error and its line:column, 1 for warnings under --strict. */
export function registerValidate(program: Command, context: CommandContext): void {
  const command = program
    .command('validate')
    .description(
      'Check a policy file against the schema, and the bases it extends against their locks; warn about a policy that gates nothing and sign-off items that name no approvers.',
    )
    .option('--strict', 'fail (exit 1) on any warning', false)
    .addHelpText(
      'after',
      '\nExit status: 0 valid, 1 warnings under --strict, 2 invalid (each error with file:line:column on stderr).\n',
    );
  addPolicyOptions(command).action(async (values: ValidateOptions) =>
    context.finish(await validate(values, context)),
  );
}

async function validate(values: ValidateOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const read = await policyFromOptions(values, context);
  if (read === null) return 2;
  const { items, sections, bases } = read.policy;
  const warnings = policyWarnings(read.policy);
  for (const warning of warnings)
    io.err(`${read.path}${warning.line !== null ? `:${warning.line}` : ''}: warning: ${warning.message}\n`);
  const chain = bases ? `; extends ${bases.join(' → ')}, which it does not weaken` : '';
  const counts = `${items.length} item rule${items.length === 1 ? '' : 's'}, ${sections.length} section rule${sections.length === 1 ? '' : 's'}${chain}`;
  if (values.strict && warnings.length > 0) {
    io.out(
      `${read.path}: valid (${counts}), but --strict fails on ${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`,
    );
    return 1;
  }
  io.out(`${read.path}: valid (${counts})\n`);
  return 0;
}
