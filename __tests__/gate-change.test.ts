import { runningWorkflowOf } from '../src/action/event-context.js';
import type { SignoffFacts } from '../src/evaluate/facts.js';
import {
  gateChangeItem,
  gateChangeReport,
  knownGateFiles,
  usesGate,
  withGateChange,
} from '../src/evaluate/gate-change.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { parseChecklist } from '../src/checklist/parse.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { parseBaseReference, type BaseReference } from '../src/policy/base-reference.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import type { Policy } from '../src/policy/policy.js';

const signoffs = (approvedBy: string[], teams: SignoffFacts['teams'] = new Map()): SignoffFacts => ({
  approvedBy,
  teams,
  edit: null,
  history: null,
});

function policyOf(text: string): Policy {
  const load = loadPolicy(text, '.github/checklist-gate.yml');
  if (!load.ok) throw new Error(JSON.stringify(load.errors));
  return load.policy;
}

describe('which files configure the gate', () => {
  it('a workflow runs the gate when a step uses the action, at any owner and ref', () => {
    expect(usesGate('jobs:\n  g:\n    steps:\n      - uses: acme/checklist-gate@v1\n')).toBe(true);
    expect(usesGate("steps:\n  - name: gate\n    uses: 'acme/checklist-gate@0123abc'\n")).toBe(true);
    expect(usesGate('steps:\n  - uses: actions/checkout@v4\n  - run: echo checklist-gate@v1\n')).toBe(false);
    expect(usesGate('steps:\n  - uses: acme/checklist-gate-fork@v1\n')).toBe(false);
  });

  it('the policy, its bases in this repository and the running workflow are known without reading them', () => {
    const policy = {
      ...policyOf('version: 1\n'),
      bases: ['acme/shop/.github/base.yml@main', 'acme/policies/release.yml'],
      organisation: 'ACME/Shop/.github/org.yml',
    };
    expect(
      knownGateFiles(policy, '.github/checklist-gate.yml', 'acme/shop', '.github/workflows/gate.yml'),
    ).toEqual([
      '.github/checklist-gate.yml',
      '.github/base.yml',
      '.github/org.yml',
      '.github/workflows/gate.yml',
    ]);
  });

  it('GITHUB_WORKFLOW_REF names the running workflow only when it lives in this repository', () => {
    const repository = { owner: 'acme', repo: 'shop' };
    expect(runningWorkflowOf('acme/shop/.github/workflows/gate.yml@refs/heads/main', repository)).toBe(
      '.github/workflows/gate.yml',
    );
    expect(
      runningWorkflowOf('acme/central/.github/workflows/gate.yml@refs/heads/main', repository),
    ).toBeNull();
    expect(runningWorkflowOf(undefined, repository)).toBeNull();
  });
});

describe('the implicit item: a policy owner approves the change', () => {
  const change = {
    files: ['.github/checklist-gate.yml'],
    owners: ['alice', 'acme/platform'],
    checklistGated: false,
  };

  it('passes on an approving review by an owner, named or a member of an owning team', () => {
    expect(gateChangeItem(change.owners, change.files, signoffs(['alice']))).toMatchObject({
      status: 'ok',
      tickedBy: 'alice',
    });
    const teams = new Map([['acme/platform', { members: ['carol'] }]]);
    expect(gateChangeItem(change.owners, change.files, signoffs(['carol'], teams)).status).toBe('ok');
  });

  it('fails on anyone else, and says when a team could not be read', () => {
    const teams = new Map([['acme/platform', { error: 'the token cannot read acme/platform' }]]);
    const item = gateChangeItem(change.owners, change.files, signoffs(['bob'], teams));
    expect(item.status).toBe('unapproved');
    expect(item.problems).toEqual([
      "This pull request changes the gate's configuration (.github/checklist-gate.yml), and no policy owner has approved its current head commit.",
      'the token cannot read acme/platform',
    ]);
    expect(item.fix).toBe(
      'Ask @alice or a member of @acme/platform (policy-owners) to approve the pull request: a review on its current head commit.',
    );
  });

  it('alone: no checklist asked for, the verdict is the approval', () => {
    const policy = policyOf('version: 1\npolicy-owners: [alice]\n');
    const report = gateChangeReport(policy, change, signoffs([]));
    expect([report.conclusion, report.summary, report.counts.required]).toEqual([
      'fail',
      "The gate's configuration change needs a policy owner's approval",
      1,
    ]);
    expect(gateChangeReport(policy, change, signoffs(['alice'])).conclusion).toBe('pass');
  });

  it('beside a release checklist: both are needed, and an emergency does not defer it', () => {
    const policy = policyOf(
      'version: 1\npolicy-owners: [alice]\nemergency:\n  label: hotfix\n  approvers: [bob]\nitems:\n  - text: Rollback plan tested\n',
    );
    const context = {
      event: 'pull_request' as const,
      baseBranch: 'main',
      labels: ['hotfix'],
      changedPaths: null,
    };
    const done = evaluate(parseChecklist('- [x] Rollback plan tested\n'), policy, { ...context, labels: [] });
    const both = withGateChange(done, { ...change, checklistGated: true }, signoffs([]));
    expect([both.conclusion, both.summary]).toEqual(['fail', '1 of 2 required items open']);
    const open = parseChecklist('- [ ] Rollback plan tested\n');
    const emergency = evaluate(open, policy, { ...context, signoffs: signoffs(['bob']) });
    expect(emergency.passed).toBe(true);
    expect(withGateChange(emergency, { ...change, checklistGated: true }, signoffs(['bob'])).passed).toBe(
      false,
    );
  });

  it('without owners: the normal verdict stands, with a warning', () => {
    const policy = policyOf('version: 1\nitems:\n  - text: Rollback plan tested\n');
    const done = evaluate(parseChecklist('- [x] Rollback plan tested\n'), policy, {
      event: 'pull_request',
      baseBranch: 'main',
      labels: [],
      changedPaths: null,
    });
    const warned = withGateChange(done, { ...change, owners: null, checklistGated: true }, null);
    expect(warned.passed).toBe(true);
    expect(warned.notes.at(-1)).toContain('nobody guards it');
  });
});

describe('policy-owners under a base', () => {
  it('is locked as the base writes it', async () => {
    const base = parseBaseReference('acme/policies/base.yml') as BaseReference;
    const load = await resolvePolicy(
      'version: 1\nextends: acme/policies/base.yml\npolicy-owners: [mallory]\n',
      'local.yml',
      {
        readBase: async () => ({ ok: true, text: 'version: 1\npolicy-owners: [acme/platform]\n' }),
        access: () => '',
        orgPolicy: null,
      },
    );
    expect(load.ok ? [] : load.errors.map((error) => error.message)).toEqual([
      'policy-owners is locked by the base policy (locked by acme/policies/base.yml).',
    ]);
    const kept = await resolvePolicy('version: 1\n', 'local.yml', {
      readBase: async () => ({ ok: true, text: 'version: 1\npolicy-owners: [acme/platform]\n' }),
      access: () => '',
      orgPolicy: base,
    });
    expect(kept.ok && kept.policy.policyOwners).toEqual(['acme/platform']);
  });
});
