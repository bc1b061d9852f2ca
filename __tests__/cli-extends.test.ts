import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { commandUsage } from '../src/cli/usage.js';
import { SCHEMA_LINE, SCHEMA_URL } from '../src/policy/schema-url.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

const BASE = 'acme/release-policies/checklists/production.yml@v3';
const FILES: Record<string, string> = {
  'local.yml': `version: 1\nextends: ${BASE}\nitems:\n  - id: flags\n    text: Feature flags off\n`,
  'weak.yml': `version: 1\nextends: ${BASE}\nitems:\n  - id: rollback\n    required: false\n`,
  'base.yml':
    'version: 1\npolicy-owners: [acme/platform]\nitems:\n  - id: rollback\n    text: Rollback plan tested\n',
  'pass.md': '- [x] Rollback plan tested\n- [x] Feature flags off\n',
  'fail.md': '- [ ] Rollback plan tested\n- [x] Feature flags off\n',
};

async function run(argv: string[], env: Record<string, string> = {}) {
  return runCliCaptured(argv, {
    env,
    version: '9.8.7',
    readText: async (path) => {
      const text = FILES[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  });
}

describe('checklist-gate --version and help <command>', () => {
  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: '9.8.7\n', err: '' });
  });

  it('prints one command’s usage, with the base options where the command reads a policy', async () => {
    const check = await run(['help', 'check']);
    expect(check).toEqual({ code: 0, out: commandUsage('check'), err: '' });
    expect(check.out).toContain('--base-policy <file>');
    expect(check.out).not.toContain('validate');
    expect((await run(['help', 'init'])).out).not.toContain('--base-policy');
    expect((await run(['validate', '--help'])).out).toBe(commandUsage('validate'));
  });

  it('refuses help for an unknown command', async () => {
    expect(await run(['help', 'chek'])).toEqual({
      code: 2,
      out: '',
      err: "checklist-gate: unknown command 'chek' (did you mean check?)\nUsage: checklist-gate <command> [options] (checklist-gate --help lists every option)\n",
    });
  });
});

describe('validate and check with extends, offline', () => {
  it('validate with --base-policy standing in for the base', async () => {
    expect(await run(['validate', '--policy', 'local.yml', '--base-policy', 'base.yml'])).toEqual({
      code: 0,
      out: 'local.yml: valid (2 item rules, 0 section rules; extends base.yml, which it does not weaken)\n',
      err: '',
    });
  });

  it('validate names both files when the local policy weakens a locked item', async () => {
    expect(await run(['validate', '--policy', 'weak.yml', '--base-policy', 'base.yml'])).toEqual({
      code: 2,
      out: '',
      err: 'weak.yml:5:5: items.0 (rollback): required: false makes a locked item optional (locked by base.yml:4:5).\n',
    });
  });

  it('check evaluates the base items too', async () => {
    const failing = await run([
      'check',
      '--body',
      'fail.md',
      '--policy',
      'local.yml',
      '--base-policy',
      'base.yml',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain('[ ] Rollback plan tested (rollback): not ticked');
    expect(failing.out).toContain('rule from: base.yml');
    const passing = await run([
      'check',
      '--body',
      'pass.md',
      '--policy',
      'local.yml',
      '--base-policy',
      'base.yml',
    ]);
    expect(passing.code).toBe(0);
  });

  it('without a token or --base-policy, says how to give it the base', async () => {
    const result = await run(['validate', '--policy', 'local.yml']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `local.yml:2:10: extends ${BASE}, which cannot be read here: pass a copy of it with --base-policy <file>, or set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on acme/release-policies to read it through the API.\n`,
    );
  });

  it('a chain longer than the --base-policy files given is a usage error', async () => {
    FILES['middle.yml'] = 'version: 1\nextends: acme/release-policies/common.yml\n';
    const result = await run(['validate', '--policy', 'local.yml', '--base-policy', 'middle.yml']);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'the policy chain also extends acme/release-policies/common.yml; give one --base-policy <file> for each level (1 given)',
    );
  });
});

describe('validate and check with extends, through the API', () => {
  let emulator: GitHubEmulator;
  let env: Record<string, string>;
  beforeEach(async () => {
    emulator = new GitHubEmulator({
      repositories: {
        'acme/release-policies': {
          files: { v3: { 'checklists/production.yml': FILES['base.yml'] ?? '' } },
          readers: ['cli-token'],
        },
      },
    });
    env = { GH_TOKEN: 'cli-token', GITHUB_API_URL: await emulator.start() };
  });
  afterEach(() => emulator.stop());

  it('reads the base with $GH_TOKEN from $GITHUB_API_URL', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'local.yml'], env);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(emulator.requests.map((request) => [request.path, request.query['ref'], request.token])).toEqual([
      ['/repos/acme/release-policies/contents/checklists%2Fproduction.yml', 'v3', 'cli-token'],
    ]);
  });

  it('works the same through the bundled CLI', async () => {
    const dir = scratchFolder('cli');
    for (const name of ['local.yml', 'fail.md']) writeFileSync(join(dir, name), FILES[name] ?? '');
    const bundle = new URL('../dist/cli/index.js', import.meta.url).pathname;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [bundle, 'check', '--body', join(dir, 'fail.md'), '--policy', join(dir, 'local.yml')],
        { env: { PATH: process.env['PATH'] ?? '', ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    removeFolder(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[ ] Rollback plan tested (rollback): not ticked');
    expect(result.stdout).toContain(`rule from: ${BASE}`);
    expect(emulator.requests.map((request) => request.token)).toEqual(['cli-token']);
  });

  it('--api-url wins over $GITHUB_API_URL, and a token that cannot see the base is told what it needs', async () => {
    const result = await run(
      ['validate', '--policy', 'local.yml', '--api-url', env['GITHUB_API_URL'] ?? ''],
      {
        GITHUB_TOKEN: 'other-token',
        GITHUB_API_URL: 'http://127.0.0.1:9',
      },
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('GitHub answered 404');
    expect(result.err).toContain('give that token contents: read on acme/release-policies');
    expect(emulator.requests).toHaveLength(1);
  });
});

describe('init', () => {
  it('points the policy it writes at the published schema', async () => {
    const written = new Map<string, string>();
    const io: CliIO = {
      readText: async () => '',
      out: () => undefined,
      err: () => undefined,
      files: {
        checklistNames: async () => ['production-release'],
        workflowFiles: async () => [],
        readChecklistFile: async (_name, file) =>
          file === 'release.md'
            ? '- [ ] Tests\n'
            : '# yaml-language-server: $schema=../../src/policy/checklist-gate.schema.json\nversion: 1\n',
        gitRoot: async () => '/work/repo',
        originUrl: async () => null,
        exists: async () => false,
        write: async (path, text) => void written.set(path, text),
      },
    };
    expect(await runCli(['init'], io)).toBe(0);
    expect(written.get('/work/repo/.github/checklist-gate.yml')).toBe(`${SCHEMA_LINE}\nversion: 1\n`);
    expect(SCHEMA_URL).toMatch(/^https:\/\/.+\/v1\/src\/policy\/checklist-gate\.schema\.json$/);
    // The URL's path is where the repository, and the npm package, keep the schema.
    const path = SCHEMA_URL.split('/v1/')[1] ?? '';
    expect(existsSync(new URL(`../${path}`, import.meta.url))).toBe(true);
  });
});
