import { parseArgs } from 'node:util';
import type { CliIO } from './cli-io.js';
import { formatPolicyErrors, readPolicy } from './policy-file.js';
import { UsageError } from './usage.js';

/** `checklist-gate validate`: exit 0 for a valid policy, 2 with every error and its line:column otherwise. */
export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { policy: { type: 'string' } } });
  if (values.policy === undefined) throw new UsageError('validate needs --policy <file>');
  const loaded = await readPolicy(io, values.policy);
  if (!loaded.ok) {
    io.err(formatPolicyErrors(loaded.errors));
    return 2;
  }
  const { items, sections } = loaded.policy;
  io.out(
    `${values.policy}: valid (${items.length} item rule${items.length === 1 ? '' : 's'}, ${sections.length} section rule${sections.length === 1 ? '' : 's'})\n`,
  );
  return 0;
}
