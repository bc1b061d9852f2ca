import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { policyWarnings } from '../src/policy/policy-warnings.js';
import type { ItemRule, Policy } from '../src/policy/policy.js';
import { renderTemplate } from '../src/template/render-template.js';

const ROOT = new URL('../', import.meta.url);
const CHECKLISTS = new URL('checklists/', ROOT);

/** Every shipped pair of policy and template, and the repository's own. */
const PAIRS: [name: string, policy: string, template: string][] = [
  ...readdirSync(CHECKLISTS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, string, string] => [
      entry.name,
      `checklists/${entry.name}/checklist-gate.yml`,
      `checklists/${entry.name}/release.md`,
    ]),
  ['this repository', '.github/checklist-gate.yml', '.github/PULL_REQUEST_TEMPLATE/release.md'],
];

const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

function policyOf(path: string): Policy {
  const loaded = loadPolicy(read(path), path);
  if (!loaded.ok)
    throw new Error(
      loaded.errors.map((error) => `${error.line}:${error.column} ${error.message}`).join('\n'),
    );
  return loaded.policy;
}

/** A link an allow-list accepts: each glob wildcard replaced by a plain segment. */
function linkFor(rule: ItemRule, index: number): string {
  const pattern = rule.evidence?.allow?.[0];
  if (!pattern) return `https://evidence.acme.dev/${rule.id ?? 'item'}/${index}`;
  return pattern.replace(/\*\*/g, 'acme').replace(/\*/g, `r${index}`);
}

/** The template with every box ticked and every evidence bullet holding acceptable links. */
function completed(policy: Policy, template: string): string {
  const lines = template.replace(/- \[ \]/g, '- [x]').split('\n');
  policy.items.forEach((rule, index) => {
    if (!rule.evidence || rule.evidence.min === 0) return;
    const links = Array.from({ length: rule.evidence.min }, (_, n) => linkFor(rule, index * 10 + n)).join(
      ' ',
    );
    const at = lines.findIndex((line) => line.includes(`<!-- id: ${rule.id} -->`));
    if (at < 0 || !lines[at + 1]?.startsWith('  - Evidence: '))
      throw new Error(`no evidence bullet for ${rule.id}`);
    lines[at + 1] = `  - Evidence: ${links}`;
  });
  return lines.join('\n');
}

/** A pull request that meets every condition: every label a rule names; files unknown, so path conditions hold. */
function contextFor(policy: Policy) {
  const labels = [...policy.items, ...policy.sections].flatMap((rule) => rule.when?.labels ?? []);
  return { event: 'pull_request' as const, baseBranch: 'main', labels, changedPaths: null };
}

describe.each(PAIRS)('the %s checklist', (_name, policyPath, templatePath) => {
  const policy = policyOf(policyPath);
  const CONTEXT = contextFor(policy);
  const template = read(templatePath);
  const done = completed(policy, template);
  const required = policy.items.filter((rule) => rule.required);

  it('has a valid policy with ids on every item', () => {
    expect(policy.items.length).toBeGreaterThan(0);
    for (const rule of policy.items) expect(rule.id).not.toBeNull();
  });

  it('ships exactly the template its policy generates', () => {
    expect(template).toBe(renderTemplate(policy));
  });

  it('passes with every box ticked and every evidence rule met', () => {
    const report = evaluate(parseChecklist(done), policy, CONTEXT);
    expect(report.items.filter((item) => item.status !== 'ok' && item.status !== 'optional')).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('fails with the template as it comes, every required item named', () => {
    const report = evaluate(parseChecklist(template), policy, CONTEXT);
    expect(report.passed).toBe(false);
    const failing = new Set(
      report.items.filter((item) => item.required && item.status !== 'ok').map((item) => item.id),
    );
    for (const rule of required) expect(failing).toContain(rule.id);
  });

  it.each(required.map((rule) => [rule.id ?? '', rule]))(
    'fails when %s is unticked, deleted or without evidence',
    (_id, rule) => {
      const line = done.split('\n').find((text) => text.includes(`<!-- id: ${rule.id} -->`)) ?? '';
      const variants: [string, string][] = [
        ['unticked', done.replace(line, line.replace('- [x]', '- [ ]'))],
        [
          'deleted',
          done
            .replace(`${line}\n`, '')
            .replace(/^ {2}- Evidence: .*\n/m, (bullet) =>
              done.indexOf(bullet) === done.indexOf(line) + line.length + 1 ? '' : bullet,
            ),
        ],
      ];
      if (rule.evidence && rule.evidence.min > 0) {
        const bulletStart = done.indexOf(line) + line.length + 1;
        const bulletEnd = done.indexOf('\n', bulletStart);
        variants.push([
          'without evidence',
          done.slice(0, bulletStart) + '  - Evidence: none yet' + done.slice(bulletEnd),
        ]);
      }
      for (const [how, body] of variants) {
        const report = evaluate(parseChecklist(body), policy, CONTEXT);
        const failing = report.items
          .filter((item) => item.required && item.status !== 'ok')
          .map((item) => item.id);
        expect([how, report.passed, failing]).toEqual([how, false, [rule.id]]);
      }
    },
  );
});

describe('the checklists folder', () => {
  it('has a README that lists every checklist', () => {
    const readme = read('checklists/README.md');
    for (const [name] of PAIRS.filter(([name]) => name !== 'this repository'))
      expect(readme).toContain(`${name}/`);
  });

  it('has a policy and a template in every folder', () => {
    for (const [, policy, template] of PAIRS) {
      expect(existsSync(new URL(policy, ROOT))).toBe(true);
      expect(existsSync(new URL(template, ROOT))).toBe(true);
    }
  });
});

describe('conditional items in the ready checklists', () => {
  const path = 'checklists/ml-api-observability/checklist-gate.yml';
  const policy = policyOf(path);
  const done = completed(policy, read('checklists/ml-api-observability/release.md'));
  const markNa = (id: string, reason: string) =>
    done.replace(new RegExp(`(- \\[x\\] .*?) (<!-- id: ${id} -->)`), `$1 — N/A: ${reason} $2`);

  it('stay required, and one that does not apply passes with a reason', () => {
    expect(policy.items.find((rule) => rule.id === 'progressive-rollout')).toMatchObject({
      required: true,
      notApplicable: { rule: 'with-reason', approvers: null },
    });
    const report = evaluate(
      parseChecklist(markNa('progressive-rollout', 'a single instance, nothing to shift traffic between')),
      policy,
      contextFor(policy),
    );
    expect(report.passed).toBe(true);
    expect(report.exceptions?.map((exception) => exception.state)).toEqual(['accepted']);
  });

  it('a security item waived needs the security team, a placeholder until it is set', () => {
    const report = evaluate(
      parseChecklist(markNa('security-test', 'no pen test due this quarter')),
      policy,
      // As the action reads it: no approving review, and nobody in the placeholder team.
      {
        ...contextFor(policy),
        signoffs: {
          approvedBy: ['octocat'],
          teams: new Map([['your-org/security-team', { error: 'Not Found' }]]),
          edit: null,
          history: [],
        },
      },
    );
    expect(report.passed).toBe(false);
    expect(report.items.find((item) => item.id === 'security-test')?.fix).toContain('your-org/security-team');
    expect(policyWarnings(policy).map((warning) => warning.message)).toContain(
      'security-test: not-applicable.approvers names your-org/security-team, a placeholder: no one can approve until it is your team (org/team) or logins.',
    );
  });
});
