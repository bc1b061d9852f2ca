/** The action's inputs, checked. */
export interface ActionInputs {
  token: string;
  /** Reads the base policies the policy extends; the token when not given. */
  policyToken: string;
  policyPath: string;
  checkName: string;
  reportAs: 'status' | 'check-run' | 'both';
  comment: 'always' | 'on-failure' | 'never';
  failJob: boolean;
  body: string | null;
  prNumber: number | null;
}

export class InputError extends Error {}

/** Reads and checks the inputs; a wrong value is an error that names the input and what it allows. */
export function readInputs(getInput: (name: string) => string): ActionInputs {
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
  return {
    token,
    policyToken: getInput('policy-token') || token,
    policyPath: getInput('policy').trim() || '.github/checklist-gate.yml',
    checkName,
    reportAs: choice('report-as', ['status', 'check-run', 'both'] as const, 'status'),
    comment: choice('comment', ['always', 'on-failure', 'never'] as const, 'always'),
    failJob: choice('fail-job', ['true', 'false'] as const, 'true') === 'true',
    body: body === '' ? null : body,
    prNumber,
  };
}
