import type { CliIO } from '../src/cli/cli-io.js';
import { commandUsage, programUsage } from '../src/cli/usage.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';

// Issue 25: a CLI people expect, with errors a person can act on.
async function run(argv: string[], files: Record<string, string> = {}) {
  const io: Omit<CliIO, 'out' | 'err'> = {
    version: '1.2.3',
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
      return text;
    },
  };
  return runCliCaptured(argv, io);
}

describe('help and version, generated', () => {
  it('--version and -v print the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: '1.2.3\n', err: '' });
    expect(await run(['-v'])).toEqual({ code: 0, out: '1.2.3\n', err: '' });
  });

  it.each(['check', 'validate', 'template', 'init'])('%s --help lists its own options', async (name) => {
    const result = await run([name, '--help']);
    expect(result).toEqual({ code: 0, out: commandUsage(name), err: '' });
    expect(result.out).toMatch(new RegExp(`^Usage: checklist-gate ${name} \\[options\\]`));
    expect((await run(['help', name])).out).toBe(result.out);
  });

  it('the program help lists every command', async () => {
    const result = await run(['--help']);
    expect(result.out).toBe(programUsage());
    for (const name of ['check', 'validate', 'template', 'init']) expect(result.out).toContain(`  ${name} `);
  });

  it('validate --help says what --strict does and the exit statuses', async () => {
    const help = commandUsage('validate');
    expect(help).toContain('--strict');
    expect(help).toContain('Exit status: 0 valid, 1 warnings under --strict, 2 invalid');
  });
});

describe('a mistyped option or command', () => {
  it.each([
    [['validate', '--stirct'], "checklist-gate validate: unknown option '--stirct' (did you mean --strict?)"],
    [
      ['init', '--chekclist', 'x'],
      "checklist-gate init: unknown option '--chekclist' (did you mean --checklist?)",
    ],
    [['valdate'], "checklist-gate: unknown command 'valdate' (did you mean validate?)"],
    [['help', 'templat'], "checklist-gate: unknown command 'templat' (did you mean template?)"],
  ])('%j', async (argv, line) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    const [first, usage, rest] = result.err.split('\n');
    expect(first).toBe(line);
    expect(usage).toMatch(/^Usage: checklist-gate /);
    expect(rest).toBe('');
  });
});

describe('YAML syntax errors', () => {
  it('name the line and column, show the line with a caret, and say what to write', async () => {
    const policy = 'version: 1\nitems:\n  - text: Tests pass\n   - text: Changelog\n';
    const result = await run(['validate', '--policy', 'p.yml'], { 'p.yml': policy });
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      [
        'p.yml:4:4: not valid YAML: a list item must start with `- ` at the same indentation as the items before it.',
        '   4 |    - text: Changelog',
        '     |    ^',
        '',
      ].join('\n'),
    );
  });

  it('a key out of line', async () => {
    const policy = 'version: 1\nitems:\n  - text: a\n    id: a\n  - text: b\n   id: b\n';
    const result = await run(['check', '--body', 'b.md', '--policy', 'p.yml'], {
      'p.yml': policy,
      'b.md': '',
    });
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      [
        'p.yml:6:1: not valid YAML: a list item must start with `- ` at the same indentation as the items before it.',
        '   6 |    id: b',
        '     | ^',
        '',
      ].join('\n'),
    );
  });

  it('a tab', async () => {
    const result = await run(['validate', '--policy', 'p.yml'], { 'p.yml': 'version: 1\n\titems: []\n' });
    expect(result.err).toBe(
      'p.yml:2:1: not valid YAML: a tab indents this line; YAML allows only spaces for indentation.\n   2 | \titems: []\n     | ^\n',
    );
  });

  it('version "1" says to write the number', async () => {
    const result = await run(['validate', '--policy', 'p.yml'], { 'p.yml': 'version: "1"\n' });
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'p.yml:1:10: write `version: 1` (a number, not a string).\n',
    });
  });
});

describe('validate: a policy that gates nothing', () => {
  const EMPTY = 'version: 1\npolicy-owners: [acme/platform]\n';
  const OPTIONAL = 'version: 1\npolicy-owners: [acme/platform]\nunlisted: optional\n';

  it('warns on a policy with no items', async () => {
    expect(await run(['validate', '--policy', 'p.yml'], { 'p.yml': EMPTY })).toEqual({
      code: 0,
      out: 'p.yml: valid (0 item rules, 0 section rules)\n',
      err: 'p.yml: warning: the policy names no items, so it gates nothing in particular: any description whose boxes are all ticked passes, even one with a single box. List the items a release needs under items: (checklist-gate init --from <your checklist> writes them).\n',
    });
  });

  it('warns on no items and unlisted: optional', async () => {
    const result = await run(['validate', '--policy', 'p.yml'], { 'p.yml': OPTIONAL });
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      'p.yml: warning: the policy names no items and unlisted: optional, so it gates nothing: every description passes. List the items a release needs under items: (checklist-gate init --from <your checklist> writes them).\n',
    );
  });

  it('--strict fails on the warning, exit 1', async () => {
    const result = await run(['validate', '--strict', '--policy', 'p.yml'], { 'p.yml': OPTIONAL });
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'p.yml: valid (0 item rules, 0 section rules), but --strict fails on 1 warning\n',
    );
  });

  it('--strict passes a policy without warnings', async () => {
    const result = await run(['validate', '--strict', '--policy', 'p.yml'], {
      'p.yml': 'version: 1\npolicy-owners: [acme/platform]\nitems:\n  - text: Tests pass\n',
    });
    expect(result).toEqual({ code: 0, out: 'p.yml: valid (1 item rule, 0 section rules)\n', err: '' });
  });

  it('a policy with items or sections is not warned about', async () => {
    const sections =
      'version: 1\npolicy-owners: [acme/platform]\nunlisted: optional\nsections:\n  - heading: Testing\n    require: any\n';
    expect((await run(['validate', '--policy', 'p.yml'], { 'p.yml': sections })).err).toBe('');
  });
});

describe('validate: policy-owners', () => {
  it("warns that nobody guards the gate's configuration without policy-owners", async () => {
    const result = await run(['validate', '--strict', '--policy', 'p.yml'], {
      'p.yml': 'version: 1\nitems:\n  - text: Tests pass\n',
    });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      "p.yml: warning: no policy-owners: nobody guards the gate's configuration, so a pull request that changes the policy or the gate's workflow is judged like any other (and is not gated at all unless it is a release pull request). Add policy-owners: [login, org/team], and CODEOWNERS on .github/.\n",
    );
  });
});

describe('validate: ignore-authors', () => {
  it('warns about a person listed in ignore-authors, not about bots', async () => {
    const policy =
      "version: 1\npolicy-owners: [acme/platform]\ngate:\n  pull-requests:\n    ignore-authors: ['dependabot[bot]', 'alice']\nitems:\n  - text: Tests pass\n";
    const result = await run(['validate', '--strict', '--policy', 'p.yml'], { 'p.yml': policy });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'p.yml: warning: gate.pull-requests.ignore-authors lists "alice", which is not a bot (a GitHub App\'s login ends in [bot]): every pull request alice opens goes ungated.\n',
    );
  });
});
