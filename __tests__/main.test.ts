import { jest } from '@jest/globals';
import * as core from '../__fixtures__/core.js';
import * as gate from '../__fixtures__/gate.js';
import * as github from '../__fixtures__/github.js';
import type { GateOutcome } from '../src/gate/outcome.js';
import { policyErrorReport } from '../src/evaluate/evaluate.js';

jest.unstable_mockModule('@actions/core', () => core);
jest.unstable_mockModule('@actions/github', () => github);
jest.unstable_mockModule('../src/gate/run-gate.js', () => gate);

const { run } = await import('../src/main.js');
const { CLIENT_PLUGINS } = await import('../src/github/client.js');

const PAYLOAD = {
  action: 'opened',
  pull_request: { number: 42, base: { ref: 'main' }, head: { sha: 'a'.repeat(40) }, body: '- [x] done' },
  repository: { default_branch: 'main' },
};

const outcome = (fields: Partial<GateOutcome>): GateOutcome => ({
  result: 'pass',
  report: null,
  markdown: '### checklist-gate\n',
  missing: [],
  description: 'All 1 required items done',
  ...fields,
});

let inputs: Record<string, string>;
const fakeClient = { request: jest.fn(), graphql: jest.fn(), paginate: jest.fn() };

beforeEach(() => {
  jest.resetAllMocks();
  inputs = { token: 'gh-token' };
  github.context.payload = structuredClone(PAYLOAD) as unknown as typeof github.context.payload;
  github.context.repository = 'acme/shop';
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  core.getBooleanInput.mockImplementation((name) => {
    const value = inputs[name] ?? '';
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
  });
  core.summaryCalls.addRaw.mockReturnValue(core.summary);
  core.summaryCalls.write.mockResolvedValue(core.summary);
  github.getOctokit.mockReturnValue(fakeClient as unknown as ReturnType<typeof github.getOctokit>);
});

describe('main', () => {
  it('runs the gate on the pull request in the context, with a client from getOctokit, and sets the outputs', async () => {
    gate.runGate.mockResolvedValue(outcome({ markdown: '### report\n' }));
    await run();
    expect(github.getOctokit).toHaveBeenCalledWith(
      'gh-token',
      expect.objectContaining({ baseUrl: 'https://ghe.acme.dev/api/v3', userAgent: 'checklist-gate' }),
      ...CLIENT_PLUGINS,
    );
    const [client, target, settings] = gate.runGate.mock.calls[0] ?? [];
    expect(client).toBe(fakeClient);
    expect(target).toMatchObject({
      kind: 'pull_request',
      number: 42,
      repository: { owner: 'acme', repo: 'shop' },
    });
    expect(settings).toMatchObject({
      serverHost: 'ghe.acme.dev',
      policyPath: '.github/checklist-gate.yml',
      runUrl: 'https://ghe.acme.dev/acme/shop/actions/runs/4242',
    });
    expect(core.setOutput.mock.calls).toEqual([
      ['result', 'pass'],
      ['missing', '[]'],
      ['report', 'null'],
      ['results', '{}'],
    ]);
    expect(core.summaryCalls.addRaw).toHaveBeenCalledWith('### report\n');
    expect(core.summaryCalls.write).toHaveBeenCalled();
    expect(core.info).toHaveBeenCalledWith('checklist-gate: pass: All 1 required items done');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it('fails the job on a failing gate, unless fail-job is false', async () => {
    gate.runGate.mockResolvedValue(outcome({ result: 'fail', description: '1 of 2 required items open' }));
    await run();
    expect(core.setFailed).toHaveBeenCalledWith('checklist-gate: 1 of 2 required items open');
    jest.clearAllMocks();
    inputs['fail-job'] = 'False';
    await run();
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(core.setOutput).toHaveBeenCalledWith('result', 'fail');
  });

  it('annotates each policy error on its file, line and column, and fails the job', async () => {
    const report = policyErrorReport(
      [
        { file: '.github/checklist-gate.yml', line: 4, column: 7, message: 'items[0].id must be a string' },
        { file: '.github/checklist-gate.yml', line: null, column: null, message: 'version is missing' },
      ],
      '.github/checklist-gate.yml',
    );
    gate.runGate.mockResolvedValue(outcome({ result: 'error', report, description: report.summary }));
    await run();
    expect(core.error.mock.calls).toEqual([
      [
        'items[0].id must be a string',
        {
          title: 'checklist-gate: policy error',
          file: '.github/checklist-gate.yml',
          startLine: 4,
          startColumn: 7,
        },
      ],
      ['version is missing', { title: 'checklist-gate: policy error', file: '.github/checklist-gate.yml' }],
    ]);
    expect(core.setFailed).toHaveBeenCalledWith(report.summary);
  });

  it('does not annotate a checklist that merely fails', async () => {
    gate.runGate.mockResolvedValue(outcome({ result: 'fail' }));
    await run();
    expect(core.error).not.toHaveBeenCalled();
  });

  it('fails on a malformed boolean input, naming it and the values allowed, before any request', async () => {
    inputs['fail-job'] = 'yes';
    await run();
    expect(core.setFailed).toHaveBeenCalledWith(
      'checklist-gate could not evaluate the checklist, so the gate fails: input "fail-job" is "yes"; allowed: true, True, TRUE, false, False, FALSE',
    );
    expect(github.getOctokit).not.toHaveBeenCalled();
    expect(gate.runGate).not.toHaveBeenCalled();
  });

  it('fails closed when the gate throws', async () => {
    gate.runGate.mockRejectedValue(new Error('GET /pulls/42: 503 Service Unavailable'));
    await run();
    expect(core.setFailed).toHaveBeenCalledWith(
      'checklist-gate could not evaluate the checklist, so the gate fails: GET /pulls/42: 503 Service Unavailable',
    );
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  it('fails outside a workflow, saying why', async () => {
    github.context.repository = null;
    await run();
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining('GITHUB_REPOSITORY is not set'));
    expect(gate.runGate).not.toHaveBeenCalled();
  });

  it('fails on an event it does not handle, naming those it does', async () => {
    (github.context as { eventName: string }).eventName = 'issues';
    try {
      await run();
    } finally {
      (github.context as { eventName: string }).eventName = 'pull_request';
    }
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining('the event "issues" is not supported'),
    );
  });

  it('gives a skipped run a notice, and keeps the job green', async () => {
    gate.runGate.mockResolvedValue(outcome({ result: 'skip', description: 'Pull request #42 is closed' }));
    await run();
    expect(core.notice).toHaveBeenCalledWith('checklist-gate: skip: Pull request #42 is closed');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it('warns, and still sets the result, when the job summary cannot be written', async () => {
    gate.runGate.mockResolvedValue(outcome({}));
    core.summaryCalls.write.mockRejectedValue(
      new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY'),
    );
    await run();
    expect(core.warning).toHaveBeenCalledWith(
      'Could not write the job summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    );
    expect(core.setOutput).toHaveBeenCalledWith('result', 'pass');
    expect(core.setFailed).not.toHaveBeenCalled();
  });
});
