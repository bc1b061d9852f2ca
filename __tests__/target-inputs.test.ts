import * as core from '@actions/core';
import { readInputs } from '../src/action/inputs.js';
import { resolveTarget } from '../src/gate/target.js';
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

  it('workflow_dispatch: the body input, or the pr-number input, and a sweep otherwise', () => {
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
    expect(resolve('workflow_dispatch', payload)).toMatchObject({ kind: 'sweep', base: null });
  });

  it('pull_request_review: the pull request, never taking the review edit for a description edit', () => {
    const payload = webhook('pull_request_review', 'submitted');
    payload['action'] = 'edited';
    payload['changes'] = { body: { from: 'old review text' } };
    expect(resolve('pull_request_review', payload)).toMatchObject({
      kind: 'pull_request',
      number: 2,
      payloadBase: 'master',
      edit: null,
    });
  });

  it('workflow_run: completed names its pull requests, or the commit; other actions change nothing', () => {
    const [withPulls] = [webhook('workflow_run', 'completed')];
    const sha = withPulls['workflow_run'].head_sha;
    expect(resolve('workflow_run', withPulls)).toMatchObject({ kind: 'commit', sha, numbers: [] });
    withPulls['workflow_run'].pull_requests = [
      { number: 5, head: { sha } },
      { number: 6, head: { sha: 'a'.repeat(40) } },
    ];
    expect(resolve('workflow_run', withPulls)).toMatchObject({ kind: 'commit', sha, numbers: [5] });
    expect(resolve('workflow_run', webhook('workflow_run', 'requested'))).toMatchObject({ kind: 'nothing' });
  });

  it('push: a branch sweeps the pull requests into it; a tag changes nothing', () => {
    const branch = webhook('push');
    branch['ref'] = 'refs/heads/main';
    expect(resolve('push', branch)).toMatchObject({ kind: 'sweep', base: 'main' });
    const tag = webhook('push');
    tag['ref'] = 'refs/tags/v1';
    expect(resolve('push', tag)).toMatchObject({ kind: 'nothing' });
  });

  it('schedule: every open pull request', () => {
    expect(resolve('schedule', { schedule: '0 6 * * *' })).toMatchObject({ kind: 'sweep', base: null });
  });

  it('a pull_request event without a pull request in its payload is an error', () => {
    expect(() => resolve('pull_request', {})).toThrow(
      'the pull_request event has no pull_request in its payload',
    );
  });
});

describe('the inputs', () => {
  // Through @actions/core itself, as the runner passes inputs: INPUT_<NAME> variables.
  const inputs = (values: Record<string, string>) => {
    const names = Object.keys(values).map((name) => `INPUT_${name.toUpperCase()}`);
    Object.entries(values).forEach(([name, value]) => (process.env[`INPUT_${name.toUpperCase()}`] = value));
    try {
      return readInputs(core);
    } finally {
      names.forEach((name) => delete process.env[name]);
    }
  };

  it('fill their defaults', () => {
    expect(inputs({ token: 't' })).toEqual({
      token: 't',
      policyToken: 't',
      policyPath: '.github/checklist-gate.yml',
      orgPolicy: null,
      checkName: 'checklist-gate',
      reportAs: 'status',
      comment: 'always',
      failJob: true,
      body: null,
      prNumber: null,
      maxPulls: 100,
    });
  });

  it('read org-policy as OWNER/REPO/PATH@REF, and refuse any other form', () => {
    expect(inputs({ token: 't', 'org-policy': 'acme/.github/policies/release.yml@v2' }).orgPolicy).toEqual({
      owner: 'acme',
      repo: '.github',
      path: 'policies/release.yml',
      ref: 'v2',
    });
    expect(() => inputs({ token: 't', 'org-policy': 'acme/release.yml' })).toThrow(
      'input "org-policy" is "acme/release.yml"; it must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF',
    );
  });

  it.each([
    [{ 'report-as': 'checks' }, 'input "report-as" is "checks"; allowed: status, check-run, both'],
    [{ comment: 'sometimes' }, 'input "comment" is "sometimes"; allowed: always, on-failure, never'],
    [{ 'fail-job': 'yes' }, 'input "fail-job" is "yes"; allowed: true, True, TRUE, false, False, FALSE'],
    [{ 'fail-job': 'tRUE' }, 'input "fail-job" is "tRUE"; allowed: true, True, TRUE, false, False, FALSE'],
    [{ 'pr-number': '12a' }, 'input "pr-number" is "12a"; it must be a pull request number'],
    [{ 'pr-number': '0' }, 'input "pr-number" is "0"; it must be a pull request number'],
    [{ 'check-name': 'a --> b' }, 'input "check-name" must not contain "-->"'],
    [{ 'max-pulls': '0' }, 'input "max-pulls" is "0"; it must be a whole number of at least 1'],
    [{ 'max-pulls': '10x' }, 'input "max-pulls" is "10x"; it must be a whole number of at least 1'],
  ])('reject %j, saying what is allowed', (values, message) => {
    expect(() => inputs({ token: 't', ...values })).toThrow(message);
  });

  it.each([
    ['False', false],
    ['TRUE', true],
    [' false \n', false],
  ])('take fail-job %j as YAML 1.2 does', (value, failJob) => {
    expect(inputs({ token: 't', 'fail-job': value }).failJob).toBe(failJob);
  });

  it('trim what the runner passes', () => {
    expect(inputs({ token: ' t\n', 'check-name': ' gate \n' })).toMatchObject({
      token: 't',
      checkName: 'gate',
    });
  });

  it('read policy-token for base policies, apart from the token', () => {
    expect(inputs({ token: 't', 'policy-token': 'app' })).toMatchObject({ token: 't', policyToken: 'app' });
  });

  it('reject an empty token', () => {
    expect(() => inputs({})).toThrow('input "token" is empty');
  });
});
