/** The schema's errors in words, at the YAML node they are about. */
import type { SchemaError } from './generated/validate-policy.js';
import { policySchema } from './generated/validate-policy.js';

/** A schema error in words, with the path of the YAML node it is about. */
export interface DescribedError {
  path: (string | number)[];
  /** Point at the key itself (for unknown keys) rather than at its value. */
  atKey: boolean;
  message: string;
}

/** What a oneOf in the schema accepts, in words. */
const ONE_OF_WORDS: Record<string, string> = {
  '#/definitions/requirement/oneOf': 'all, any, none, or a whole number of at least 1',
};

/** The same, by the key the value is under, where the compiled schema names the definition's own path ("#/oneOf"). */
const ONE_OF_WORDS_BY_KEY: Record<string, string> = {
  'not-applicable':
    'never, with-reason, with-approval, or a mapping such as { rule: with-approval, approvers: [alice] }',
};

const PATTERN_WORDS: Record<string, string> = {
  '\\S': 'must not be empty',
  '^[A-Za-z0-9][A-Za-z0-9._-]*$':
    'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"',
  '^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$':
    'must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF, such as acme/release-policies/checklists/production.yml@v3',
};

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of keys to values',
  array: 'a list',
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

export function describeSchemaErrors(errors: SchemaError[]): DescribedError[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const described: DescribedError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // A failed oneOf also reports each branch's failure; its own message says it all.
    if (oneOfPaths.has(error.instancePath) && error.keyword !== 'oneOf') continue;
    const item = describe(error);
    const key = `${item.path.join('/')}|${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(item);
  }
  return described;
}

function describe(error: SchemaError): DescribedError {
  const path = pointerSegments(error.instancePath);
  const name = path.length > 0 ? path.map(String).join('.') : 'the policy';
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = allowedKeys(path);
      const suggestion = closest(key, allowed);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      return {
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}" in ${name}.${hint} Allowed keys: ${allowed.join(', ')}.`,
      };
    }
    case 'required':
      return { path, atKey: false, message: `${name} needs the key "${String(params['missingProperty'])}".` };
    case 'enum':
      return {
        path,
        atKey: false,
        message: `${name} must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}.`,
      };
    case 'const':
      return { path, atKey: false, message: `${name} must be ${JSON.stringify(params['allowedValue'])}.` };
    case 'type': {
      const type = String(params['type']);
      if (path.length === 0) {
        return {
          path,
          atKey: false,
          message: 'the policy must be a mapping of keys to values, starting with "version: 1".',
        };
      }
      return { path, atKey: false, message: `${name} must be ${TYPE_WORDS[type] ?? type}.` };
    }
    case 'minItems':
      return { path, atKey: false, message: `${name} must list at least ${String(params['limit'])} entry.` };
    case 'minimum':
      return { path, atKey: false, message: `${name} must be at least ${String(params['limit'])}.` };
    case 'maximum':
      return { path, atKey: false, message: `${name} must be at most ${String(params['limit'])}.` };
    case 'pattern':
      return {
        path,
        atKey: false,
        message: `${name} ${PATTERN_WORDS[String(params['pattern'])] ?? `must match ${String(params['pattern'])}`}.`,
      };
    case 'oneOf':
      return {
        path,
        atKey: false,
        message: `${name} must be ${ONE_OF_WORDS[error.schemaPath] ?? ONE_OF_WORDS_BY_KEY[String(path.at(-1))] ?? 'one of the allowed forms'}.`,
      };
    default:
      return { path, atKey: false, message: `${name} ${error.message ?? 'is not valid'}.` };
  }
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** Follows a local "$ref" such as "#/definitions/item". */
function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  let target: unknown = policySchema;
  for (const segment of node.$ref.replace(/^#\//, '').split('/'))
    target = (target as Record<string, unknown> | undefined)?.[segment];
  return resolve(target as SchemaNode | undefined);
}

/** The keys the schema allows in the object at an instance path. */
function allowedKeys(path: (string | number)[]): string[] {
  let node = resolve(policySchema as SchemaNode);
  for (const segment of path) {
    node = resolve(typeof segment === 'number' ? node?.items : node?.properties?.[segment]);
  }
  return node?.properties ? Object.keys(node.properties) : [];
}

/** The allowed key nearest to a mistyped one, when it is near enough to be a typo. */
function closest(key: string, allowed: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
