// A policy from its YAML text, for the unit tests of the evaluator and the renderers.
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/policy.js';

/** The policy a YAML text describes; throws with the loader's errors when it is not valid. */
export function policyOf(yaml: string): Policy {
  const loaded = loadPolicy(yaml, 'p.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.policy;
}
