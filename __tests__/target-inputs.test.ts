import { readInputs } from '../src/action/inputs.js';
import { resolveTarget } from '../src/action/target.js';
import { pullRequestEvent, webhook } from './helpers/payloads.js';

const REPOSITORY = { owner: 'Codertocat', repo: 'Hello-World' };
const resolve = (
  eventName: string,
  payload: Record<string, unknown>,
  extra: { body?: string; prNumber?: number } = {},
) =>
  resolveTarget({
    eventName,
    payload,
    repository: REPOSITORY,
    sha: 'f'.repeat(40),
    body: extra.body ?? null,
    prNumber: extra.prNumber ?? null,
  });

describe('what an event asks the gate to evaluate', () => {
  it.each(['pull_request', 'pull_request_target'])(
    '%s: the pull request, its policy first looked for at the payload base',
    (event) => {
      expect(resolve(event, pullRequestEvent('opened', 'body'))).toMatchObject({
        kind: 'pull_request',
        number: 2,
        payloadBase: 'master',
        defaultBranch: 'master',
        statusSha: null,
        payloadHeadSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        edit: null,
      });
    },
  );

  it('an edited event carries who edited and the body before and after', () => {
    const target = resolve(
      'pull_request',
      pullRequestEvent('edited', 'after', { from: 'before', sender: 'alice' }),
    );
    expect(target).toMatchObject({ edit: { previousBody: 'before', body: 'after', sender: 'alice' } });
  });

  it('merge_group: the pull request from the queue ref, the status on the group head', () => {
    const payload = webhook('merge_group', 'checks_requested');
    expect(resolve('merge_group', payload)).toMatchObject({
      kind: 'pull_request',
      number: 104,
      payloadBase: 'main',
      statusSha: payload['merge_group'].head_sha,
      payloadHeadSha: payload['merge_group'].head_sha,
      edit: null,
    });
  });

  it('merge_group with a ref that names no pull request is an error naming the ref', () => {
    expect(() =>
      resolve('merge_group', { merge_group: { head_ref: 'refs/heads/main', head_sha: 'a'.repeat(40) } }),
    ).toThrow('cannot find the pull request in merge_group.head_ref "refs/heads/main"');
  });

  it('release: the release, posted on GITHUB_SHA', () => {
    const payload = webhook('release', 'published');
    expect(resolve('release', payload)).toEqual({
      kind: 'release',
      repository: REPOSITORY,
      releaseId: payload['release'].id,
      defaultBranch: 'master',
      sha: 'f'.repeat(40),
    });
  });

  it('workflow_dispatch: the body input, or the pr-number input, and an error naming them otherwise', () => {
    const payload = webhook('workflow_dispatch');
    expect(resolve('workflow_dispatch', payload, { body: '- [x] a' })).toMatchObject({
      kind: 'body',
      body: '- [x] a',
    });
    expect(resolve('workflow_dispatch', payload, { prNumber: 7 })).toMatchObject({
      kind: 'pull_request',
      number: 7,
      payloadBase: null,
    });
    expect(() => resolve('workflow_dispatch', payload)).toThrow(
      'on workflow_dispatch, set the "pr-number" or "body" input',
    );
  });

  it('a pull_request event without a pull request in its payload is an error', () => {
    expect(() => resolve('pull_request', {})).toThrow(
      'the pull_request event has no pull_request in its payload',
    );
  });
});

describe('the inputs', () => {
  const inputs = (values: Record<string, string>) => readInputs((name) => values[name] ?? '');

  it('fill their defaults', () => {
    expect(inputs({ token: 't' })).toEqual({
      token: 't',
      policyToken: 't',
      policyPath: '.github/checklist-gate.yml',
      checkName: 'checklist-gate',
      reportAs: 'status',
      comment: 'always',
      failJob: true,
      body: null,
      prNumber: null,
    });
  });

  it.each([
    [{ 'report-as': 'checks' }, 'input "report-as" is "checks"; allowed: status, check-run, both'],
    [{ comment: 'sometimes' }, 'input "comment" is "sometimes"; allowed: always, on-failure, never'],
    [{ 'fail-job': 'yes' }, 'input "fail-job" is "yes"; allowed: true, false'],
    [{ 'pr-number': '12a' }, 'input "pr-number" is "12a"; it must be a pull request number'],
    [{ 'pr-number': '0' }, 'input "pr-number" is "0"; it must be a pull request number'],
    [{ 'check-name': 'a --> b' }, 'input "check-name" must not contain "-->"'],
  ])('reject %j, saying what is allowed', (values, message) => {
    expect(() => inputs({ token: 't', ...values })).toThrow(message);
  });

  it('read policy-token for base policies, apart from the token', () => {
    expect(inputs({ token: 't', 'policy-token': 'app' })).toMatchObject({ token: 't', policyToken: 'app' });
  });

  it('reject an empty token', () => {
    expect(() => inputs({})).toThrow('input "token" is empty');
  });
});
