import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sweepCron } from '../src/cli/sweep-schedule.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

/** Runs the bundled CLI's `init` in a sub-folder of a fresh git repository holding these workflow files. */
async function initIn(
  workflows: Record<string, string>,
  origin?: string,
): Promise<{ code: number; workflow: string; policy: string; out: string; folder: string }> {
  const folder = scratchFolder('init-workflows');
  if (Object.keys(workflows).length > 0) mkdirSync(join(folder, '.github', 'workflows'), { recursive: true });
  for (const [name, text] of Object.entries(workflows))
    writeFileSync(join(folder, '.github', 'workflows', name), text);
  execFileSync('git', ['init', '-q'], { cwd: folder });
  if (origin !== undefined) execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: folder });
  mkdirSync(join(folder, 'src'));
  let out = '';
  const code = await new Promise<number>((done) => {
    execFile(process.execPath, [CLI, 'init'], { cwd: join(folder, 'src') }, (error, stdout) => {
      out = stdout;
      done(error ? Number((error as { code?: number }).code ?? 1) : 0);
    });
  });
  const workflow = readFileSync(join(folder, '.github', 'workflows', 'checklist-gate.yml'), 'utf8');
  // Nothing is written when a file is already there (the gate's own workflow, in one test).
  const policyPath = join(folder, '.github', 'checklist-gate.yml');
  const policy = existsSync(policyPath) ? readFileSync(policyPath, 'utf8') : '';
  removeFolder(folder);
  return { code, out, workflow, policy, folder };
}

type Workflow = { on: Record<string, unknown> };

describe('init fills the workflow_run trigger from the repository workflows', () => {
  it('lists the name of every workflow it finds, and the file stays valid YAML', async () => {
    const { code, workflow } = await initIn({
      'ci.yml': 'name: CI\non: push\njobs: {}\n',
      'deploy.yaml': "name: 'Deploy: production #1'\non: push\njobs: {}\n",
      'lint.yml': 'on: push\njobs: {}\n',
      'broken.yml': 'name: [unclosed\n',
    });
    expect(code).toBe(0);
    const parsed = parse(workflow) as Workflow;
    expect(parsed.on['workflow_run']).toEqual({
      workflows: ['CI', 'Deploy: production #1'],
      types: ['completed'],
    });
    // The other triggers are still there.
    expect(Object.keys(parsed.on)).toEqual(
      expect.arrayContaining(['pull_request_target', 'pull_request_review', 'push', 'schedule', 'release']),
    );
    // Workflows without a readable name are said, not guessed at.
    expect(workflow).toContain(
      '# Not listed (no readable name: key): .github/workflows/broken.yml, .github/workflows/lint.yml',
    );
  });

  it('writes a commented example when there are no workflows, and the file stays valid YAML', async () => {
    const { code, workflow } = await initIn({});
    expect(code).toBe(0);
    const parsed = parse(workflow) as Workflow;
    expect(parsed.on['workflow_run']).toBeUndefined();
    expect(parsed.on['pull_request_target']).toBeDefined();
    expect(workflow).toContain('  # workflow_run:\n  #   workflows: [CI]\n  #   types: [completed]\n');
  });

  it('never lists the gate itself', async () => {
    const { workflow } = await initIn({ 'checklist-gate.yml': 'name: checklist-gate\non: push\njobs: {}\n' });
    expect((parse(workflow) as Workflow).on['workflow_run']).toBeUndefined();
  });
});

describe('init names the CI workflow whose runs count as evidence', () => {
  const NOTE = "The policy's CI evidence counts only runs of .github/workflows/ci.yml";

  it('the written policy names the workflow file; with that file present, nothing more is said', async () => {
    const { code, policy, out } = await initIn({ 'ci.yml': 'name: CI\non: push\njobs: {}\n' });
    expect(code).toBe(0);
    const items = (parse(policy) as { items: { id: string; evidence?: Record<string, unknown> }[] }).items;
    expect(items.find((item) => item.id === 'ci-green')?.evidence).toMatchObject({
      verify: true,
      'same-commit': true,
      workflows: ['.github/workflows/ci.yml'],
    });
    expect(out).not.toContain(NOTE);
  });

  it('without it, says so and lists the workflows found to choose from', async () => {
    const { out } = await initIn({ 'build.yml': 'name: Build\non: push\njobs: {}\n' });
    expect(out).toContain(
      `${NOTE}, which this repository does not have. Name your CI workflow (its file or name) in evidence.workflows in .github/checklist-gate.yml; workflows found here: .github/workflows/build.yml.\n`,
    );
  });
});

describe('init spreads the daily sweep over the day', () => {
  const cronOf = (workflow: string) =>
    (parse(workflow) as { on: { schedule: { cron: string }[] } }).on.schedule[0]?.cron;

  it('derives the minute and hour from owner/name of the remote origin, the same on every run', async () => {
    const first = await initIn({}, 'git@github.com:acme/shop.git');
    const again = await initIn({}, 'https://github.com/acme/shop');
    const other = await initIn({}, 'https://github.com/acme/billing.git');
    expect(cronOf(first.workflow)).toBe(sweepCron('acme/shop'));
    expect(cronOf(again.workflow)).toBe(cronOf(first.workflow));
    expect(cronOf(other.workflow)).toBe(sweepCron('acme/billing'));
    expect(cronOf(other.workflow)).not.toBe(cronOf(first.workflow));
    expect(first.workflow).not.toContain("'23 6 * * *'");
  });

  it("takes the folder's name when there is no remote", async () => {
    const { workflow, folder } = await initIn({});
    expect(cronOf(workflow)).toBe(sweepCron(basename(folder)));
  });
});
