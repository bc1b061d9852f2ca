import { actionAccess } from '../github/base-policy.js';
import type { BaseReference } from '../policy/base-reference.js';
import { defaultPolicy } from '../policy/default-policy.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';

/** The policy from its file's text and the bases it extends; no file means the default policy. */
export async function toPolicyLoad(
  text: string | null,
  path: string,
  readBase: ReadBase,
  access: (base: BaseReference) => string = actionAccess,
): Promise<PolicyLoad> {
  if (text === null) return { ok: true, policy: defaultPolicy() };
  return resolvePolicy(text, path, { readBase, access });
}
