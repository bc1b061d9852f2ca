/** A policy from its text: its bases and the organisation's policy read, laid in order, loaded. */
import { actionAccess } from '../github/base-policy.js';
import { defaultPolicy } from '../policy/default-policy.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import type { ReadSettings } from './read-settings.js';

/** Where a policy is read from, and how its bases and the organisation's policy are read. */
export type PolicyLoadSettings = Pick<ReadSettings, 'policyPath' | 'readBase' | 'baseAccess' | 'orgPolicy'>;

/**
 * The policy from its file's text, the bases it extends and the organisation policy under it. No
 * file means the organisation policy alone, or, without one, the default policy.
 */
export async function toPolicyLoad(text: string | null, settings: PolicyLoadSettings): Promise<PolicyLoad> {
  const options = {
    readBase: settings.readBase,
    access: settings.baseAccess ?? actionAccess,
    orgPolicy: settings.orgPolicy ?? null,
  };
  if (options.orgPolicy !== null)
    return resolvePolicy(text, settings.policyPath, { ...options, orgPolicy: options.orgPolicy });
  if (text === null) return { ok: true, policy: defaultPolicy() };
  return resolvePolicy(text, settings.policyPath, options);
}
