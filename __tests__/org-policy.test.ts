import {
  baseLabel,
  organisationPolicyAt,
  parseBaseReference,
  type BaseReference,
} from '../src/policy/base-reference.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import { ACCESS, reader } from './helpers/base-reader.js';

const LOCAL = '.github/checklist-gate.yml';
const ORG_LABEL = 'acme/.github/policies/release.yml@v1';
const ORG = parseBaseReference(ORG_LABEL) as BaseReference;
const SHARED = 'acme/policies/common.yml';

const ORG_POLICY = `version: 1
items:
  - id: rollback
    text: Rollback plan tested
`;

function resolve(local: string | null, texts: Record<string, string | number> = { [ORG_LABEL]: ORG_POLICY }) {
  const read = reader(texts);
  return {
    asked: read.asked,
    load: resolvePolicy(local, LOCAL, { readBase: read.readBase, access: ACCESS, orgPolicy: ORG }),
  };
}

describe('an organisation policy under the repository policy', () => {
  it('stands alone where the repository has no policy file', async () => {
    const load = await resolve(null).load;
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(load.policy.source).toEqual({ kind: 'file', path: ORG_LABEL });
    expect(load.policy.organisation).toBe(ORG_LABEL);
    expect(load.policy.items.map((item) => [item.id, item.from])).toEqual([['rollback', [ORG_LABEL]]]);
    expect(load.policy.read?.map((file) => file.file)).toEqual([ORG_LABEL]);
  });

  it('lies under a local policy and its own base, each locking what is above it', async () => {
    const local = `version: 1\nextends: ${SHARED}\nitems:\n  - id: flags\n    text: Flags off\n`;
    const shared = 'version: 1\nitems:\n  - id: notes\n    text: Notes written\n';
    const { load: loading, asked } = resolve(local, { [ORG_LABEL]: ORG_POLICY, [SHARED]: shared });
    const load = await loading;
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(asked).toEqual([SHARED, ORG_LABEL]);
    expect(load.policy.items.map((item) => [item.id, item.from])).toEqual([
      ['rollback', [ORG_LABEL]],
      ['notes', [SHARED]],
      ['flags', [LOCAL]],
    ]);
    expect(load.policy.bases).toEqual([SHARED, ORG_LABEL]);
    // A local base may not weaken the organisation policy either.
    const weak = `version: 1\nitems:\n  - id: rollback\n    required: false\n`;
    const refused = await resolve(local, { [ORG_LABEL]: ORG_POLICY, [SHARED]: weak }).load;
    expect(refused.ok ? [] : refused.errors.map((error) => [error.file, error.line])).toEqual([[SHARED, 4]]);
  });

  it('is read once, not twice, when the local policy extends it itself', async () => {
    const local = `version: 1\nextends: ${ORG_LABEL}\n`;
    const { load: loading, asked } = resolve(local);
    const load = await loading;
    expect(load.ok).toBe(true);
    expect(asked).toEqual([ORG_LABEL]);
  });

  it('fails closed when it cannot be read, naming it and the access needed', async () => {
    const load = await resolve('version: 1\n', { [ORG_LABEL]: 403 }).load;
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.errors).toEqual([
      {
        file: LOCAL,
        line: null,
        column: null,
        message: expect.stringContaining(
          `cannot read the organisation policy ${ORG_LABEL}: repository acme/.github, path policies/release.yml, ref v1. GitHub answered 403`,
        ),
      },
    ]);
    expect(load.errors[0]?.message).toContain('Give the token contents: read on acme/.github.');
    const alone = await resolve(null, {}).load;
    expect(alone.ok ? [] : alone.errors.map((error) => error.file)).toEqual([ORG_LABEL]);
  });

  it("defaults, for the server, to the organisation's .github repository", () => {
    expect(baseLabel(organisationPolicyAt('acme'))).toBe('acme/.github/.github/checklist-gate.yml');
  });

  it('names itself before its own errors when it is invalid', async () => {
    const load = await resolve('version: 1\n', { [ORG_LABEL]: 'version: 1\nitemz: []\n' }).load;
    expect(load.ok ? [] : load.errors.map((error) => [error.file, error.message.slice(0, 77)])).toEqual([
      [LOCAL, `the organisation policy ${ORG_LABEL}, which .github/c`],
      [ORG_LABEL, expect.any(String)],
    ]);
  });
});
