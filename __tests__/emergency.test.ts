import { parseChecklist } from '../src/checklist/parse.js';
import type { EvaluationContext } from '../src/evaluate/context.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import type { SignoffFacts } from '../src/evaluate/facts.js';
import { factsNeeded } from '../src/evaluate/plan-facts.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { EmergencyException, Report } from '../src/evaluate/report.js';
import { renderText } from '../src/report/text.js';
import { reportSchemaErrors } from './helpers/report-schema.js';
import { policyOf } from './helpers/policy-of.js';

const POLICY = [
  'version: 1',
  'emergency:',
  '  label: emergency',
  '  approvers: [carol, acme/sre]',
  '  follow-up: issue',
  'items:',
  '  - id: tests',
  '    text: Tests pass',
  '  - id: canary',
  '    text: Canary deployed',
  '',
].join('\n');

const BODY = '- [x] Tests pass\n- [ ] Canary deployed\n- [ ] Load test run\n';

const signoffs = (approvedBy: string[], sre: string[] | { error: string } = []): SignoffFacts => ({
  approvedBy,
  teams: new Map([['acme/sre', Array.isArray(sre) ? { members: sre } : sre]]),
  edit: null,
  history: null,
});

function check(labels: string[], facts: SignoffFacts | null, yaml = POLICY, body = BODY): Report {
  const context: EvaluationContext = { event: 'pull_request', baseBranch: 'main', labels, changedPaths: [] };
  return evaluate(parseChecklist(body), policyOf(yaml), { ...context, signoffs: facts, description: body });
}

const emergency = (report: Report) =>
  report.exceptions?.find((exception): exception is EmergencyException => exception.kind === 'emergency');

describe('the emergency rule in a policy', () => {
  it('loads with follow-up none by default; never and no rule mean none', () => {
    expect(policyOf('version: 1\nemergency: { label: Hotfix, approvers: [carol] }\n').emergency).toEqual({
      label: 'Hotfix',
      approvers: ['carol'],
      followUp: 'none',
    });
    expect(policyOf('version: 1\nemergency: never\n').emergency).toBeNull();
    expect(policyOf('version: 1\n').emergency).toBeNull();
  });

  it('refuses a rule without approvers, naming the line', () => {
    const load = loadPolicy('version: 1\nemergency:\n  label: emergency\n', 'p.yml');
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.errors[0]?.line).toBe(3);
  });
});

describe('an emergency release', () => {
  it('with the label and an approver’s review on the head: passes, every open item deferred', () => {
    const report = check(['Emergency'], signoffs(['bob', 'carol']));
    expect(report.passed).toBe(true);
    expect(report.conclusion).toBe('pass');
    expect(report.summary).toBe('emergency release approved by @carol: 2 items deferred');
    expect(report.counts).toMatchObject({ open: 2, deferred: 2 });
    expect(emergency(report)).toEqual({
      kind: 'emergency',
      label: 'emergency',
      approvers: ['carol', 'acme/sre'],
      approvedBy: { login: 'carol', by: 'review' },
      state: 'accepted',
      deferred: [
        {
          kind: 'item',
          id: 'canary',
          text: 'Canary deployed',
          line: 2,
          section: null,
          problem: 'not ticked',
        },
        { kind: 'item', id: null, text: 'Load test run', line: 3, section: null, problem: 'not ticked' },
      ],
      followUp: 'issue',
    });
    expect(reportSchemaErrors(report)).toEqual([]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(
      '### ✅ checklist-gate: emergency release approved by @\u200bcarol: 2 items deferred',
    );
    expect(markdown).toContain('#### 🚨 Deferred by the emergency release');
    expect(markdown).toContain('When this pull request is merged, the gate opens an issue that lists them.');
    expect(renderText(report)).toContain(
      'Emergency release ("emergency"): approved by @carol, 2 open items deferred.',
    );
  });

  it('a member of an approving team approves it', () => {
    expect(check(['emergency'], signoffs(['dave'], ['dave'])).summary).toBe(
      'emergency release approved by @dave: 2 items deferred',
    );
  });

  it('without an approver’s review: no effect, but the comment says who can approve', () => {
    const report = check(['emergency'], signoffs(['bob']));
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('2 of 3 required items open');
    expect(report.counts.deferred).toBeUndefined();
    expect(emergency(report)?.state).toBe('needs-approval');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('#### What is still needed');
    expect(markdown).toContain(
      'Who can approve it: @\u200bcarol or a member of @\u200bacme/sre, by an approving review of the current head commit',
    );
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('a stale approval is not one: approvedBy holds only reviews of the current head', () => {
    // The reader keeps an approval only when its commit is the head (src/github/reviews.ts).
    expect(check(['emergency'], signoffs([])).passed).toBe(false);
  });

  it('a team that cannot be read approves no one, and the note says why', () => {
    const report = check(['emergency'], signoffs(['dave'], { error: 'the token may not read acme/sre' }));
    expect(report.passed).toBe(false);
    expect(report.notes).toContain('Emergency approvers: the token may not read acme/sre.');
  });

  it('without the label an approver’s review changes nothing', () => {
    const report = check(['release'], signoffs(['carol']));
    expect(report.passed).toBe(false);
    expect(report.exceptions).toBeUndefined();
  });

  it('with nothing open the label changes nothing', () => {
    const report = check(['emergency'], signoffs([]), POLICY, '- [x] Tests pass\n- [x] Canary deployed\n');
    expect(report.summary).toBe('All 2 required items done');
    expect(report.exceptions).toBeUndefined();
  });

  it('defers a missing checklist and failing sections too', () => {
    const none = check(['emergency'], signoffs(['carol']), POLICY, 'No boxes here.\n');
    expect(none.passed).toBe(true);
    expect(emergency(none)?.deferred.map((entry) => entry.kind)).toEqual(['checklist']);
    const sections = `${POLICY.replace('items:', 'sections:\n  - heading: Checks\n    require: 2\nitems:')}`;
    const grouped = check(
      ['emergency'],
      signoffs(['carol']),
      sections,
      '### Checks\n- [x] Tests pass\n- [ ] Canary deployed\n- [ ] Other\n',
    );
    expect(emergency(grouped)?.deferred.map((entry) => [entry.kind, entry.text])).toEqual([
      ['item', 'Canary deployed'],
      ['section', 'Checks'],
    ]);
  });

  it('in the CLI, which reads no reviews, it is not approved', () => {
    const report = check(['emergency'], null);
    expect(report.passed).toBe(false);
    expect(emergency(report)?.state).toBe('unchecked');
  });

  it('the label asks for the reviews and the approvers’ teams', () => {
    const context = { event: 'pull_request' as const, baseBranch: 'main', labels: ['emergency'] };
    const needed = factsNeeded(parseChecklist(BODY), policyOf(POLICY), 'github.com', context);
    expect([needed.reviews, needed.teams]).toEqual([true, ['acme/sre']]);
    const unlabelled = factsNeeded(parseChecklist(BODY), policyOf(POLICY), 'github.com', {
      ...context,
      labels: [],
    });
    expect([unlabelled.reviews, unlabelled.teams]).toEqual([false, []]);
  });
});

describe('extends: a base may define or forbid the emergency rule', () => {
  const BASE_REF = 'acme/policies/base.yml@v1';
  const defining =
    'version: 1\nemergency:\n  label: emergency\n  approvers: [carol, acme/sre]\n  follow-up: issue\n';
  const resolve = (base: string, local: string) =>
    resolvePolicy(`version: 1\nextends: ${BASE_REF}\n${local}`, 'local.yml', {
      readBase: async () => ({ ok: true, text: base }),
      access: () => '',
    });
  const messages = async (base: string, local: string) => {
    const load = await resolve(base, local);
    return load.ok ? [] : load.errors.map((error) => error.message);
  };
  const emergencyOf = async (base: string, local: string) => {
    const load = await resolve(base, local);
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    return load.policy.emergency;
  };

  it('a base that forbids it: a local policy may not add one', async () => {
    expect(
      await messages(
        'version: 1\nemergency: never\n',
        'emergency: { label: hotfix, approvers: [mallory] }\n',
      ),
    ).toEqual([
      'emergency: the base policy forbids emergency releases (emergency: never); a policy that extends it may not define one (locked by acme/policies/base.yml@v1:2:1).',
    ]);
    expect(await emergencyOf('version: 1\nemergency: never\n', '')).toBeNull();
  });

  it('a base that defines it: the rule holds locally; a local policy may narrow the approvers or forbid it', async () => {
    expect(await emergencyOf(defining, '')).toEqual({
      label: 'emergency',
      approvers: ['carol', 'acme/sre'],
      followUp: 'issue',
    });
    expect(await emergencyOf(defining, 'emergency: { label: Emergency, approvers: [ACME/sre] }\n')).toEqual({
      label: 'emergency',
      approvers: ['ACME/sre'],
      followUp: 'issue',
    });
    expect(await emergencyOf(defining, 'emergency: never\n')).toBeNull();
  });

  it('a local policy may not widen the approvers, change the label or drop the follow-up', async () => {
    expect(
      await messages(
        defining,
        'emergency:\n  label: hotfix\n  approvers: [carol, mallory]\n  follow-up: none\n',
      ),
    ).toEqual([
      'emergency.label must stay "emergency" as the base policy writes it (locked by acme/policies/base.yml@v1:2:1).',
      "emergency.approvers mallory would widen who may approve an emergency release; list only some of the base policy's (carol, acme/sre) (locked by acme/policies/base.yml@v1:2:1).",
      'emergency.follow-up: none drops the follow-up issue the base policy asks for (locked by acme/policies/base.yml@v1:2:1).',
    ]);
  });

  it('over a base without one, the local rule is its own', async () => {
    expect(await emergencyOf('version: 1\n', 'emergency: { label: hotfix, approvers: [dave] }\n')).toEqual({
      label: 'hotfix',
      approvers: ['dave'],
      followUp: 'none',
    });
  });
});
