// The table of every policy key in docs/policy.md, generated from the policy's JSON Schema
// (src/policy/checklist-gate.schema.json) by `npm run docs:tables`. __tests__/docs.test.ts fails
// when the page's table differs, so a key added to the schema is listed, with its description.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cell } from './action-tables.mjs';

const START = '<!-- keys: generated from src/policy/checklist-gate.schema.json by npm run docs:tables -->';
const END = '<!-- end of keys -->';

/** The node a $ref points to, followed until it is no reference, keeping the nearest description. */
function resolve(schema, node) {
  let current = node;
  let description = node.description;
  while (current.$ref) {
    const name = current.$ref.replace('#/definitions/', '');
    current = schema.definitions[name];
    description ??= current.description;
  }
  return { node: current, description };
}

/** What a value of this node is, in a few words. */
function kind(schema, raw) {
  const { node } = resolve(schema, raw);
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${value}\``).join(', ');
  if (node.oneOf) return node.oneOf.map((choice) => kind(schema, choice)).join(', or ');
  if (node.type === 'array') return `list of ${kind(schema, node.items).replace(/^mapping$/, 'mappings')}`;
  if (node.type === 'integer')
    return node.minimum === undefined ? 'whole number' : `whole number ≥ ${node.minimum}`;
  if (node.type === 'object') return 'mapping';
  return node.type === 'string' ? 'text' : String(node.type);
}

/** Every key the schema allows, outermost first, as [path, kind, description] rows. */
export function schemaRows(schema) {
  const rows = [];
  const visit = (raw, prefix) => {
    const { node } = resolve(schema, raw);
    const target = node.type === 'array' ? resolve(schema, node.items).node : node;
    const path = node.type === 'array' ? `${prefix}[]` : prefix;
    for (const [name, child] of Object.entries(target.properties ?? {})) {
      const key = path === '' ? name : `${path}.${name}`;
      rows.push([key, kind(schema, child), resolve(schema, child).description ?? '']);
      visit(child, key);
    }
  };
  visit(schema, '');
  return rows;
}

/** The Markdown table of every key. */
export function schemaTable(schema) {
  return [
    '| Key | Value | What it does (from the schema) |',
    '| --- | --- | --- |',
    ...schemaRows(schema).map(
      ([key, value, description]) => `| \`${key}\` | ${value} | ${cell(description)} |`,
    ),
  ].join('\n');
}

/** The page with the table between its markers replaced by the generated one. */
export function withSchemaTable(page, schema) {
  const from = page.indexOf(START);
  const to = page.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/policy.md lacks the markers ${START} ... ${END}`);
  return `${page.slice(0, from + START.length)}\n\n${schemaTable(schema)}\n\n${page.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const pagePath = new URL('docs/policy.md', root);
  const page = readFileSync(pagePath, 'utf8');
  const schema = JSON.parse(readFileSync(new URL('src/policy/checklist-gate.schema.json', root), 'utf8'));
  const next = withSchemaTable(page, schema);
  writeFileSync(pagePath, next);
  console.log(
    next === page
      ? 'docs/policy.md: key table already current'
      : 'docs/policy.md: key table rewritten from the schema',
  );
}
