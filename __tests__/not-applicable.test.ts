import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import type { SignoffFacts } from '../src/evaluate/facts.js';
import { readNotApplicable, reasonProblem } from '../src/evaluate/not-applicable.js';
import { factsNeeded } from '../src/evaluate/plan-facts.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { resolvePolicy } from '../src/policy/resolve-policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { NotApplicableException, Report } from '../src/evaluate/report.js';
import { renderText } from '../src/report/text.js';
import { renderTemplate } from '../src/template/render-template.js';
import { policyOf } from './helpers/policy-of.js';
import { PULL_REQUEST as PR } from './helpers/check-description.js';

function check(markdown: string, yaml: string, signoffs: SignoffFacts | null = null): Report {
  return evaluate(parseChecklist(markdown), policyOf(yaml), { ...PR, signoffs, description: markdown });
}

const items = (report: Report) => report.items.map((item) => [item.text, item.status, item.problems]);

const LB = 'version: 1\nitems:\n  - id: lb\n    text: Load balancer configured\n';

describe('the N/A forms', () => {
  it.each([
    ['Load balancer configured — N/A: single instance', 'Load balancer configured', 'single instance'],
    ['Load balancer configured - n/a: single instance', 'Load balancer configured', 'single instance'],
    ['Load balancer configured: N/A: one box', 'Load balancer configured', 'one box'],
    ['Load balancer configured (N/A: one box)', 'Load balancer configured', 'one box'],
    ['Load balancer configured NOT APPLICABLE: one box', 'Load balancer configured', 'one box'],
    ['Load balancer configured — Not applicable:', 'Load balancer configured', ''],
  ])('%s', (text, before, reason) => {
    expect(readNotApplicable(text)).toEqual({ text: before, reason });
  });

  it.each([
    'Load balancer configured',
    'N/A: nothing before it',
    'Load balancer configured, see the runbook/n/a: x',
    'Canary done (not applicable when flags are off)',
  ])('no form: %s', (text) => {
    expect(readNotApplicable(text)).toBeNull();
  });

  it.each([
    ['', 'the reason after "N/A:" is empty'],
    ['-', 'the reason "-" is a placeholder'],
    ['...', 'the reason "..." is a placeholder'],
    ['n/a', 'the reason "n/a" is a placeholder'],
    ['TBD', 'the reason "TBD" is a placeholder'],
    ['nope', 'the reason "nope" is one word'],
    ['single instance', null],
  ])('reason %j', (reason, problem) => {
    expect(reasonProblem(reason)).toBe(problem);
  });
});

describe('not-applicable rules', () => {
  const marked = '- [ ] Load balancer configured — N/A: single instance behind the platform ingress\n';

  it('never (the default): the item is open, and the report says N/A is not allowed', () => {
    const report = check(marked, LB);
    expect(report.passed).toBe(false);
    expect(items(report)).toEqual([
      [
        marked.slice(6, -1),
        'unchecked',
        ['marked not applicable, but the policy does not allow N/A for this item'],
      ],
    ]);
    expect(report.exceptions).toBeUndefined();
  });

  it('with-reason: the item stands as not applicable, ticked or not, and the report records it', () => {
    for (const box of [' ', 'x']) {
      const report = check(marked.replace('[ ]', `[${box}]`), `${LB}    not-applicable: with-reason\n`);
      expect(report.passed).toBe(true);
      expect(report.summary).toBe('1 of 1 required item done, 1 not applicable');
      expect(report.counts).toMatchObject({ required: 1, done: 1, open: 0, notApplicable: 1 });
      expect(report.exceptions).toEqual([
        {
          kind: 'not-applicable',
          id: 'lb',
          text: 'Load balancer configured',
          line: 1,
          section: null,
          heading: null,
          reason: 'single instance behind the platform ingress',
          rule: 'with-reason',
          approvers: null,
          approvedBy: null,
          state: 'accepted',
        },
      ]);
    }
  });

  it('the top-level default applies to every item, and an item may set its own', () => {
    const yaml = `version: 1\nnot-applicable: with-reason\nitems:\n  - text: Canary\n  - text: Backups\n    not-applicable: never\n`;
    const report = check(
      '- [ ] Canary — N/A: no traffic yet\n- [ ] Backups — N/A: no data kept\n- [ ] Docs — N/A: internal tool only\n',
      yaml,
    );
    expect(report.items.map((item) => item.status)).toEqual([
      'not-applicable',
      'unchecked',
      'not-applicable',
    ]);
  });

  it('a reason that says nothing is refused with a fix', () => {
    const report = check(
      '- [x] Load balancer configured — N/A: TBD\n',
      `${LB}    not-applicable: with-reason\n`,
    );
    expect(report.passed).toBe(false);
    expect(report.items[0]?.problems).toEqual([
      'marked not applicable, but the reason "TBD" is a placeholder',
    ]);
    expect(report.items[0]?.fix).toMatch(/^Write after "N\/A:" why the item does not apply/);
  });

  it('a struck-through item stays not done unless it carries the form', () => {
    const yaml = `${LB}    not-applicable: with-reason\n`;
    expect(check('- [ ] ~~Load balancer configured~~\n', yaml).items[0]?.status).toBe('unchecked');
    expect(
      check('- [ ] ~~Load balancer configured~~ — N/A: one instance only\n', yaml).items[0]?.status,
    ).toBe('not-applicable');
  });

  it('an optional item marked N/A is just optional: no exception is recorded', () => {
    const report = check(marked, `${LB}    required: false\n    not-applicable: with-reason\n`);
    expect(report.items[0]?.status).toBe('optional');
    expect(report.exceptions).toBeUndefined();
  });
});

describe('with-approval', () => {
  const yaml = `${LB}    approvers: [alice]\n    not-applicable: with-approval\n`;
  const body = '- [ ] Load balancer configured — N/A: single instance behind the ingress\n';
  const signoffs = (approvedBy: string[], history: SignoffFacts['history'] = null): SignoffFacts => ({
    approvedBy,
    teams: new Map(),
    edit: null,
    history,
  });

  it('fails without an approver, naming them; an approving review by one passes', () => {
    const waiting = check(body, yaml, signoffs(['bob']));
    expect(waiting.passed).toBe(false);
    expect(items(waiting)[0]?.[2]).toEqual([
      'marked not applicable; the exception needs the approval of @alice',
    ]);
    expect(waiting.items[0]?.fix).toBe(
      'Ask @alice to approve the pull request (a review on its current head commit), or to write or keep the N/A line in the description themselves.',
    );
    expect(waiting.exceptions?.[0]?.state).toBe('needs-approval');
    expect(renderMarkdown(waiting)).toContain('⏳ needs approval from @\u200balice');
    const approved = check(body, yaml, signoffs(['alice']));
    expect(approved.passed).toBe(true);
    expect(approved.exceptions?.[0]?.approvedBy).toEqual({ login: 'alice', by: 'review' });
  });

  it('the long form names other approvers than the item’s', () => {
    const long = `${LB}    approvers: [alice]\n    not-applicable: { rule: with-approval, approvers: [carol] }\n`;
    expect(check(body, long, signoffs(['alice'])).passed).toBe(false);
    expect(check(body, long, signoffs(['carol'])).passed).toBe(true);
  });

  it('the edit history: an approver who wrote or kept the N/A line approves it; a changed reason needs it again', () => {
    const before = '- [ ] Load balancer configured\n';
    const kept = check(
      body,
      yaml,
      signoffs(
        [],
        [
          { editor: 'dev', body: before },
          { editor: 'dev', body },
          { editor: 'alice', body: `${body}\nnotes\n` },
          { editor: 'dev', body },
        ],
      ),
    );
    expect(kept.passed).toBe(true);
    expect(kept.exceptions?.[0]?.approvedBy).toEqual({ login: 'alice', by: 'edit' });
    const reworded = check(
      body,
      yaml,
      signoffs(
        [],
        [
          { editor: 'alice', body: body.replace('ingress', 'gateway') },
          { editor: 'dev', body },
        ],
      ),
    );
    expect(reworded.passed).toBe(false);
  });

  it('the action reads the reviews and the approvers’ teams for it', () => {
    const team = `${LB}    not-applicable: { rule: with-approval, approvers: [acme/sre] }\n`;
    const needed = factsNeeded(parseChecklist(body), policyOf(team), 'github.com', PR);
    expect(needed).toMatchObject({ reviews: true, teams: ['acme/sre'] });
  });

  it('the CLI, which reads no reviews, does not fail it but says approval was not checked', () => {
    const report = check(body, yaml);
    expect(report.passed).toBe(true);
    expect(report.exceptions?.[0]?.state).toBe('unchecked');
    expect(report.notes).toContain(
      '"Load balancer configured": its N/A approval was not checked; the CLI does not call the GitHub API.',
    );
  });
});

describe('a section heading carrying the form', () => {
  const body = [
    '## Database — N/A: this service has no database',
    '- [ ] Migrations reviewed',
    '- [ ] Replication configured',
    '## Deploy',
    '- [x] Deployed',
    '',
  ].join('\n');

  it('covers every item under it, and a section rule still finds the section', () => {
    const yaml = 'version: 1\nnot-applicable: with-reason\nsections:\n  - heading: Database\n';
    const report = check(body, yaml);
    expect(report.passed).toBe(true);
    expect(report.summary).toBe('3 of 3 required items done, 2 not applicable');
    expect(
      (report.exceptions as NotApplicableException[] | undefined)?.map((exception) => [
        exception.text,
        exception.heading,
      ]),
    ).toEqual([
      ['Migrations reviewed', 'Database — N/A: this service has no database'],
      ['Replication configured', 'Database — N/A: this service has no database'],
    ]);
    const text = renderText(report);
    expect(text).toContain('Not applicable:');
  });

  it('under the strictest rule of its items', () => {
    const yaml =
      'version: 1\nnot-applicable: with-reason\nitems:\n  - text: Replication configured\n    not-applicable: never\n';
    const report = check(body, yaml);
    expect(report.passed).toBe(false);
    expect(items(report).slice(0, 2)).toEqual([
      [
        'Migrations reviewed',
        'unchecked',
        [
          'marked not applicable by its section "Database — N/A: this service has no database", but the policy does not allow N/A for this item',
        ],
      ],
      [
        'Replication configured',
        'unchecked',
        [
          'marked not applicable by its section "Database — N/A: this service has no database", but the policy does not allow N/A for this item',
        ],
      ],
    ]);
  });
});

describe('the policy', () => {
  it('with-approval needs someone to approve', () => {
    const loaded = loadPolicy(
      'version: 1\nitems:\n  - text: A\n    not-applicable: with-approval\n',
      'p.yml',
    );
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.errors[0]?.message).toMatch(
        /^items\.0\.not-applicable: with-approval needs someone to approve/,
      );
  });

  it('a value of the wrong form is named with what is allowed', () => {
    const loaded = loadPolicy('version: 1\nnot-applicable: sometimes\n', 'p.yml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.errors.map((error) => [error.line, error.message])).toEqual([
        [
          2,
          'not-applicable must be never, with-reason, with-approval, or a mapping such as { rule: with-approval, approvers: [alice] }.',
        ],
      ]);
  });

  it('approvers default to the item’s, then to the top-level long form', () => {
    const loaded = policyOf(
      'version: 1\nnot-applicable: { rule: with-approval, approvers: [lead] }\nitems:\n  - text: A\n    approvers: [qa]\n  - text: B\n',
    );
    expect(loaded.items.map((item) => item.notApplicable)).toEqual([
      { rule: 'with-approval', approvers: ['qa'] },
      { rule: 'with-approval', approvers: ['lead'] },
    ]);
  });
});

describe('extends: a base may forbid or restrict N/A, a local policy only tightens', () => {
  const BASE_REF = 'acme/policies/base.yml@v1';
  const base = [
    'version: 1',
    'not-applicable: with-reason',
    'items:',
    '  - id: lb',
    '    text: Load balancer configured',
    '  - id: pentest',
    '    text: Penetration testing',
    '    not-applicable: { rule: with-approval, approvers: [alice, bob] }',
    '  - id: backups',
    '    text: Backups verified',
    '    not-applicable: never',
    '',
  ].join('\n');
  const resolve = (local: string) =>
    resolvePolicy(`version: 1\nextends: ${BASE_REF}\n${local}`, 'local.yml', {
      readBase: async () => ({ ok: true, text: base }),
      access: () => '',
    });
  const messages = async (local: string) => {
    const load = await resolve(local);
    return load.ok ? [] : load.errors.map((error) => error.message);
  };

  it('tightening is kept', async () => {
    const load = await resolve(
      'not-applicable: with-approval\nitems:\n  - id: lb\n    approvers: [carol]\n  - id: pentest\n    not-applicable: { rule: with-approval, approvers: [bob] }\n',
    );
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(load.policy.notApplicable.rule).toBe('with-approval');
    expect(load.policy.items.map((item) => [item.id, item.notApplicable])).toEqual([
      ['lb', { rule: 'with-approval', approvers: ['carol'] }],
      ['pentest', { rule: 'with-approval', approvers: ['bob'] }],
      ['backups', { rule: 'never', approvers: null }],
    ]);
  });

  it('loosening is refused, naming where the base locks it', async () => {
    expect(
      await messages(
        'items:\n  - id: backups\n    not-applicable: with-reason\n  - id: pentest\n    not-applicable: { rule: with-approval, approvers: [mallory] }\n',
      ),
    ).toEqual([
      "items.0 (backups): not-applicable: with-reason is looser than the base policy's never (locked by acme/policies/base.yml@v1:11:5).",
      "items.1 (pentest): not-applicable approvers mallory would widen who may approve an exception; list only some of the base policy's (alice, bob) (locked by acme/policies/base.yml@v1:8:5).",
    ]);
    const forbidding = base.replace('not-applicable: with-reason', 'not-applicable: never');
    const load = await resolvePolicy(
      `version: 1\nextends: ${BASE_REF}\nnot-applicable: with-reason\nitems:\n  - text: Canary\n    not-applicable: with-reason\n`,
      'local.yml',
      {
        readBase: async () => ({ ok: true, text: forbidding }),
        access: () => '',
      },
    );
    expect(load.ok ? [] : load.errors.map((error) => error.message)).toEqual([
      "not-applicable: with-reason is looser than the base policy's never (locked by acme/policies/base.yml@v1:2:1).",
      "items.0: not-applicable: with-reason is looser than the base policy's never, which applies to every item it adds (locked by acme/policies/base.yml@v1:2:1).",
    ]);
  });
});

describe('the template', () => {
  it('says how to mark an item N/A, and which items may be, only where the policy allows it', () => {
    const allowing = renderTemplate(
      policyOf(
        'version: 1\nitems:\n  - text: Canary deployed\n    not-applicable: with-reason\n  - text: Pen test\n    not-applicable: { rule: with-approval, approvers: [acme/security] }\n  - text: Tests pass\n',
      ),
    );
    expect(allowing).toContain(
      'write the reason after its text, as in "- [ ] Load balancer configured — N/A: single instance behind the ingress"',
    );
    expect(allowing).toContain('- [ ] Canary deployed <!-- N/A allowed, with a reason -->');
    expect(allowing).toContain(
      '- [ ] Pen test <!-- N/A allowed, with a reason and the approval of acme/security -->',
    );
    expect(allowing).toContain('- [ ] Tests pass\n');
    expect(renderTemplate(policyOf('version: 1\nitems:\n  - text: Tests pass\n'))).not.toContain('N/A');
  });
});
