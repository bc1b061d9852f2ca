import { gatingOf } from '../src/evaluate/gating.js';
import type { BaseReference } from '../src/policy/base-reference.js';
import type { PolicyLoad } from '../src/policy/load-policy.js';
import { resolvePolicy, type BaseAnswer } from '../src/policy/resolve-policy.js';

// gate.branches is the repository's own, but it cannot point the gate away from the branches a base gates.
const LOCAL = '.github/checklist-gate.yml';
const BASE = 'acme/release-policies/production.yml@v3';
const MIDDLE = 'acme/release-policies/team.yml@v1';

function resolve(local: string, texts: Record<string, string>): Promise<PolicyLoad> {
  const readBase = async (base: BaseReference): Promise<BaseAnswer> => {
    const text = texts[`${base.owner}/${base.repo}/${base.path}@${base.ref ?? ''}`];
    return text === undefined ? { ok: false, status: 404 } : { ok: true, text };
  };
  return resolvePolicy(local, LOCAL, { readBase, access: () => 'Give the token contents: read.' });
}

const base = (branches: string | null) =>
  `version: 1\n${branches === null ? '' : `gate:\n  branches: ${branches}\n`}items:\n  - id: rollback\n    text: Rollback plan tested\n`;
const local = (branches: string, extendsWhat = BASE) =>
  `version: 1\nextends: ${extendsWhat}\ngate:\n  branches: ${branches}\n`;

async function gatedBranches(load: PolicyLoad, branches: string[], defaultBranch = 'main') {
  if (!load.ok) throw new Error(`expected a policy, got ${JSON.stringify(load.errors)}`);
  return branches.filter(
    (branch) =>
      gatingOf(
        load.policy,
        { baseRef: branch, headRef: 'release/1', title: 'Release', labels: [] },
        defaultBranch,
      ).gated,
  );
}

describe('gate.branches over a base that lists branches', () => {
  it('refuses a local list that drops a base branch, naming both files, line and column', async () => {
    const load = await resolve(local('[develop]'), { [BASE]: base('[main, "release/*"]') });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.errors).toEqual([
      {
        file: LOCAL,
        line: 4,
        column: 3,
        message:
          'gate.branches no longer gates "main", "release/*", which the base policy gates; list every branch the base gates (main, release/*) and add your own after them (locked by acme/release-policies/production.yml@v3:3:3).',
      },
    ]);
  });

  it('accepts a list that keeps every base branch and adds others, and gates all of them', async () => {
    const load = await resolve(local('["release/*", main, develop]'), {
      [BASE]: base('[main, "release/*"]'),
    });
    expect(await gatedBranches(load, ['main', 'release/1.2', 'develop', 'feature/x'])).toEqual([
      'main',
      'release/1.2',
      'develop',
    ]);
  });

  it('counts a base branch name as kept when a local glob matches it, but never judges glob against glob', async () => {
    expect((await resolve(local('["*"]'), { [BASE]: base('[main]') })).ok).toBe(true);
    const load = await resolve(local('["release/**"]'), { [BASE]: base('["release/*"]') });
    expect(load.ok).toBe(false);
  });

  it('takes the base list when the local file sets none', async () => {
    const load = await resolve(`version: 1\nextends: ${BASE}\n`, { [BASE]: base('[production]') });
    expect(await gatedBranches(load, ['main', 'production'])).toEqual(['production']);
  });

  it('holds through a chain: the middle file cannot drop the deepest base branch either', async () => {
    const texts = {
      [BASE]: base('[main]'),
      [MIDDLE]: `version: 1\nextends: ${BASE}\ngate:\n  branches: [main, staging]\n`,
    };
    const dropped = await resolve(local('[main]', MIDDLE), texts);
    expect(dropped.ok).toBe(false);
    if (!dropped.ok)
      expect(dropped.errors[0]?.message).toContain(
        'no longer gates "staging", which the base policy gates; list every branch the base gates (main, staging)',
      );
    expect(
      await gatedBranches(await resolve(local('[main, staging, qa]', MIDDLE), texts), [
        'main',
        'staging',
        'qa',
      ]),
    ).toEqual(['main', 'staging', 'qa']);
  });
});

describe('gate.branches over a base that gates the default branch', () => {
  it('keeps the default branch gated beside a local list that does not name it', async () => {
    const load = await resolve(local('[develop]'), { [BASE]: base(null) });
    expect(await gatedBranches(load, ['main', 'develop', 'feature/x'])).toEqual(['main', 'develop']);
    // The default branch is the repository's, whatever it is called.
    expect(await gatedBranches(load, ['trunk', 'main'], 'trunk')).toEqual(['trunk']);
  });

  it('without a base, a local list is the whole list', async () => {
    const load = await resolve('version: 1\ngate:\n  branches: [develop]\n', {});
    expect(await gatedBranches(load, ['main', 'develop'])).toEqual(['develop']);
  });
});
