import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/** The published schemas, compiled once: every real report and audit a test produces is held to them. */
const ajv = new Ajv({ allErrors: true, strict: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const compiled = (path: string) =>
  ajv.compile(JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as object);
const validateReport = compiled('src/report/report.schema.json');
const validateAudit = compiled('src/audit/audit.schema.json');

function complaints(validate: typeof validateReport, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** The report schema's complaints about a report, as readable lines; empty when it conforms. */
export function reportSchemaErrors(report: unknown): string[] {
  return complaints(validateReport, report);
}

/** The audit schema's complaints about `audit --format json` output; empty when it conforms. */
export function auditSchemaErrors(audit: unknown): string[] {
  return complaints(validateAudit, audit);
}
