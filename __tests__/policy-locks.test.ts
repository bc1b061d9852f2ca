// The locks between policy layers (layerOver and its parts, src/policy/layer-*.ts and lock-*.ts),
// key by key as docs/policy.md's table says: what a file laid over a base (a shared base, or the
// organisation policy) may tighten or set as its own, and which loosening is refused, naming both places.
import { loadPolicyFile, type PolicyFile } from '../src/policy/load-policy.js';
import { layerOver, singleLayer } from '../src/policy/policy-locks.js';
import { parseBaseReference, type BaseReference } from '../src/policy/base-reference.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import { ACCESS, reader } from './helpers/base-reader.js';

const BASE = 'acme/policies/base.yml';
const LOCAL = '.github/checklist-gate.yml';

function fileOf(text: string, name: string): PolicyFile {
  const load = loadPolicyFile(text, name);
  if (!load.ok) throw new Error(JSON.stringify(load.errors));
  return load.policyFile;
}

/** The errors of laying `local` over `base` (both YAML, `version: 1` added), or 'ok'. */
function layered(base: string, local: string): 'ok' | string[] {
  const result = layerOver(
    singleLayer(fileOf(`version: 1\n${base}`, BASE)),
    fileOf(`version: 1\n${local}`, LOCAL),
  );
  return result.ok ? 'ok' : result.errors.map((error) => `${error.file}:${error.line}: ${error.message}`);
}

const ITEM = 'items:\n  - id: rollback\n    text: Rollback plan tested\n';
const item = (more: string) =>
  `${ITEM}${more
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `    ${line}\n`)
    .join('')}`;
const overItem = (more: string) =>
  `items:\n  - id: rollback\n${more
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `    ${line}\n`)
    .join('')}`;

describe('what a file laid over a base may not loosen', () => {
  it.each([
    [
      'gate.branches: a branch the base gates left out',
      'gate:\n  branches: [main, release/*]\n',
      'gate:\n  branches: [main]\n',
      /release\/\*/,
    ],
    [
      'gate.releases: false over a base that gates releases',
      'gate:\n  releases: true\n',
      'gate:\n  releases: false\n',
      /releases/,
    ],
    [
      'gate.pull-requests: fewer pull requests gated',
      'gate:\n  pull-requests:\n    head-branches: [release/*]\n    labels: [release]\n',
      'gate:\n  pull-requests:\n    head-branches: [release/*]\n',
      /labels|release/,
    ],
    [
      'checklist.required: false over true',
      'checklist:\n  required: true\n',
      'checklist:\n  required: false\n',
      /required/,
    ],
    ['unlisted: optional over required', 'unlisted: required\n', 'unlisted: optional\n', /unlisted/],
    [
      'not-applicable: with-reason over never',
      'not-applicable: never\n',
      'not-applicable: with-reason\n',
      /not-applicable/,
    ],
    [
      'sections[].require: any over all',
      'sections:\n  - heading: Checks\n    require: all\n',
      'sections:\n  - heading: Checks\n    require: any\n',
      /require/,
    ],
    ['items[].required: false over true', ITEM, overItem('required: false'), /required: false/],
    ['items[].text: another task item', ITEM, overItem('text: Something else'), /text/],
    ['items[].when: a condition the base has not', ITEM, overItem('when:\n  labels: [db]'), /when/],
    ['items[].evidence.min: lowered', item('evidence:\n  min: 2'), overItem('evidence:\n  min: 1'), /min/],
    [
      'items[].evidence.verify: removed',
      item('evidence:\n  verify: true'),
      overItem('evidence:\n  verify: false'),
      /verify/,
    ],
    [
      'items[].approvers: a name added',
      item('approvers: [alice]'),
      overItem('approvers: [alice, mallory]'),
      /mallory|approvers/,
    ],
    [
      'emergency: defined over a base that forbids it',
      'emergency: never\n',
      'emergency:\n  label: emergency\n  approvers: [lead]\n',
      /emergency/,
    ],
    ['policy-owners: changed', 'policy-owners: [alice]\n', 'policy-owners: [mallory]\n', /policy-owners/],
  ])('%s', (_name, base, local, said) => {
    const errors = layered(base, local);
    expect(errors).not.toBe('ok');
    expect(errors).toEqual([expect.stringMatching(said)]);
    // Both places: the local line, and where the base locks it.
    expect(errors[0]).toMatch(new RegExp(`^${LOCAL.replace(/\./g, '\\.')}:\\d+: .*${BASE}`));
  });
});

describe('what a file laid over a base may tighten, or set as its own', () => {
  it.each([
    ['gate.branches: more branches', 'gate:\n  branches: [main]\n', 'gate:\n  branches: [main, hotfix/*]\n'],
    [
      'gate.pull-requests: more pull requests gated',
      'gate:\n  pull-requests:\n    labels: [release]\n',
      'gate:\n  pull-requests:\n    labels: [release, ship]\n',
    ],
    [
      "checklist.heading, verification.max-links: the repository's own",
      'checklist:\n  heading: Checks\nverification:\n  max-links: 20\n',
      'checklist:\n  heading: Release\nverification:\n  max-links: 5\n',
    ],
    ['unlisted: required over optional', 'unlisted: optional\n', 'unlisted: required\n'],
    ['not-applicable: never over with-reason', 'not-applicable: with-reason\n', 'not-applicable: never\n'],
    [
      'sections[].require: all over any',
      'sections:\n  - heading: Checks\n    require: any\n',
      'sections:\n  - heading: Checks\n    require: all\n',
    ],
    ['items[].required: true over false', item('required: false'), overItem('required: true')],
    ['items[].evidence.min: raised', item('evidence:\n  min: 1'), overItem('evidence:\n  min: 2')],
    [
      "items[].approvers: only some of the base's",
      item('approvers: [alice, bob]'),
      overItem('approvers: [alice]'),
    ],
    ['a new item, required', ITEM, 'items:\n  - id: flags\n    text: Flags off\n'],
    [
      'emergency: forbidden over a base that defines it',
      'emergency:\n  label: emergency\n  approvers: [lead]\n',
      'emergency: never\n',
    ],
  ])('%s', (_name, base, local) => {
    expect(layered(base, local)).toBe('ok');
  });
});

describe('what the layer keeps', () => {
  it("the stricter of the two, and each item's files in order", () => {
    const result = layerOver(
      singleLayer(fileOf(`version: 1\nunlisted: optional\n${item('evidence:\n  min: 1')}`, BASE)),
      fileOf(`version: 1\nunlisted: required\n${overItem('evidence:\n  min: 3')}`, LOCAL),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.layered.raw.unlisted).toBe('required');
    expect(result.layered.raw.items?.[0]?.evidence?.min).toBe(3);
    expect(result.layered.itemFrom).toEqual([[BASE, LOCAL]]);
  });
});

describe("the organisation policy's locks on a repository", () => {
  const ORG = 'acme/.github/policies/release.yml@v1';
  const orgPolicy = `version: 1\nunlisted: required\n${item('approvers: [lead]')}`;
  const resolve = (local: string) =>
    resolvePolicy(`version: 1\n${local}`, LOCAL, {
      readBase: reader({ [ORG]: orgPolicy }).readBase,
      access: ACCESS,
      orgPolicy: parseBaseReference(ORG) as BaseReference,
    });

  it.each([
    ['an item made optional', overItem('required: false')],
    ['an approver added', overItem('approvers: [lead, mallory]')],
    ['unlisted items made optional', 'unlisted: optional\n'],
  ])('a repository may not loosen it: %s', async (_name, local) => {
    const load = await resolve(local);
    expect(load.ok ? [] : load.errors.map((error) => [error.file, error.message.includes(ORG)])).toEqual([
      [LOCAL, true],
    ]);
  });

  it('a repository may add to it and set its own keys', async () => {
    const load = await resolve(
      'checklist:\n  heading: Release\nitems:\n  - id: flags\n    text: Flags off\n',
    );
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(load.policy.items.map((rule) => [rule.id, rule.required])).toEqual([
      ['rollback', true],
      ['flags', true],
    ]);
  });
});
