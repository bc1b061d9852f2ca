import { gatingOf } from '../src/evaluate/gating.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy, PolicyError } from '../src/policy/policy.js';
import type { BaseReference } from '../src/policy/base-reference.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';

const FILE = '.github/checklist-gate.yml';
const SELECTOR = `gate:
  pull-requests:
    head-branches: ["release/**"]
    labels: [release]
    title: '^Release '
`;

function policyOf(text: string): Policy {
  const loaded = loadPolicy(text, FILE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.policy;
}

const feature = { baseRef: 'main', headRef: 'feature/login', title: 'Add login', labels: ['ui'] };

describe('gate.pull-requests: only release pull requests are gated', () => {
  const policy = policyOf(`version: 1\n${SELECTOR}`);

  it('gates a pull request when any one entry holds', () => {
    expect(gatingOf(policy, { ...feature, headRef: 'release/2.4' }, 'main')).toEqual({ gated: true });
    expect(gatingOf(policy, { ...feature, labels: ['ui', 'Release'] }, 'main')).toEqual({ gated: true });
    expect(gatingOf(policy, { ...feature, title: 'Release 2.4' }, 'main')).toEqual({ gated: true });
  });

  it('tells a feature pull request why it is not gated', () => {
    expect(gatingOf(policy, feature, 'main')).toEqual({
      gated: false,
      description:
        'Not gated: not a release pull request (one needs a head branch release/**, label release or title matching ^Release )',
    });
  });

  it('combines with gate.branches: a release pull request into an ungated branch is not gated', () => {
    expect(gatingOf(policy, { ...feature, baseRef: 'develop', title: 'Release 2.4' }, 'main')).toEqual({
      gated: false,
      description: 'Not gated: the policy does not gate the base branch develop',
    });
  });

  it('gates every pull request into a gated branch when the policy does not say', () => {
    expect(gatingOf(policyOf('version: 1\n'), feature, 'main')).toEqual({ gated: true });
  });

  it('refuses an invalid regular expression in title, naming its line and column', () => {
    const loaded = loadPolicy('version: 1\ngate:\n  pull-requests:\n    title: "^Release ("\n', FILE);
    expect(loaded.ok ? [] : loaded.errors).toEqual([
      {
        file: FILE,
        line: 4,
        column: 12,
        message:
          'gate.pull-requests.title is not a valid regular expression: Invalid regular expression: /^Release (/: Unterminated group.',
      },
    ]);
  });

  it('refuses an empty gate.pull-requests, which would gate nothing', () => {
    const loaded = loadPolicy('version: 1\ngate:\n  pull-requests: {}\n', FILE);
    expect(loaded.ok).toBe(false);
  });
});

describe('gate.pull-requests under extends: a local file may gate more pull requests, never fewer', () => {
  const BASE = 'acme/release-policies/production.yml@v1';
  const header = `version: 1\nextends: ${BASE}\n`;
  async function resolve(local: string, base: string) {
    return resolvePolicy(local, FILE, {
      readBase: async (_reference: BaseReference) => ({ ok: true, text: base }),
      access: () => 'no access',
    });
  }
  const messages = (errors: PolicyError[]) => errors.map((error) => error.message.split(' (locked')[0]);

  it('keeps the base selector when the local file does not set one, and accepts a wider one', async () => {
    const kept = await resolve(header, `version: 1\n${SELECTOR}`);
    expect(kept.ok && kept.policy.gate.pullRequests).toEqual({
      headBranches: ['release/**'],
      labels: ['release'],
      title: '^Release ',
    });
    const wider = await resolve(
      `${header}gate:\n  pull-requests:\n    head-branches: ["release/**", "hotfix/**"]\n    labels: [release]\n    title: '^Release '\n`,
      `version: 1\n${SELECTOR}`,
    );
    expect(wider.ok && wider.policy.gate.pullRequests?.headBranches).toEqual(['release/**', 'hotfix/**']);
  });

  it('refuses a selector over a base that gates every pull request', async () => {
    const load = await resolve(`${header}${SELECTOR}`, 'version: 1\n');
    expect(load.ok ? [] : messages(load.errors)).toEqual([
      'gate.pull-requests would gate only some pull requests, but the base policy gates every pull request into a gated branch',
    ]);
  });

  it('refuses dropping a label or changing the title', async () => {
    const load = await resolve(
      `${header}gate:\n  pull-requests:\n    head-branches: ["release/**"]\n    labels: [ship]\n    title: '^Release v'\n`,
      `version: 1\n${SELECTOR}`,
    );
    expect(load.ok ? [] : messages(load.errors)).toEqual([
      'gate.pull-requests.labels leaves out "release", which the base policy gates; list them too',
      'gate.pull-requests.title must stay "^Release " as the base policy writes it: another pattern could gate fewer pull requests',
    ]);
  });
});
