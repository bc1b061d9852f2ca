/** Every key the policy schema allows, outermost first, as [path, kind, description] rows. */
export function schemaRows(schema: unknown): [string, string, string][];
/** The Markdown table of every key. */
export function schemaTable(schema: unknown): string;
/** docs/policy.md with its key table replaced by the one generated from the schema. */
export function withSchemaTable(page: string, schema: unknown): string;
