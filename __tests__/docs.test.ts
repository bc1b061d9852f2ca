// Keeps the README and docs/ honest: every relative link resolves, every YAML block is a policy that
// validates or a workflow whose steps use the action's real inputs, the README's shell blocks run
// as written (against a scratch repository), the README's tables are action.yml's and the policy
// reference's key table is the schema's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import { withActionTables } from '../docs/action-tables.mjs';
import { withSchemaTable } from '../docs/schema-table.mjs';
import { WORKFLOW } from '../src/cli/init-command.js';
import { loadPolicyFile } from '../src/policy/load-policy.js';
import { type Block, codeBlocks, PAGES, read, RELEASE_CHECKLIST, ROOT, walk } from './helpers/doc-pages.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');

function anchors(page: string): Set<string> {
  const found = new Set<string>();
  walk(page, (node) => {
    if (node.type !== 'heading') return;
    let text = '';
    const inner = node.walker();
    for (let event = inner.next(); event; event = inner.next())
      if (event.entering && (event.node.type === 'text' || event.node.type === 'code'))
        text += event.node.literal;
    found.add(anchorOf(text));
  });
  return found;
}

describe('links in the README and docs/', () => {
  it.each(PAGES)('every relative link in %s resolves, anchors included', (page) => {
    const broken: string[] = [];
    walk(page, (node) => {
      if ((node.type !== 'link' && node.type !== 'image') || !node.destination) return;
      const destination = node.destination;
      if (/^[a-z]+:/i.test(destination)) return;
      const [path = '', fragment] = destination.split('#');
      const target = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
      if (target.startsWith('..') || !existsSync(join(ROOT, target)))
        broken.push(`${destination} (no ${target})`);
      else if (fragment && target.endsWith('.md') && !anchors(target).has(fragment))
        broken.push(`${destination} (no heading #${fragment} in ${target})`);
    });
    expect(broken).toEqual([]);
  });

  it('the README links every page of docs/', () => {
    const linked = new Set<string>();
    walk('README.md', (node) => {
      if (node.type === 'link' && node.destination) linked.add(node.destination.split('#')[0] ?? '');
    });
    expect(PAGES.filter((page) => page.startsWith('docs/') && !linked.has(page))).toEqual([]);
  });
});

type Step = { uses?: string; with?: Record<string, unknown> };
type Job = { steps?: Step[]; 'runs-on'?: unknown; uses?: string; needs?: unknown };

const action = parse(read('action.yml')) as { inputs: Record<string, unknown> };

/** Each step that uses this action passes only inputs action.yml declares. */
function unknownInputs(steps: Step[]): string[] {
  return steps
    .filter((step) => step.uses?.startsWith('checklist-gate/checklist-gate@'))
    .flatMap((step) => Object.keys(step.with ?? {}).filter((name) => !(name in action.inputs)));
}

describe('YAML blocks in the README and docs/', () => {
  const blocks = PAGES.flatMap(codeBlocks).filter((block) => block.info === 'yaml');

  it('there are YAML blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(4);
  });

  it.each(blocks.map((block) => [`${block.page}:${block.line}`, block] as const))(
    '%s is a valid policy, workflow or steps of one',
    (_where, block) => {
      const data = parse(block.text) as Record<string, unknown>;
      if ('version' in data) {
        const load = loadPolicyFile(block.text, `${block.page}:${block.line}`);
        expect(
          load.ok ? [] : load.errors.map((error) => `${error.line}:${error.column}: ${error.message}`),
        ).toEqual([]);
      } else if ('jobs' in data) {
        expect(data).toHaveProperty('on');
        const jobs = Object.values(data['jobs'] as Record<string, Job>);
        for (const job of jobs) {
          expect(job['runs-on'] ?? job.uses).toBeDefined();
          if (job.uses === undefined) expect(Array.isArray(job.steps)).toBe(true);
        }
        expect(unknownInputs(jobs.flatMap((job) => job.steps ?? []))).toEqual([]);
      } else if ('steps' in data) {
        expect(Array.isArray(data['steps'])).toBe(true);
        expect(unknownInputs(data['steps'] as Step[])).toEqual([]);
      } else {
        throw new Error(
          `${block.page}:${block.line}: a YAML block that is neither a policy, a workflow nor steps`,
        );
      }
    },
  );

  it("the README's workflow is what init writes, comments aside", () => {
    const readmeWorkflow = blocks.find(
      (block) => block.page === 'README.md' && /^name: checklist-gate$/m.test(block.text),
    );
    expect(readmeWorkflow).toBeDefined();
    expect(parse(readmeWorkflow!.text)).toEqual(parse(WORKFLOW));
  });

  it("the README's policy validates with the CLI as the README says", () => {
    const policy = blocks.find((block) => block.page === 'README.md' && /^version: 1$/m.test(block.text));
    expect(policy).toBeDefined();
    expect(loadPolicyFile(policy!.text, '.github/checklist-gate.yml').ok).toBe(true);
  });
});

describe("the policy reference's sample error", () => {
  it('is the message the validator gives, allowed keys and all', () => {
    const sample = codeBlocks('docs/policy.md').find((block) => block.text.includes('unknown key "requird"'));
    expect(sample).toBeDefined();
    // A policy with the typo at line 7, column 5, as the sample says.
    const typo = ['version: 1', '', '', '', 'items:', '  - id: a', '    requird: true', ''].join('\n');
    const loaded = loadPolicyFile(typo, '.github/checklist-gate.yml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const [error] = loaded.errors;
    expect(`${error!.file}:${error!.line}:${error!.column}: ${error!.message}`).toBe(sample!.text.trim());
  });
});

describe("the README's tables of inputs and outputs", () => {
  it('are generated from action.yml (npm run docs:tables)', () => {
    const readme = read('README.md');
    expect(withActionTables(readme, read('action.yml'))).toBe(readme);
  });
});

describe("docs/policy.md's table of every key", () => {
  it('is generated from the policy schema (npm run docs:tables)', () => {
    const page = read('docs/policy.md');
    const schema: unknown = JSON.parse(read('src/policy/checklist-gate.schema.json'));
    expect(withSchemaTable(page, schema)).toBe(page);
  });
});

describe("the README's shell blocks", () => {
  const blocks = codeBlocks('README.md').filter((block) => block.info === 'sh');
  const CLONE_URL = 'https://github.com/checklist-gate/checklist-gate.git';
  let scratch: string;

  beforeAll(() => {
    scratch = scratchFolder('docs');
  });
  afterAll(() => removeFolder(scratch));

  it('name only npm scripts that exist, where they are the development commands', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const named = blocks.flatMap((block) => [...block.text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !(name in scripts))).toEqual([]);
  });

  it("name the tarball npm pack makes of package.json's version", () => {
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    const named = [...read('README.md').matchAll(/checklist-gate-(\d+\.\d+\.\d+)\.tgz/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((tarball) => tarball !== version)).toEqual([]);
  });

  it('install the CLI from a clone, then init, validate and commit in a repository, as written', () => {
    const development = (block: Block) => /\bnpm (ci|test)\b/.test(block.text);
    const [install, ...inRepository] = blocks.filter((block) => !development(block));
    expect(install!.text).toContain(CLONE_URL);
    // The clone comes from this checkout, committed as it is, instead of from GitHub.
    const origin = join(scratch, 'origin', 'checklist-gate.git');
    execFileSync('git', ['clone', '-q', '--bare', '--no-hardlinks', ROOT, origin]);
    const home = join(scratch, 'home');
    const repository = join(scratch, 'repository');
    mkdirSync(home);
    mkdirSync(repository);
    const env = {
      ...process.env,
      HOME: home,
      PATH: `${join(home, 'npm', 'bin')}:${process.env['PATH']}`,
      npm_config_prefix: join(home, 'npm'),
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      GIT_AUTHOR_NAME: 'A Releaser',
      GIT_AUTHOR_EMAIL: 'releaser@example.com',
      GIT_COMMITTER_NAME: 'A Releaser',
      GIT_COMMITTER_EMAIL: 'releaser@example.com',
    };
    const sh = (script: string, cwd: string) =>
      execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', stdio: 'pipe' });
    sh(install!.text.replace(CLONE_URL, `file://${origin}`), home);
    execFileSync('git', ['init', '-q'], { cwd: repository });
    // The team's own checklist, which the README's `init --from` reads.
    mkdirSync(join(repository, 'docs'));
    writeFileSync(join(repository, 'docs', 'RELEASE_CHECKLIST.md'), RELEASE_CHECKLIST);
    for (const block of inRepository) sh(block.text, repository);
    const committed = execFileSync('git', ['show', '--name-only', '--format=%s', 'HEAD'], {
      cwd: repository,
      encoding: 'utf8',
    });
    expect(committed.split('\n').filter(Boolean).sort()).toEqual(
      [
        '.github/PULL_REQUEST_TEMPLATE/release.md',
        '.github/checklist-gate.yml',
        '.github/workflows/checklist-gate.yml',
        'Gate releases with checklist-gate',
      ].sort(),
    );
  });
});

describe("action.yml fits GitHub Marketplace's rules", () => {
  const metadata = parse(read('action.yml')) as {
    name?: string;
    description?: string;
    branding?: { icon?: string; color?: string };
    inputs: Record<string, { description?: string }>;
    outputs: Record<string, { description?: string }>;
  };
  // The colours Marketplace accepts for branding.
  const COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

  it('has a name, a description under 125 characters and branding', () => {
    expect(metadata.name).toMatch(/\S/);
    expect(metadata.description!.length).toBeLessThan(125);
    expect(metadata.branding?.icon).toMatch(/^[a-z0-9-]+$/);
    expect(COLORS).toContain(metadata.branding?.color);
  });

  it('describes every input and output', () => {
    const undescribed = [
      ...Object.entries(metadata.inputs).map(([name, input]) => ['input', name, input.description] as const),
      ...Object.entries(metadata.outputs).map(
        ([name, output]) => ['output', name, output.description] as const,
      ),
    ].filter(([, , description]) => !description?.trim());
    expect(undescribed).toEqual([]);
  });
});
