/** The lock on `emergency`: what a file laid over a base may do with its rule. */
import type { RawEmergency } from './load-policy.js';
import { POLICY_DEFAULTS as DEFAULTS } from './defaults.js';

/** One reason a local emergency rule would loosen the base's, and the key it is about. */
export interface EmergencyProblem {
  /** Under `emergency` in the local file: [] for the rule itself, or the key at fault. */
  key: [] | ['label'] | ['approvers'] | ['follow-up'];
  message: string;
}

/**
 * A local emergency rule laid over the base's. A base may forbid emergency releases (never) or
 * define the rule; a local file may then forbid them too, or restate the rule with the same label,
 * only some of the base's approvers, and a follow-up issue where the base asks for one. Over a base
 * that says nothing, the local rule is the local file's own.
 */
export function layerEmergency(
  base: RawEmergency | undefined,
  local: RawEmergency | undefined,
): { value: RawEmergency | undefined; problems: EmergencyProblem[] } {
  if (local === undefined || base === undefined || local === 'never')
    return { value: local ?? base, problems: [] };
  if (base === 'never')
    return {
      value: base,
      problems: [
        {
          key: [],
          message:
            'emergency: the base policy forbids emergency releases (emergency: never); a policy that extends it may not define one',
        },
      ],
    };
  const problems: EmergencyProblem[] = [];
  if (local.label.toLowerCase() !== base.label.toLowerCase())
    problems.push({
      key: ['label'],
      message: `emergency.label must stay "${base.label}" as the base policy writes it`,
    });
  const allowed = base.approvers.map((name) => name.toLowerCase());
  const wider = local.approvers.filter((name) => !allowed.includes(name.toLowerCase()));
  if (wider.length > 0)
    problems.push({
      key: ['approvers'],
      message: `emergency.approvers ${wider.join(', ')} would widen who may approve an emergency release; list only some of the base policy's (${base.approvers.join(', ')})`,
    });
  if ((base['follow-up'] ?? DEFAULTS['emergency.follow-up']) === 'issue' && local['follow-up'] === 'none')
    problems.push({
      key: ['follow-up'],
      message: 'emergency.follow-up: none drops the follow-up issue the base policy asks for',
    });
  if (problems.length > 0) return { value: base, problems };
  const followUp = base['follow-up'] === 'issue' ? 'issue' : local['follow-up'];
  return {
    value: { ...local, label: base.label, ...(followUp !== undefined && { 'follow-up': followUp }) },
    problems,
  };
}
