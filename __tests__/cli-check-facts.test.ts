import type { CliIO } from '../src/cli/cli-io.js';
import type { InitFiles } from '../src/cli/init-command.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';

// Issue 25: the offline check finds the repository's policy and gates as the action does.
const POLICY = `version: 1
gate:
  branches: [main]
  pull-requests:
    labels: [release]
items:
  - text: Tests pass
`;

async function run(argv: string[], files: Record<string, string>, root: string | null = '/repo') {
  const repository: InitFiles = {
    checklistNames: async () => [],
    readChecklistFile: async () => '',
    workflowFiles: async () => [],
    gitRoot: async () => root,
    originUrl: async () => null,
    exists: async (path) => files[path] !== undefined,
    write: async () => undefined,
  };
  const io: Omit<CliIO, 'out' | 'err'> = {
    files: repository,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
      return text;
    },
  };
  return runCliCaptured(argv, io);
}

const BODY = { 'pr.md': '- [ ] Tests pass\n' };

describe('check finds the repository’s policy', () => {
  it('at the top of the git repository, and says which file it used', async () => {
    const result = await run(['check', 'pr.md'], { ...BODY, '/repo/.github/checklist-gate.yml': POLICY });
    expect(result.code).toBe(1);
    expect(result.err).toBe('checklist-gate check: the policy is /repo/.github/checklist-gate.yml\n');
    expect(result.out).toContain('policy: .github/checklist-gate.yml');
    expect(result.out).toContain(
      'Note: No --base, --head, --title, --label or --author was given: judged as a gated release pull request.',
    );
  });

  it('none in the repository: every task item is required', async () => {
    const result = await run(['check', 'pr.md'], BODY);
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect(result.out).toContain('policy: none (every task item required)');
  });

  it('validate and template read the same file', async () => {
    const files = { '/repo/.github/checklist-gate.yml': POLICY };
    expect((await run(['validate'], files)).out).toBe(
      '.github/checklist-gate.yml: valid (1 item rule, 0 section rules)\n',
    );
    expect((await run(['template'], files)).out).toContain('- [ ] Tests pass');
  });

  it('a policy error names the file as the action would', async () => {
    const result = await run(['check', 'pr.md'], {
      ...BODY,
      '/repo/.github/checklist-gate.yml': 'version: 2\n',
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('.github/checklist-gate.yml:1:10: version must be 1.\n');
  });
});

describe('check gates as the action does', () => {
  const files = { ...BODY, '/repo/.github/checklist-gate.yml': POLICY };

  it('"Not gated" by the base branch, exit 0', async () => {
    const result = await run(['check', 'pr.md', '--base', 'develop', '--label', 'release'], files);
    expect(result).toMatchObject({
      code: 0,
      out: 'Not gated: the policy does not gate the base branch develop\n',
    });
  });

  it('"Not gated" as JSON and Markdown', async () => {
    const json = await run(['check', 'pr.md', '--base', 'main', '--label', 'ui', '--format', 'json'], files);
    expect(JSON.parse(json.out)).toEqual({
      conclusion: 'skip',
      passed: true,
      summary: 'Not gated: not a release pull request (one needs a label release)',
    });
    const markdown = await run(['check', 'pr.md', '--title', 'x', '--format', 'markdown'], files);
    expect(markdown.out).toBe(
      '### checklist-gate\n\nNot gated: not a release pull request (one needs a label release)\n',
    );
  });

  it('gated by the label, judged', async () => {
    const result = await run(['check', 'pr.md', '--base', 'main', '--label', 'release'], files);
    expect(result.code).toBe(1);
    expect(result.out).not.toContain('Note:');
  });

  it('--default-branch is what gate.branches defaults to', async () => {
    const open = {
      ...BODY,
      '/repo/.github/checklist-gate.yml': 'version: 1\nitems:\n  - text: Tests pass\n',
    };
    expect((await run(['check', 'pr.md', '--base', 'trunk'], open)).code).toBe(0);
    expect((await run(['check', 'pr.md', '--base', 'trunk', '--default-branch', 'trunk'], open)).code).toBe(
      1,
    );
  });

  it('the facts cannot be combined with --repo', async () => {
    const result = await run(
      ['check', '--repo', 'acme/shop', '--pr', '2', '--title', 'x', '--changed-file', 'a'],
      {},
    );
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(
      "checklist-gate check: --title, --changed-file cannot be combined with --repo: the description and the pull request's facts come from GitHub",
    );
  });
});
