/** The standalone validator's source, compiled from the schema. */
export function compileSchema(): string;
/** The TypeScript types of a policy file as written, compiled from the schema. */
export function schemaTypes(): Promise<string>;
