import type { Policy, PolicyError } from '../src/policy/policy.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import { ACCESS, reader } from './helpers/base-reader.js';

const LOCAL = '.github/checklist-gate.yml';
const BASE = 'acme/release-policies/checklists/production.yml@v3';

const BASE_POLICY = `version: 1
unlisted: optional
sections:
  - heading: Sign-off
    require: 2
items:
  - id: tests
    text: All tests passing
    evidence:
      min: 1
      allow: ["https://github.com/*/*/actions/runs/*", "https://ci.example.com/*"]
  - id: rollback
    text: Rollback plan tested
    approvers: [alice, acme/sre]
  - id: notes
    text: Release notes written
    required: false
`;

async function resolve(local: string, texts: Record<string, string | number> = { [BASE]: BASE_POLICY }) {
  return resolvePolicy(local, LOCAL, { readBase: reader(texts).readBase, access: ACCESS });
}

async function policyOf(local: string, texts?: Record<string, string | number>): Promise<Policy> {
  const load = await resolve(local, texts);
  if (!load.ok) throw new Error(`expected a policy, got ${JSON.stringify(load.errors, null, 2)}`);
  return load.policy;
}

async function errorsOf(local: string, texts?: Record<string, string | number>): Promise<PolicyError[]> {
  const load = await resolve(local, texts);
  if (load.ok) throw new Error('expected errors, got a policy');
  return load.errors;
}

const header = `version: 1\nextends: ${BASE}\n`;

describe('extends: a local policy on a base', () => {
  it('keeps the base items first, adds the local ones, and says where each rule comes from', async () => {
    const policy = await policyOf(`${header}items:\n  - id: flags\n    text: Feature flags default to off\n`);
    expect(policy.items.map((item) => [item.id, item.required, item.from])).toEqual([
      ['tests', true, [BASE]],
      ['rollback', true, [BASE]],
      ['notes', false, [BASE]],
      ['flags', true, [LOCAL]],
    ]);
    expect(policy.source).toEqual({ kind: 'file', path: LOCAL });
    expect(policy.unlisted).toBe('optional');
    expect(policy.sections).toEqual([{ heading: 'Sign-off', require: 2, when: null, line: 4 }]);
    expect(policy.items[0]?.line).toBe(7);
    expect(policy.items[3]?.line).toBe(4);
  });

  it('lets the local file tighten a base item and section, and set the repository keys', async () => {
    const policy = await policyOf(
      header +
        [
          'gate:',
          '  branches: [production]',
          'checklist:',
          '  heading: Release checklist',
          'unlisted: required',
          'verification:',
          '  max-links: 40',
          'sections:',
          '  - heading: sign-off',
          '    require: all',
          'items:',
          '  - id: tests',
          '    evidence:',
          '      min: 2',
          '      allow: ["https://github.com/*/*/actions/runs/*"]',
          '      verify: true',
          '      same-commit: true',
          '      hint: the CI run of this commit',
          '  - id: rollback',
          '    approvers: [acme/sre]',
          '  - id: notes',
          '    required: true',
          '    evidence:',
          '      allow: ["https://docs.example.com/*"]',
          '',
        ].join('\n'),
    );
    expect(policy.gate.branches).toEqual(['production']);
    expect(policy.checklist).toEqual({ heading: 'Release checklist', required: true });
    expect(policy.unlisted).toBe('required');
    expect(policy.verification.maxLinks).toBe(40);
    expect(policy.sections.map((section) => section.require)).toEqual(['all']);
    const [tests, rollback, notes] = policy.items;
    expect(tests?.evidence).toEqual({
      min: 2,
      allow: ['https://github.com/*/*/actions/runs/*'],
      hint: 'the CI run of this commit',
      repositories: [],
      verify: true,
      sameCommit: true,
      workflows: null,
      closedBy: null,
    });
    expect(tests?.text).toBe('All tests passing');
    expect(tests?.from).toEqual([BASE, LOCAL]);
    expect(rollback?.approvers).toEqual(['acme/sre']);
    expect(notes?.required).toBe(true);
    expect(notes?.evidence?.allow).toEqual(['https://docs.example.com/*']);
  });

  it.each([
    [
      'make an item optional',
      '  - id: tests\n    required: false\n',
      5,
      5,
      'required: false makes a locked item optional',
      `${BASE}:7:5`,
    ],
    [
      'lower evidence.min',
      '  - id: tests\n    evidence:\n      min: 0\n',
      6,
      7,
      "evidence.min: 0 is lower than the base policy's 1",
      `${BASE}:10:7`,
    ],
    [
      'widen evidence.allow',
      '  - id: tests\n    evidence:\n      allow: ["https://*"]\n',
      6,
      7,
      'evidence.allow "https://*" is not among',
      `${BASE}:11:7`,
    ],
    [
      'widen approvers',
      '  - id: rollback\n    approvers: [alice, mallory]\n',
      5,
      5,
      'approvers mallory would widen who may sign',
      `${BASE}:14:5`,
    ],
    [
      'add a when',
      '  - id: rollback\n    when:\n      labels: [risky]\n',
      5,
      5,
      'a when makes a locked item required less often',
      `${BASE}:12:5`,
    ],
    [
      'change the text',
      '  - id: rollback\n    text: Rollback considered\n',
      5,
      5,
      'text is locked by the base policy',
      `${BASE}:13:5`,
    ],
  ])(
    'refuses to %s, naming both files with line and column',
    async (_what, item, line, column, message, lock) => {
      const errors = await errorsOf(`${header}items:\n${item}`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: LOCAL, line, column });
      expect(errors[0]?.message).toContain(message);
      expect(errors[0]?.message).toContain(`(locked by ${lock})`);
    },
  );

  it('refuses to let runs of another repository count where the base names none, and lets a named one be narrowed', async () => {
    const base =
      'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n    evidence:\n      verify: true\n      same-commit: true\n      repositories: [acme/ci, acme/build]\n';
    const local = (repositories: string) =>
      `${header}items:\n  - id: tests\n    evidence:\n      verify: true\n      same-commit: true\n      repositories: [${repositories}]\n`;
    const wider = await errorsOf(local('acme/ci, someone/fork'), { [BASE]: base });
    expect(wider).toHaveLength(1);
    expect(wider[0]).toMatchObject({ file: LOCAL, line: 8, column: 7 });
    expect(wider[0]?.message).toContain('evidence.repositories "someone/fork" is not among');
    const narrowed = await resolve(local('ACME/ci'), { [BASE]: base });
    expect(narrowed.ok && narrowed.policy.items[0]?.evidence?.repositories).toEqual(['acme/ci']);
  });

  it('workflows and closed-by: a local file may name fewer than the base, never others', async () => {
    const base =
      'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n    evidence:\n      verify: true\n      workflows: [CI, .github/workflows/e2e.yml]\n      closed-by: [alice, acme/release]\n';
    const local = (workflows: string, closedBy: string) =>
      `${header}items:\n  - id: tests\n    evidence:\n      verify: true\n      workflows: [${workflows}]\n      closed-by: ${closedBy}\n`;
    const wider = await errorsOf(local('CI, Labeler', 'not-author'), { [BASE]: base });
    expect(wider.map((error) => [error.line, error.message.split(';')[0]])).toEqual([
      [7, 'items.0 (tests): evidence.workflows "Labeler" is not among the base policy\'s'],
      [8, 'items.0 (tests): evidence.closed-by "not-author" is not among the base policy\'s'],
    ]);
    const narrowed = await policyOf(local('CI', '[ACME/release]'), { [BASE]: base });
    expect(narrowed.items[0]?.evidence).toMatchObject({ workflows: ['CI'], closedBy: ['ACME/release'] });
    // Over a base that names none, any list narrows it; over not-author, only not-author stands.
    const open =
      'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n    evidence:\n      verify: true\n      closed-by: not-author\n';
    const added = await policyOf(local('Labeler', 'not-author'), { [BASE]: open });
    expect(added.items[0]?.evidence).toMatchObject({ workflows: ['Labeler'], closedBy: 'not-author' });
    expect(await errorsOf(local('CI', '[alice]'), { [BASE]: open })).toHaveLength(1);
  });

  it('refuses to relax a section or unlisted, or to stop gating releases and requiring a checklist', async () => {
    const errors = await errorsOf(
      header +
        'gate:\n  releases: false\nchecklist:\n  required: false\nunlisted: ignored\nsections:\n  - heading: Sign-off\n    require: any\n',
    );
    expect(errors.map((error) => [error.line, error.column, error.message.split(' (locked')[0]])).toEqual([
      [4, 3, 'gate.releases: false stops gating releases, which the base policy gates'],
      [
        6,
        3,
        'checklist.required: false lets a pull request without a checklist pass, which the base policy does not',
      ],
      [7, 1, "unlisted: ignored is looser than the base policy's unlisted: optional"],
      [10, 5, 'sections.0 ("Sign-off"): require: any relaxes the base policy\'s require: 2'],
    ]);
    expect(errors[2]?.message).toContain(`(locked by ${BASE}:2:1)`);
    // A value the base leaves at its default is locked by the base file as a whole.
    expect(errors[0]?.message).toContain(`(locked by ${BASE}).`);
  });

  it('refuses an optional item added over a base that requires every unnamed task item', async () => {
    const base = 'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n';
    const errors = await errorsOf(`${header}items:\n  - text: Anything else\n    required: false\n`, {
      [BASE]: base,
    });
    expect(errors).toEqual([
      {
        file: LOCAL,
        line: 5,
        column: 5,
        message: `items.0 is optional, but the base policy makes every task item that no rule names required (unlisted: required); an item added over it must be required, without when (locked by ${BASE}).`,
      },
    ]);
    // Over a base that leaves unnamed items optional, an optional local item asks no less.
    await expect(
      policyOf(`${header}items:\n  - text: Anything else\n    required: false\n`),
    ).resolves.toBeDefined();
  });

  it('refuses a section added over a base that requires every unnamed task item, unless it is require: all', async () => {
    const base = 'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n';
    const errors = await errorsOf(`${header}sections:\n  - heading: Extras\n    require: any\n`, {
      [BASE]: base,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: LOCAL, line: 5, column: 5 });
    expect(errors[0]?.message).toContain('sections.0 ("Extras") asks less than the base policy');
    const strict = await policyOf(`${header}sections:\n  - heading: Extras\n`, { [BASE]: base });
    expect(strict.sections.map((section) => section.require)).toEqual(['all']);
  });

  it('accepts a when or a text repeated exactly as the base writes it', async () => {
    const base = `version: 1\nitems:\n  - id: db\n    text: Migration rehearsed\n    when:\n      labels: [database]\n      paths: ["migrations/**"]\n`;
    const policy = await policyOf(
      `${header}items:\n  - id: db\n    text: Migration rehearsed\n    when:\n      paths: ["migrations/**"]\n      labels: [database]\n    required: true\n`,
      { [BASE]: base },
    );
    expect(policy.items[0]?.when).toEqual({ labels: ['database'], paths: ['migrations/**'] });
    expect(policy.items[0]?.from).toEqual([BASE, LOCAL]);
  });

  it('follows a chain of three files, each laid over the next', async () => {
    const middle = 'acme/release-policies/checklists/payments.yml@v1';
    const texts = {
      [BASE]: `version: 1\nextends: ${middle}\nitems:\n  - id: pci\n    text: PCI scan clean\n`,
      [middle]: 'version: 1\nitems:\n  - id: tests\n    text: All tests passing\n',
    };
    const policy = await policyOf(`${header}items:\n  - id: tests\n    evidence:\n      min: 1\n`, texts);
    expect(policy.items.map((item) => [item.id, item.from, item.evidence?.min ?? null])).toEqual([
      ['tests', [middle, LOCAL], 1],
      ['pci', [BASE], null],
    ]);
    // The middle file may not weaken the deepest one either.
    const weakening = {
      ...texts,
      [BASE]: `version: 1\nextends: ${middle}\nitems:\n  - id: tests\n    required: false\n`,
    };
    const errors = await errorsOf(header, weakening);
    expect(errors).toMatchObject([{ file: BASE, line: 5, column: 5 }]);
    expect(errors[0]?.message).toContain(`(locked by ${middle}:3:5)`);
  });

  it('names the chain of a cycle, and stops past three bases', async () => {
    const other = 'acme/other/p.yml';
    const cycle = await errorsOf(header, {
      [BASE]: `version: 1\nextends: ${other}\n`,
      [other]: `version: 1\nextends: ${BASE}\n`,
    });
    expect(cycle).toEqual([
      {
        file: other,
        line: 2,
        column: 10,
        message: `extends ${BASE}, which closes a cycle: ${LOCAL} → ${BASE} → ${other} → ${BASE}. A policy cannot build on itself.`,
      },
    ]);
    const deep = await errorsOf(header, {
      [BASE]: 'version: 1\nextends: a/b/1.yml\n',
      'a/b/1.yml': 'version: 1\nextends: a/b/2.yml\n',
      'a/b/2.yml': 'version: 1\nextends: a/b/3.yml\n',
      'a/b/3.yml': 'version: 1\n',
    });
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatchObject({ file: 'a/b/2.yml', line: 2 });
    expect(deep[0]?.message).toContain('a base more than 3 levels deep');
  });

  it('fails on an unreadable base, naming repository, path, ref and what would let it be read', async () => {
    for (const status of [404, 403]) {
      const errors = await errorsOf(header, { [BASE]: status });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: LOCAL, line: 2, column: 10 });
      expect(errors[0]?.message).toContain(
        `cannot read the base policy ${BASE}: repository acme/release-policies, path checklists/production.yml, ref v3. GitHub answered ${status}`,
      );
      expect(errors[0]?.message).toContain('Give the token contents: read on acme/release-policies.');
    }
  });

  it('reports an invalid base with its own lines, after one error at the extends', async () => {
    const errors = await errorsOf(header, {
      [BASE]: 'version: 1\nitems:\n  - id: tests\n    requird: true\n',
    });
    expect(errors.map((error) => [error.file, error.line, error.column])).toEqual([
      [LOCAL, 2, 10],
      [BASE, 4, 5],
    ]);
    expect(errors[0]?.message).toBe(
      `extends ${BASE}, which has 1 error (listed after this one); fix the base policy there.`,
    );
    expect(errors[1]?.message).toContain('unknown key "requird"');
  });

  it('rejects an extends that is not OWNER/REPO/PATH@REF, and one that cannot be read offline', async () => {
    const wrong = await errorsOf('version: 1\nextends: production.yml\n');
    expect(wrong).toEqual([
      {
        file: LOCAL,
        line: 2,
        column: 10,
        message:
          'extends must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF, such as acme/release-policies/checklists/production.yml@v3.',
      },
    ]);
    const dots = await errorsOf('version: 1\nextends: acme/p/../secrets.yml\n');
    expect(dots[0]?.message).toContain('must be a plain path inside acme/p');
    const offline = await resolvePolicy(header, LOCAL, {
      readBase: null,
      access: () => 'Pass --base-policy FILE.',
    });
    expect(offline).toEqual({
      ok: false,
      errors: [
        {
          file: LOCAL,
          line: 2,
          column: 10,
          message: `extends ${BASE}, which cannot be read here: Pass --base-policy FILE.`,
        },
      ],
    });
  });

  it('reads a reference without a ref at the default branch', async () => {
    const { asked, readBase } = reader({ 'acme/p/base.yml': 'version: 1\n' });
    const load = await resolvePolicy('version: 1\nextends: acme/p/base.yml\n', LOCAL, {
      readBase,
      access: ACCESS,
    });
    expect(load.ok).toBe(true);
    expect(asked).toEqual(['acme/p/base.yml']);
  });
});
