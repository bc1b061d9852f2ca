// The policy's defaults have one table (src/policy/defaults.ts): the schema's `default` keywords,
// the reference table of docs/policy.md and the policy a file without those keys becomes all agree with it.
import { readFileSync } from 'node:fs';
import { POLICY_DEFAULTS } from '../src/policy/defaults.js';
import { defaultPolicy } from '../src/policy/default-policy.js';
import { policyOf } from './helpers/policy-of.js';

type Node = Record<string, unknown>;
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('src/policy/checklist-gate.schema.json')) as Node;

/** Every `default` keyword of the schema, by the key's path as docs/policy.md writes it. */
function schemaDefaults(): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const definitions = schema.definitions as Record<string, Node>;
  const deref = (node: Node): Node =>
    typeof node.$ref === 'string'
      ? deref(definitions[node.$ref.replace('#/definitions/', '')] as Node)
      : node;
  const visit = (raw: Node, path: string) => {
    if ('default' in raw) found[path] = raw.default;
    const node = deref(raw);
    if (node.type === 'array' && node.items) return visit(node.items as Node, `${path}[]`);
    for (const choice of (node.oneOf as Node[] | undefined) ?? []) visit(choice, path);
    for (const [name, child] of Object.entries((node.properties as Record<string, Node>) ?? {}))
      visit(child, path === '' ? name : `${path}.${name}`);
  };
  visit(schema, '');
  return found;
}

describe("the policy's defaults", () => {
  it("are the schema's default keywords, no more and no fewer", () => {
    expect(schemaDefaults()).toEqual(POLICY_DEFAULTS);
  });

  it("are what docs/policy.md's table of keys says", () => {
    const rows = new Map(
      read('docs/policy.md')
        .split('\n## Keys\n')[1]
        ?.split('\n')
        .map((line) => /^\| `([^`]+)` \| [^|]* \| ([^|]*) \|/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2]?.trim()]),
    );
    const shown = Object.keys(POLICY_DEFAULTS).filter((key) => rows.has(key));
    expect(shown.length).toBeGreaterThanOrEqual(9);
    for (const key of shown)
      expect([key, rows.get(key)]).toEqual([
        key,
        `\`${String(POLICY_DEFAULTS[key as keyof typeof POLICY_DEFAULTS])}\``,
      ]);
  });

  it('fill in every key a file leaves out', () => {
    const policy = policyOf(
      [
        'version: 1',
        'emergency: { label: emergency, approvers: [lead] }',
        'sections: [{ heading: Checks }]',
        'items: [{ text: Tests, evidence: { allow: ["https://*"] } }]',
        '',
      ].join('\n'),
    );
    const item = policy.items[0];
    expect({
      'gate.releases': policy.gate.releases,
      'checklist.required': policy.checklist.required,
      unlisted: policy.unlisted,
      'verification.max-links': policy.verification.maxLinks,
      'not-applicable': policy.notApplicable.rule,
      'emergency.follow-up': policy.emergency?.followUp,
      'sections[].require': policy.sections[0]?.require,
      'items[].required': item?.required,
      'items[].evidence.min': item?.evidence?.min,
      'items[].evidence.verify': item?.evidence?.verify,
      'items[].evidence.same-commit': item?.evidence?.sameCommit,
    }).toEqual(POLICY_DEFAULTS);
  });

  it('are those of a repository without a policy file', () => {
    const policy = defaultPolicy();
    expect([
      policy.gate.releases,
      policy.checklist.required,
      policy.unlisted,
      policy.verification.maxLinks,
      policy.notApplicable.rule,
    ]).toEqual([
      POLICY_DEFAULTS['gate.releases'],
      POLICY_DEFAULTS['checklist.required'],
      POLICY_DEFAULTS.unlisted,
      POLICY_DEFAULTS['verification.max-links'],
      POLICY_DEFAULTS['not-applicable'],
    ]);
  });
});
