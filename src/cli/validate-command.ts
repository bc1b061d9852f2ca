import { ruleName } from '../evaluate/advice.js';
import { unguardedSignoffs } from '../evaluate/unguarded-signoffs.js';
import type { CliIO } from './cli-io.js';
import { policyFromArgs } from './policy-file.js';

/** `checklist-gate validate`: exit 0 for a valid policy, 2 with every error and its line:column otherwise. */
export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const read = await policyFromArgs(args, io);
  if (read === null) return 2;
  const { items, sections, bases } = read.policy;
  const chain = bases ? `; extends ${bases.join(' → ')}, which it does not weaken` : '';
  // Not an error: a team may mean anyone to tick it. But it should be a choice, not an oversight.
  for (const rule of unguardedSignoffs(read.policy))
    io.err(
      `${read.path}${rule.line !== null ? `:${rule.line}` : ''}: warning: ${ruleName(rule)} reads like a sign-off, but names no approvers: anyone can tick it, the pull request's author too. Add approvers: [login, org/team].\n`,
    );
  io.out(
    `${read.path}: valid (${items.length} item rule${items.length === 1 ? '' : 's'}, ${sections.length} section rule${sections.length === 1 ? '' : 's'}${chain})\n`,
  );
  return 0;
}
