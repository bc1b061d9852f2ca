import type { CliIO } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { programUsage } from '../src/cli/usage.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';

interface Run {
  code: number;
  out: string;
  err: string;
  /** Every path the CLI asked to read, in order. */
  reads: string[];
}

const FILES: Record<string, string> = {
  'pass.md': '- [x] Run tests\n- [x] Changelog\n',
  'fail.md': '- [x] Run tests\n- [ ] Changelog\n',
  'perf.md': '- [x] Run tests\n- [ ] Perf check\n',
  'policy.yml': 'version: 1\nitems:\n  - text: Run tests\n  - text: Changelog\n',
  'perf.yml': [
    'version: 1',
    // As in the action, a pull request into a branch the policy does not gate is not judged.
    'gate:',
    '  branches: [main, "release/*"]',
    'unlisted: ignored',
    'items:',
    '  - text: Run tests',
    '  - text: Perf check',
    '    when:',
    '      labels: [perf]',
    '      paths: ["src/**"]',
    '      branches: ["release/*"]',
    '      events: [release]',
    '',
  ].join('\n'),
  'bad.yml': 'version: 1\nunlisted: sometimes\nitmes: []\n',
  'sections.yml':
    'version: 1\npolicy-owners: [acme/platform]\nsections:\n  - heading: Testing\n    require: any\nitems:\n  - text: a\n  - text: b\n',
  '-': '- [x] from stdin\n',
};

async function run(argv: string[], files: Record<string, string> = FILES): Promise<Run> {
  const reads: string[] = [];
  const io: Omit<CliIO, 'out' | 'err'> = {
    readText: async (path) => {
      reads.push(path);
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
  return { ...(await runCliCaptured(argv, io)), reads };
}

/** What every usage error of check ends with. */
const CHECK_USAGE =
  'Usage: checklist-gate check [options] [file] (checklist-gate check --help lists every option)\n';

/** A perf.md run with everything that makes the perf item's condition hold. */
const PERF_HOLDS = ['--label', 'perf', '--path', 'src/a.ts', '--base', 'release/1.0', '--event', 'release'];

describe('checklist-gate check: exit status', () => {
  it('0 when the gate passes', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'policy.yml']);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'PASS  All 2 required items done\n  checklist: the whole description; policy: policy.yml\n\nRequired: 2  Done: 2  Open: 0  Optional: 0  Not required: 0\n',
    );
    expect(result.err).toBe('');
  });

  it('1 when the gate fails', async () => {
    const result = await run(['check', '--body', 'fail.md', '--policy', 'policy.yml']);
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        'FAIL  1 of 2 required items open',
        '  checklist: the whole description; policy: policy.yml',
        '',
        'Failing:',
        '  (tick each box once its step is done; items that need more say so)',
        '  line 2    [ ] Changelog: not ticked',
        '',
        'Required: 2  Done: 1  Open: 1  Optional: 0  Not required: 0',
        '',
      ].join('\n'),
    );
    expect(result.err).toBe('');
  });

  it('1 for a description without a checklist', async () => {
    const result = await run(['check', '--body', 'empty.md'], { 'empty.md': '' });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^FAIL {2}No checklist found: no task items in the whole description\n/);
  });

  it('without --policy, every task item is required', async () => {
    const result = await run(['check', '--body', 'fail.md']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('policy: none (every task item required)');
    expect(result.out).toContain('Note: No policy file: every task item in the description is required.');
    expect(result.reads).toEqual(['fail.md']);
  });
});

describe('checklist-gate: usage errors exit 2', () => {
  it('no command prints the usage on stderr and exits 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(programUsage());
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the usage and exits 0', async (flag) => {
    const result = await run([flag]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(programUsage());
    expect(result.err).toBe('');
  });

  it('an unknown command: one line with a suggestion, then the short usage', async () => {
    const result = await run(['chek', '--body', 'pass.md']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      "checklist-gate: unknown command 'chek' (did you mean check?)\nUsage: checklist-gate <command> [options] (checklist-gate --help lists every option)\n",
    );
    expect(result.reads).toEqual([]);
  });

  it('check without --body', async () => {
    const result = await run(['check', '--policy', 'policy.yml']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `checklist-gate check: check needs the description: --body <file>, or --body - to read standard input\n${CHECK_USAGE}`,
    );
  });

  it('a bad --format', async () => {
    const result = await run(['check', '--body', 'pass.md', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `checklist-gate check: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, markdown.\n${CHECK_USAGE}`,
    );
  });

  it('a bad --event', async () => {
    const result = await run(['check', '--body', 'pass.md', '--event', 'push']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^checklist-gate check: option '--event <event>' argument 'push' is invalid. Allowed choices are pull_request, release.\n/,
    );
  });

  it('a mistyped option: one line with a suggestion, then the short usage of that command only', async () => {
    const result = await run(['check', '--boddy', 'pass.md']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `checklist-gate check: unknown option '--boddy' (did you mean --body?)\n${CHECK_USAGE}`,
    );
    expect(result.err).not.toContain('validate');
    expect(result.reads).toEqual([]);
  });

  it('the description as an argument is the same as --body', async () => {
    const given = await run(['check', 'pass.md', '--policy', 'policy.yml']);
    expect(given.code).toBe(0);
    expect(given.reads).toEqual(['pass.md', 'policy.yml']);
  });

  it('a second description', async () => {
    const result = await run(['check', '--body', 'pass.md', 'extra']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `checklist-gate check: give the description once: extra or --body pass.md\n${CHECK_USAGE}`,
    );
    const two = await run(['check', 'a.md', 'b.md']);
    expect(two.err).toBe(
      `checklist-gate check: too many arguments for 'check'. Expected 1 argument but got 2.\n${CHECK_USAGE}`,
    );
  });

  it('--body without its value', async () => {
    const result = await run(['check', '--body']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`checklist-gate check: option '--body <file>' argument missing\n${CHECK_USAGE}`);
  });

  it('a description that cannot be read: one line naming the file and the reason, no usage', async () => {
    const result = await run(['check', '--body', 'nowhere.md']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'checklist-gate check: cannot read the description nowhere.md: no such file (ENOENT)\n',
    );
  });

  it('a description that cannot be read for another reason says that reason', async () => {
    const io: CliIO = {
      readText: async () => {
        throw Object.assign(new Error("EACCES: permission denied, open 'secret.md'"), { code: 'EACCES' });
      },
      out: () => undefined,
      err: (text) => errors.push(text),
    };
    const errors: string[] = [];
    expect(await runCli(['check', 'secret.md'], io)).toBe(2);
    expect(errors.join('')).toBe(
      'checklist-gate check: cannot read the description secret.md: permission denied (EACCES)\n',
    );
  });
});

describe('checklist-gate check: policy errors exit 2', () => {
  it('prints each error as file:line:column on stderr, and nothing on stdout', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'bad.yml']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n').filter(Boolean).sort()).toEqual([
      'bad.yml:2:11: unlisted must be one of: required, optional, ignored.',
      'bad.yml:3:1: unknown key "itmes" in the policy. Did you mean "items"? Allowed keys: version, extends, gate, checklist, unlisted, verification, not-applicable, emergency, policy-owners, sections, items.',
    ]);
  });

  it('with --format json, also writes the error report on stdout', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'bad.yml', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('bad.yml:2:11: unlisted must be one of: required, optional, ignored.\n');
    const report = JSON.parse(result.out) as Record<string, unknown>;
    expect(report).toMatchObject({
      version: 1,
      passed: false,
      conclusion: 'error',
      summary: 'The policy bad.yml has 2 errors; the gate fails until it is fixed',
      policy: { source: 'file', path: 'bad.yml' },
      items: [],
    });
    expect(report['errors']).toHaveLength(2);
    expect(report['errors']).toContainEqual({
      file: 'bad.yml',
      line: 2,
      column: 11,
      message: 'unlisted must be one of: required, optional, ignored.',
    });
  });

  it('a policy that cannot be read is a policy error naming the file', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'missing.yml']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('missing.yml: cannot read the policy: no such file (ENOENT)\n');
  });

  it('an empty policy file is a policy error at 1:1', async () => {
    const result = await run(['check', '--body', 'pass.md', '--policy', 'empty.yml'], {
      ...FILES,
      'empty.yml': '',
    });
    expect(result.code).toBe(2);
    expect(result.err).toBe('empty.yml:1:1: the policy file is empty; it needs at least "version: 1".\n');
  });
});

describe('checklist-gate check: formats', () => {
  it('--format json writes the report as JSON', async () => {
    const result = await run(['check', '--body', 'fail.md', '--policy', 'policy.yml', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.out.endsWith('}\n')).toBe(true);
    const report = JSON.parse(result.out) as {
      passed: boolean;
      summary: string;
      items: { text: string; status: string }[];
    };
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('1 of 2 required items open');
    expect(report.items.map((item) => [item.text, item.status])).toEqual([
      ['Run tests', 'ok'],
      ['Changelog', 'unchecked'],
    ]);
  });

  it('--format markdown writes the Markdown report', async () => {
    const result = await run([
      'check',
      '--body',
      'fail.md',
      '--policy',
      'policy.yml',
      '--format',
      'markdown',
    ]);
    expect(result.code).toBe(1);
    expect(result.out.split('\n').slice(0, 3)).toEqual([
      '### ❌ checklist-gate: 1 of 2 required items open',
      '',
      '**1 of 2 required done** `█████░░░░░` 50% · policy `policy.yml`',
    ]);
    expect(result.out).toContain('- ❌ **Changelog** — not ticked <sub>line 2</sub>');
  });

  it('--format text is the default', async () => {
    const explicit = await run(['check', '--body', 'fail.md', '--policy', 'policy.yml', '--format', 'text']);
    const implicit = await run(['check', '--body', 'fail.md', '--policy', 'policy.yml']);
    expect(explicit.out).toBe(implicit.out);
    expect(explicit.out.startsWith('FAIL  ')).toBe(true);
  });
});

describe('checklist-gate check: what is known of the pull request', () => {
  async function perfStatus(
    args: string[],
  ): Promise<{ code: number; status: string | undefined; notes: string[] }> {
    const result = await run([
      'check',
      '--body',
      'perf.md',
      '--policy',
      'perf.yml',
      '--format',
      'json',
      ...args,
    ]);
    const report = JSON.parse(result.out) as { items: { text: string; status: string }[]; notes: string[] };
    return {
      code: result.code,
      status: report.items.find((item) => item.text === 'Perf check')?.status,
      notes: report.notes,
    };
  }

  it('with every condition met, the item is required and fails', async () => {
    expect(await perfStatus(PERF_HOLDS)).toEqual({ code: 1, status: 'unchecked', notes: [] });
  });

  it('--label feeds label conditions', async () => {
    const args = PERF_HOLDS.map((arg) => (arg === 'perf' ? 'docs' : arg));
    expect(await perfStatus(args)).toMatchObject({ code: 0, status: 'not-required' });
  });

  it('--label may be repeated', async () => {
    const args = ['--label', 'docs', ...PERF_HOLDS];
    expect(await perfStatus(args)).toMatchObject({ code: 1, status: 'unchecked' });
  });

  it('--path feeds path conditions', async () => {
    const args = PERF_HOLDS.map((arg) => (arg === 'src/a.ts' ? 'docs/a.md' : arg));
    expect(await perfStatus(args)).toMatchObject({ code: 0, status: 'not-required' });
  });

  it('--path may be repeated', async () => {
    const args = ['--path', 'docs/a.md', ...PERF_HOLDS];
    expect(await perfStatus(args)).toMatchObject({ code: 1, status: 'unchecked' });
  });

  it('without --path the changed files are unknown, and path conditions hold, with a note', async () => {
    const args = ['--label', 'perf', '--base', 'release/1.0', '--event', 'release'];
    expect(await perfStatus(args)).toEqual({
      code: 1,
      status: 'unchecked',
      notes: ['"Perf check": the changed files are unknown, so its path condition was taken to hold.'],
    });
  });

  it('--base feeds branch conditions', async () => {
    const args = PERF_HOLDS.map((arg) => (arg === 'release/1.0' ? 'main' : arg));
    expect(await perfStatus(args)).toMatchObject({ code: 0, status: 'not-required' });
  });

  it('without --base the branch is unknown, and branch conditions hold, with a note', async () => {
    const args = ['--label', 'perf', '--path', 'src/a.ts', '--event', 'release'];
    expect(await perfStatus(args)).toEqual({
      code: 1,
      status: 'unchecked',
      notes: ['"Perf check": the base branch is unknown, so its branch condition was taken to hold.'],
    });
  });

  it('--event feeds event conditions, and defaults to pull_request', async () => {
    const explicit = PERF_HOLDS.map((arg) => (arg === 'release' ? 'pull_request' : arg));
    expect(await perfStatus(explicit)).toMatchObject({ code: 0, status: 'not-required' });
    const defaulted = PERF_HOLDS.slice(0, -2);
    expect(defaulted).not.toContain('--event');
    expect(await perfStatus(defaulted)).toMatchObject({ code: 0, status: 'not-required' });
  });
});

describe('checklist-gate check: standard input', () => {
  it('--body - reads the description from standard input', async () => {
    const result = await run(['check', '--body', '-']);
    expect(result.code).toBe(0);
    expect(result.reads).toEqual(['-']);
    expect(result.out).toMatch(/^PASS {2}All 1 required item done\n/);
  });

  it('--body - with a failing description exits 1', async () => {
    const result = await run(['check', '--body', '-', '--policy', 'policy.yml', '--format', 'json'], {
      ...FILES,
      '-': '- [ ] Run tests\n- [x] Changelog\n',
    });
    expect(result.code).toBe(1);
    expect(result.reads).toEqual(['-', 'policy.yml']);
    expect((JSON.parse(result.out) as { summary: string }).summary).toBe('1 of 2 required items open');
  });
});

describe('checklist-gate validate', () => {
  it('a valid policy exits 0 with a summary', async () => {
    const result = await run(['validate', '--policy', 'sections.yml']);
    expect(result.code).toBe(0);
    expect(result.out).toBe('sections.yml: valid (2 item rules, 1 section rule)\n');
    expect(result.err).toBe('');
  });

  it('counts one item rule and no section rules in the singular and plural', async () => {
    const result = await run(['validate', '--policy', 'one.yml'], {
      'one.yml': 'version: 1\nitems:\n  - text: a\n',
    });
    expect(result.out).toBe('one.yml: valid (1 item rule, 0 section rules)\n');
  });

  it('an invalid policy exits 2 with every error at file:line:column on stderr', async () => {
    const result = await run(['validate', '--policy', 'bad.yml']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n').filter(Boolean).sort()).toEqual([
      'bad.yml:2:11: unlisted must be one of: required, optional, ignored.',
      'bad.yml:3:1: unknown key "itmes" in the policy. Did you mean "items"? Allowed keys: version, extends, gate, checklist, unlisted, verification, not-applicable, emergency, policy-owners, sections, items.',
    ]);
  });

  it('a policy that cannot be read exits 2', async () => {
    const result = await run(['validate', '--policy', 'missing.yml']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('missing.yml: cannot read the policy: no such file (ENOENT)\n');
  });

  it('without --policy reads .github/checklist-gate.yml', async () => {
    const result = await run(['validate'], { '.github/checklist-gate.yml': 'version: 1\n' });
    expect(result).toMatchObject({
      code: 0,
      out: '.github/checklist-gate.yml: valid (0 item rules, 0 section rules)\n',
      reads: ['.github/checklist-gate.yml'],
    });
  });

  it('warns about each sign-off item that names no approvers', async () => {
    const policy =
      'version: 1\npolicy-owners: [acme/platform]\nitems:\n  - id: qa-signoff\n    text: QA sign-off\n  - id: ops\n    text: Ops approval\n    approvers: [acme/ops]\n  - text: Release approved by the product owner\n';
    const result = await run(['validate', '--policy', 'p.yml'], { 'p.yml': policy });
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      [
        "p.yml:4: warning: qa-signoff reads like a sign-off, but names no approvers: anyone can tick it, the pull request's author too. Add approvers: [login, org/team].",
        'p.yml:9: warning: "Release approved by the product owner" reads like a sign-off, but names no approvers: anyone can tick it, the pull request\'s author too. Add approvers: [login, org/team].',
        '',
      ].join('\n'),
    );
  });

  it('an unknown flag is a usage error', async () => {
    const result = await run(['validate', '--policy', 'policy.yml', '--body', 'pass.md']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "checklist-gate validate: unknown option '--body'\nUsage: checklist-gate validate [options] (checklist-gate validate --help lists every option)\n",
    );
  });
});
