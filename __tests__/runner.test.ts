import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventContext } from '../src/action/event-context.js';
import { environmentRunner, escapeData } from '../src/action/runner.js';
import { parseOutputs } from './emulator/run-action.js';

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return { dir, output, summary };
}

describe('the runner protocol', () => {
  it('reads inputs as the runner passes them, trimmed, names upper-cased with dashes kept', () => {
    const runner = environmentRunner({ 'INPUT_CHECK-NAME': ' gate \n', INPUT_TOKEN: 't' }, () => undefined);
    expect(runner.getInput('check-name')).toBe('gate');
    expect(runner.getInput('token')).toBe('t');
    expect(runner.getInput('missing')).toBe('');
  });

  it('writes outputs as delimited blocks that survive newlines and look-alike delimiters', () => {
    const { output } = files();
    const runner = environmentRunner({ GITHUB_OUTPUT: output }, () => undefined);
    runner.setOutput('report', '{"a":1}\nEOF\nghadelimiter_x');
    runner.setOutput('result', 'fail');
    expect(parseOutputs(readFileSync(output, 'utf8'))).toEqual({
      report: '{"a":1}\nEOF\nghadelimiter_x',
      result: 'fail',
    });
  });

  it('escapes annotations so that a message cannot start another workflow command', () => {
    const written: string[] = [];
    const runner = environmentRunner({}, (text) => written.push(text));
    runner.warning('line one\n::add-mask::secret %');
    runner.error('bad\r\nthing');
    expect(written).toEqual(['::warning::line one%0A::add-mask::secret %25\n', '::error::bad%0D%0Athing\n']);
    expect(escapeData('100%')).toBe('100%25');
  });

  it('appends to the job summary', () => {
    const { summary } = files();
    const runner = environmentRunner({ GITHUB_STEP_SUMMARY: summary }, () => undefined);
    runner.appendSummary('# one\n');
    runner.appendSummary('two\n');
    expect(readFileSync(summary, 'utf8')).toBe('# one\ntwo\n');
  });
});

describe('the event context', () => {
  it('reads the event, payload, repository and URLs the runner sets', () => {
    const { dir } = files();
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ action: 'opened', number: 2 }));
    const context = readEventContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'abc',
      GITHUB_API_URL: 'https://ghe.acme.dev/api/v3',
      GITHUB_SERVER_URL: 'https://ghe.acme.dev',
      GITHUB_RUN_ID: '7',
    });
    expect(context).toEqual({
      eventName: 'pull_request',
      payload: { action: 'opened', number: 2 },
      repository: { owner: 'acme', repo: 'app' },
      sha: 'abc',
      apiUrl: 'https://ghe.acme.dev/api/v3',
      serverUrl: 'https://ghe.acme.dev',
      runId: '7',
    });
  });

  it('refuses to run outside a workflow', () => {
    expect(() => readEventContext({})).toThrow('GITHUB_REPOSITORY is not set');
  });
});
