import { renderTemplate } from '../template/render-template.js';
import type { CliIO } from './cli-io.js';
import { policyFromArgs } from './policy-file.js';

/** `checklist-gate template`: prints the pull-request template a policy implies. */
export async function templateCommand(args: string[], io: CliIO): Promise<number> {
  const read = await policyFromArgs(args, io);
  if (read === null) return 2;
  io.out(renderTemplate(read.policy));
  return 0;
}
