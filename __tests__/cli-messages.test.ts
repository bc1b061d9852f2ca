import type { CliIO } from '../src/cli/cli-io.js';
import type { InitFiles } from '../src/cli/init-command.js';
import { runCli } from '../src/cli/run-cli.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';

// Issue 16: what a person reads on the terminal.
const READY = `version: 1
gate:
  pull-requests:
    head-branches: ['release/**']
    labels: [release]
items:
  - id: qa-signoff
    text: QA sign-off
  - id: tests
    text: Tests pass
`;

async function run(argv: string[], texts: Record<string, string>, root: string | null = '/work/repo') {
  const written = new Map<string, string>();
  const files: InitFiles = {
    checklistNames: async () => ['production-release'],
    readChecklistFile: async (_name, file) => (file === 'release.md' ? '- [ ] QA sign-off\n' : READY),
    gitRoot: async () => root,
    originUrl: async () => null,
    workflowFiles: async () => [],
    exists: async () => false,
    write: async (path, text) => void written.set(path, text),
  };
  const io: Omit<CliIO, 'out' | 'err'> = {
    files,
    readText: async (path) => {
      const text = texts[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
  return { ...(await runCliCaptured(argv, io)), written };
}

describe('init', () => {
  it('writes at the top of the git repository, says where, and names the sign-offs nobody guards', async () => {
    const result = await run(['init'], {});
    expect(result.code).toBe(0);
    expect([...result.written.keys()]).toEqual([
      '/work/repo/.github/checklist-gate.yml',
      '/work/repo/.github/PULL_REQUEST_TEMPLATE/release.md',
      '/work/repo/.github/workflows/checklist-gate.yml',
    ]);
    expect(result.out).toContain('Wrote the "production-release" checklist in /work/repo:\n');
    expect(result.out).toContain(
      '1 sign-off item names no approvers, so anyone can tick it, the author too: qa-signoff. Add approvers: [login, org/team] to each in .github/checklist-gate.yml.\n',
    );
    expect(result.out).toContain(
      'Only release pull requests are gated: one with a head branch release/** or label release (gate.pull-requests). Every other pull request gets a "Not gated" success.\n',
    );
  });

  it('outside a git repository asks for --dir, with the usage of init only', async () => {
    const result = await run(['init'], {}, null);
    expect(result.code).toBe(2);
    expect(result.written.size).toBe(0);
    expect(result.err).toBe(
      'checklist-gate init: this folder is not in a git repository; give --dir <folder>, the top of the repository to write into\nUsage: checklist-gate init [options] (checklist-gate init --help lists every option)\n',
    );
    const given = await run(['init', '--dir', '/tmp/scratch'], {}, null);
    expect(given.code).toBe(0);
    expect([...given.written.keys()][0]).toBe('/tmp/scratch/.github/checklist-gate.yml');
  });
});

describe('template', () => {
  it('reads .github/checklist-gate.yml without --policy', async () => {
    // At the top of the repository, wherever in it the command runs.
    const result = await run(['template'], { '/work/repo/.github/checklist-gate.yml': READY });
    expect(result.code).toBe(0);
    expect(result.out).toContain('QA sign-off');
  });
});

describe('check', () => {
  it('warns that GitHub would refuse a description over 65,536 characters', async () => {
    const body = `- [x] Tests pass\n\n${'x'.repeat(70_000)}\n`;
    const result = await run(['check', '--body', 'big.md'], { 'big.md': body });
    expect(result.err).toBe(
      'checklist-gate check: warning: the description is 70,019 characters; GitHub refuses a description over 65,536, so it could not be saved as written.\n',
    );
    const small = await run(['check', '--body', 'small.md'], { 'small.md': '- [x] Tests pass\n' });
    expect(small.err).toBe('');
  });

  it('notes "anyone can tick this" on a sign-off item without approvers', async () => {
    const result = await run(['check', '--body', 'b.md', '--policy', 'p.yml'], {
      'b.md': '- [ ] QA sign-off\n- [x] Tests pass\n',
      'p.yml': READY,
    });
    expect(result.out).toContain(
      '  line 1    [ ] QA sign-off (qa-signoff): not ticked\n      anyone can tick this: the policy names no approvers\n',
    );
    const markdown = await run(['check', '--body', 'b.md', '--policy', 'p.yml', '--format', 'markdown'], {
      'b.md': '- [ ] QA sign-off\n- [x] Tests pass\n',
      'p.yml': READY,
    });
    expect(markdown.out).toContain(
      '- ❌ **QA sign-off** — not ticked <sub>line 1 · `qa-signoff` · anyone can tick this: the policy names no approvers</sub>\n',
    );
  });

  it('an unexpected failure prints its message, never a stack trace', async () => {
    const io: CliIO = {
      readText: async () => {
        throw new Error('unreachable');
      },
      out: () => undefined,
      err: (text) => errors.push(text),
    };
    const errors: string[] = [];
    // No files for init here: the command fails inside, and the user sees one line.
    expect(await runCli(['init'], io)).toBe(2);
    expect(errors.join('')).toBe('checklist-gate init: init has no access to files here\n');
  });
});
