import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/** The published report schema, compiled once: every real report a test produces is held to it. */
const schema = JSON.parse(
  readFileSync(new URL('../../src/report/report.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a report, as readable lines; empty when it conforms. */
export function reportSchemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
