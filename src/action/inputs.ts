/** The action's inputs (action.yml), read and checked: a bad value is an error naming the input. */
import { parseBaseReference, type BaseReference } from '../policy/base-reference.js';
import { DEFAULT_POLICY_PATH } from '../policy/policy-path.js';

/** The action's inputs, checked. */
export interface ActionInputs {
  token: string;
  /** Reads the base policies the policy extends; the token when not given. */
  policyToken: string;
  policyPath: string;
  /** The organisation policy laid under the repository's (org-policy); null when not given. */
  orgPolicy: BaseReference | null;
  checkName: string;
  reportAs: 'status' | 'check-run' | 'both';
  comment: 'always' | 'on-failure' | 'never';
  failJob: boolean;
  body: string | null;
  prNumber: number | null;
  maxPulls: number;
}

export class InputError extends Error {}

/** Where inputs come from: @actions/core's readers (trimmed values, '' for an input not given). */
export interface InputSource {
  getInput(name: string): string;
  getBooleanInput(name: string): boolean;
}

/** The spellings core.getBooleanInput accepts (YAML 1.2 core schema booleans). */
const BOOLEANS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/** Reads and checks the inputs; a wrong value is an error that names the input and what it allows. */
export function readInputs(source: InputSource): ActionInputs {
  const getInput = (name: string) => source.getInput(name);
  const flag = (name: string, fallback: boolean): boolean => {
    const value = getInput(name);
    if (value === '') return fallback;
    try {
      return source.getBooleanInput(name);
    } catch {
      throw new InputError(`input "${name}" is "${value}"; allowed: ${BOOLEANS.join(', ')}`);
    }
  };
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = getInput(name).trim() || fallback;
    if (!allowed.includes(value as T)) {
      throw new InputError(`input "${name}" is "${value}"; allowed: ${allowed.join(', ')}`);
    }
    return value as T;
  };
  const prNumberText = getInput('pr-number').trim();
  const prNumber = prNumberText === '' ? null : Number(prNumberText);
  if (prNumber !== null && (!Number.isInteger(prNumber) || prNumber < 1)) {
    throw new InputError(`input "pr-number" is "${prNumberText}"; it must be a pull request number`);
  }
  const checkName = getInput('check-name').trim() || 'checklist-gate';
  if (checkName.includes('-->')) throw new InputError('input "check-name" must not contain "-->"');
  const token = getInput('token');
  if (token === '')
    throw new InputError(
      'input "token" is empty; pass ${{ github.token }} or a token with the permissions listed in the README',
    );
  const body = getInput('body');
  const maxPullsText = getInput('max-pulls').trim() || '100';
  const maxPulls = Number(maxPullsText);
  if (!/^\d+$/.test(maxPullsText) || maxPulls < 1) {
    throw new InputError(`input "max-pulls" is "${maxPullsText}"; it must be a whole number of at least 1`);
  }
  const orgPolicyText = getInput('org-policy').trim();
  let orgPolicy: BaseReference | null = null;
  if (orgPolicyText !== '') {
    const parsed = parseBaseReference(orgPolicyText);
    if ('problem' in parsed)
      throw new InputError(`input "org-policy" is "${orgPolicyText}"; it ${parsed.problem}`);
    orgPolicy = parsed;
  }
  return {
    token,
    policyToken: getInput('policy-token') || token,
    policyPath: getInput('policy').trim() || DEFAULT_POLICY_PATH,
    orgPolicy,
    checkName,
    reportAs: choice('report-as', ['status', 'check-run', 'both'] as const, 'status'),
    comment: choice('comment', ['always', 'on-failure', 'never'] as const, 'always'),
    failJob: flag('fail-job', true),
    body: body === '' ? null : body,
    prNumber,
    maxPulls,
  };
}
