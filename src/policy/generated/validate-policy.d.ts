export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface PolicyValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export const validate: PolicyValidator;
export default validate;

/** The JSON Schema the validator was compiled from, for describing what a failing place allows. */
export const policySchema: Record<string, unknown>;
