import { parseArgs } from 'node:util';
import { renderTemplate } from '../template/render-template.js';
import type { CliIO } from './cli-io.js';
import {
  BASE_ARGS,
  baseOptions,
  DEFAULT_POLICY_PATH,
  formatPolicyErrors,
  readPolicy,
} from './policy-file.js';

/** `checklist-gate template`: prints the pull-request template a policy implies. */
export async function templateCommand(args: string[], io: CliIO): Promise<number> {
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
  io.out(renderTemplate(loaded.policy));
  return 0;
}
