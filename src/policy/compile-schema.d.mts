/** The standalone validator's source, compiled from the schema. */
export function compileSchema(): string;
