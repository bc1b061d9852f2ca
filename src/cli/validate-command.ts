import { parseArgs } from 'node:util';
import { ruleName } from '../evaluate/advice.js';
import { unguardedSignoffs } from '../evaluate/unguarded-signoffs.js';
import type { CliIO } from './cli-io.js';
import {
  BASE_ARGS,
  baseOptions,
  DEFAULT_POLICY_PATH,
  formatPolicyErrors,
  readPolicy,
} from './policy-file.js';

/** `checklist-gate validate`: exit 0 for a valid policy, 2 with every error and its line:column otherwise. */
export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { policy: { type: 'string', default: DEFAULT_POLICY_PATH }, ...BASE_ARGS },
  });
  const loaded = await readPolicy(io, values.policy, baseOptions(values));
  if (!loaded.ok) {
    io.err(formatPolicyErrors(loaded.errors));
    return 2;
  }
  const { items, sections, bases } = loaded.policy;
  const chain = bases ? `; extends ${bases.join(' → ')}, which it does not weaken` : '';
  // Not an error: a team may mean anyone to tick it. But it should be a choice, not an oversight.
  for (const rule of unguardedSignoffs(loaded.policy))
    io.err(
      `${values.policy}${rule.line !== null ? `:${rule.line}` : ''}: warning: ${ruleName(rule)} reads like a sign-off, but names no approvers: anyone can tick it, the pull request's author too. Add approvers: [login, org/team].\n`,
    );
  io.out(
    `${values.policy}: valid (${items.length} item rule${items.length === 1 ? '' : 's'}, ${sections.length} section rule${sections.length === 1 ? '' : 's'}${chain})\n`,
  );
  return 0;
}
