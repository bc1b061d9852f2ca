/**
 * Where the policy's JSON Schema is published for editors: the v1 tag of this repository, which
 * moves only within major version 1. The same file ships in the npm package at the same path.
 */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/checklist-gate/checklist-gate/v1/src/policy/checklist-gate.schema.json';

/** The comment that points the YAML language server at the schema. */
export const SCHEMA_LINE = `# yaml-language-server: $schema=${SCHEMA_URL}`;
