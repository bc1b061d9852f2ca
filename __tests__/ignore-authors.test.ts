import { gatingOf } from '../src/evaluate/gating.js';
import { gatingOfKnown, type KnownFacts } from '../src/evaluate/partial-gating.js';
import type { BaseReference } from '../src/policy/base-reference.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy, PolicyError } from '../src/policy/policy.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';

// Issue 25: gate.pull-requests.ignore-authors, and gating with the facts the CLI is given.
const FILE = '.github/checklist-gate.yml';
const BOTS = "gate:\n  pull-requests:\n    ignore-authors: ['dependabot[bot]', 'renovate[bot]']\n";
const RELEASES =
  "gate:\n  pull-requests:\n    labels: [release]\n    ignore-authors: ['dependabot[bot]', 'renovate[bot]']\n";

function policyOf(text: string): Policy {
  const loaded = loadPolicy(text, FILE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.policy;
}

const pr = { baseRef: 'main', headRef: 'deps/bump', title: 'Bump x', labels: [] as string[] };
const BY_BOT =
  'Not gated: pull requests by dependabot[bot] are not gated (gate.pull-requests.ignore-authors)';

describe('gate.pull-requests.ignore-authors', () => {
  it('alone: the listed authors are not gated, everyone else is', () => {
    const policy = policyOf(`version: 1\n${BOTS}`);
    expect(policy.gate.pullRequests).toBeNull();
    expect(gatingOf(policy, { ...pr, author: 'dependabot[bot]' }, 'main')).toEqual({
      gated: false,
      description: BY_BOT,
    });
    expect(gatingOf(policy, { ...pr, author: 'Dependabot[bot]' }, 'main').gated).toBe(false);
    expect(gatingOf(policy, { ...pr, author: 'alice' }, 'main')).toEqual({ gated: true });
    expect(gatingOf(policy, { ...pr, author: null }, 'main')).toEqual({ gated: true });
  });

  it('beside a selector: a bot’s pull request with the release label is still not gated', () => {
    const policy = policyOf(`version: 1\n${RELEASES}`);
    expect(gatingOf(policy, { ...pr, labels: ['release'], author: 'renovate[bot]' }, 'main').gated).toBe(
      false,
    );
    expect(gatingOf(policy, { ...pr, labels: ['release'], author: 'alice' }, 'main')).toEqual({
      gated: true,
    });
  });

  it('the base branch is looked at first', () => {
    const policy = policyOf(`version: 1\n${BOTS}`);
    expect(gatingOf(policy, { ...pr, baseRef: 'develop', author: 'dependabot[bot]' }, 'main')).toEqual({
      gated: false,
      description: 'Not gated: the policy does not gate the base branch develop',
    });
  });
});

describe('ignore-authors under extends: never widened', () => {
  const BASE = 'acme/release-policies/production.yml@v1';
  const header = `version: 1\nextends: ${BASE}\n`;
  const resolve = (local: string, base: string) =>
    resolvePolicy(local, FILE, {
      readBase: async (_reference: BaseReference) => ({ ok: true, text: base }),
      access: () => 'no access',
    });
  const messages = (errors: PolicyError[]) => errors.map((error) => error.message.split(' (locked')[0]);

  it('keeps the base’s list, and accepts a shorter one', async () => {
    const kept = await resolve(header, `version: 1\n${BOTS}`);
    expect(kept.ok && kept.policy.gate.ignoreAuthors).toEqual(['dependabot[bot]', 'renovate[bot]']);
    const shorter = await resolve(
      `${header}gate:\n  pull-requests:\n    ignore-authors: ['dependabot[bot]']\n`,
      `version: 1\n${BOTS}`,
    );
    expect(shorter.ok && shorter.policy.gate.ignoreAuthors).toEqual(['dependabot[bot]']);
  });

  it('refuses an author the base does not skip', async () => {
    const load = await resolve(
      `${header}gate:\n  pull-requests:\n    ignore-authors: ['dependabot[bot]', 'alice']\n`,
      `version: 1\n${BOTS}`,
    );
    expect(load.ok ? [] : messages(load.errors)).toEqual([
      'gate.pull-requests.ignore-authors adds "alice", which the base policy does not skip; a policy may skip only the authors its base skips',
    ]);
  });

  it('refuses any author over a base that skips none', async () => {
    const load = await resolve(`${header}${BOTS}`, 'version: 1\n');
    expect(load.ok ? [] : messages(load.errors)).toEqual([
      'gate.pull-requests.ignore-authors adds "dependabot[bot]", "renovate[bot]", which the base policy does not skip; a policy may skip only the authors its base skips',
    ]);
  });

  it('refuses a selector over a base that only skips authors (it gates every other pull request)', async () => {
    const load = await resolve(
      `${header}gate:\n  pull-requests:\n    labels: [release]\n    ignore-authors: ['dependabot[bot]']\n`,
      `version: 1\n${BOTS}`,
    );
    expect(load.ok ? [] : messages(load.errors)).toEqual([
      'gate.pull-requests would gate only some pull requests, but the base policy gates every pull request into a gated branch',
    ]);
  });
});

describe('gating with the facts given offline', () => {
  const policy = policyOf(`version: 1\ngate:\n  branches: [main]\n${RELEASES.replace('gate:\n', '')}`);
  const none: KnownFacts = {
    event: 'pull_request',
    base: null,
    head: null,
    title: null,
    labels: null,
    author: null,
    defaultBranch: 'main',
  };

  it('no facts: a gated release pull request, and says so', () => {
    expect(gatingOfKnown(policy, none)).toEqual({
      gating: { gated: true },
      assumed: [
        'No --base, --head, --title, --label or --author was given: judged as a gated release pull request.',
      ],
    });
  });

  it('says nothing where the policy gates every pull request alike', () => {
    expect(gatingOfKnown(policyOf('version: 1\n'), none)).toEqual({ gating: { gated: true }, assumed: [] });
  });

  it('a base alone: the branch decides, and the pull request is taken to be a release one', () => {
    expect(gatingOfKnown(policy, { ...none, base: 'develop' }).gating.gated).toBe(false);
    expect(gatingOfKnown(policy, { ...none, base: 'main' })).toEqual({
      gating: { gated: true },
      assumed: [
        'No --head, --title or --label was given: the pull request was taken to be a release pull request.',
      ],
    });
  });

  it('a label given: the selector decides, and the unknown base is taken to be gated', () => {
    expect(gatingOfKnown(policy, { ...none, labels: ['ui'] })).toEqual({
      gating: {
        gated: false,
        description: 'Not gated: not a release pull request (one needs a label release)',
      },
      assumed: ['No --base was given: the base branch was taken to be gated.'],
    });
  });

  it('an author the policy skips', () => {
    expect(gatingOfKnown(policy, { ...none, author: 'renovate[bot]' }).gating).toEqual({
      gated: false,
      description:
        'Not gated: pull requests by renovate[bot] are not gated (gate.pull-requests.ignore-authors)',
    });
  });

  it('a release: gated unless the policy says releases are not', () => {
    expect(gatingOfKnown(policy, { ...none, event: 'release' }).gating).toEqual({ gated: true });
    const off = policyOf('version: 1\ngate:\n  releases: false\n');
    expect(gatingOfKnown(off, { ...none, event: 'release' }).gating).toEqual({
      gated: false,
      description: 'Not gated: the policy does not gate releases',
    });
  });
});
