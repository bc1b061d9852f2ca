/**
 * The value each policy key takes when a file leaves it out: one table, keyed by the key's path as
 * docs/policy.md writes it. The schema's `default` keywords say the same (a test holds them equal).
 */
export const POLICY_DEFAULTS = {
  'gate.releases': true,
  'checklist.required': true,
  unlisted: 'required',
  'verification.max-links': 20,
  'not-applicable': 'never',
  'emergency.follow-up': 'none',
  'sections[].require': 'all',
  'items[].required': true,
  'items[].evidence.min': 1,
  'items[].evidence.verify': false,
  'items[].evidence.same-commit': false,
} as const;
