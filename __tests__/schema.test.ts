import { readFileSync } from 'node:fs';
import { compileSchema, schemaTypes } from '../src/policy/compile-schema.mjs';

describe('the policy schema', () => {
  it('is compiled into the committed standalone validator (run `npm run schema` after editing it)', () => {
    const committed = readFileSync(
      new URL('../src/policy/generated/validate-policy.js', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(compileSchema());
  });

  it('is compiled into the committed type of a policy file as written (run `npm run schema`)', async () => {
    const committed = readFileSync(new URL('../src/policy/generated/raw-policy.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await schemaTypes());
  });

  it('is a draft-07 schema that rejects unknown keys at every level', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../src/policy/checklist-gate.schema.json', import.meta.url), 'utf8'),
    );
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    for (const name of ['section', 'item', 'evidence', 'when'])
      expect(schema.definitions[name].additionalProperties).toBe(false);
  });
});
