// `npm run docs:tables`: writes the README's tables of inputs and outputs from action.yml, so the
// two cannot drift apart. __tests__/docs.test.ts fails when the README's tables differ from these.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Text in a table cell: a pipe would end the cell, a line break the row, `<x>` would be read as HTML. */
export const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
/** A value as a code span: there only a pipe needs escaping. */
const code = (text) => (text === '' ? '' : `\`${String(text).replace(/\|/g, '\\|')}\``);

/** The Markdown tables of action.yml's inputs and outputs, in the order action.yml lists them. */
export function actionTables(actionYaml) {
  const action = parse(actionYaml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, input]) => `| \`${name}\` | ${code(input.default ?? '')} | ${cell(input.description)} |`,
  );
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return {
    inputs: ['| Input | Default | Meaning |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| Output | Meaning |', '| --- | --- |', ...outputs].join('\n'),
  };
}

/** The README with each table between its markers replaced by the generated one. */
export function withActionTables(readme, actionYaml) {
  const tables = actionTables(actionYaml);
  let text = readme;
  for (const which of ['inputs', 'outputs']) {
    const start = `<!-- ${which}: generated from action.yml by npm run docs:tables -->`;
    const end = `<!-- end of ${which} -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
    text = `${text.slice(0, from + start.length)}\n\n${tables[which]}\n\n${text.slice(to)}`;
  }
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const next = withActionTables(readme, readFileSync(new URL('action.yml', root), 'utf8'));
  writeFileSync(readmePath, next);
  console.log(
    next === readme ? 'README.md: tables already current' : 'README.md: tables rewritten from action.yml',
  );
}
