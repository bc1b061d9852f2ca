import { parseArgs } from 'node:util';
import type { CliIO } from './cli-io.js';
import { BASE_ARGS, baseOptions, formatPolicyErrors, readPolicy } from './policy-file.js';
import { UsageError } from './usage.js';

/** `checklist-gate validate`: exit 0 for a valid policy, 2 with every error and its line:column otherwise. */
export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { policy: { type: 'string' }, ...BASE_ARGS } });
  if (values.policy === undefined) throw new UsageError('validate needs --policy <file>');
  const loaded = await readPolicy(io, values.policy, baseOptions(values));
  if (!loaded.ok) {
    io.err(formatPolicyErrors(loaded.errors));
    return 2;
  }
  const { items, sections, bases } = loaded.policy;
  const chain = bases ? `; extends ${bases.join(' → ')}, which it does not weaken` : '';
  io.out(
    `${values.policy}: valid (${items.length} item rule${items.length === 1 ? '' : 's'}, ${sections.length} section rule${sections.length === 1 ? '' : 's'}${chain})\n`,
  );
  return 0;
}
