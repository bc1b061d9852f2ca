/** The policy file as written, and readers of its shorthand forms. */
import type { RawPolicy } from './generated/raw-policy.js';

/** The policy file as written, once it has passed the schema: its type is generated from the schema. */
export type { RawPolicy };

/** A not-applicable rule as written: its name alone, or the long form naming approvers. */
export type RawNotApplicable = NonNullable<RawPolicy['not-applicable']>;

/** The emergency rule as written, or never to forbid one. */
export type RawEmergency = NonNullable<RawPolicy['emergency']>;

/** The rule a not-applicable setting names, in either form. */
export function ruleOf(
  raw: RawNotApplicable | undefined,
): 'never' | 'with-reason' | 'with-approval' | undefined {
  return typeof raw === 'string' ? raw : raw?.rule;
}

/** The approvers the long form of a not-applicable setting names. */
export function approversOf(raw: RawNotApplicable | undefined): string[] | undefined {
  return typeof raw === 'object' ? raw.approvers : undefined;
}
