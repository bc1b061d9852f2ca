// Workflows and action.yml checked against the schemas GitHub's runner accepts, offline: the
// schemas come inside @action-validator/core (a WebAssembly build of action-validator, which
// checks against SchemaStore's github-workflow and github-action schemas).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { codeBlocks, PAGES, read, ROOT } from './helpers/doc-pages.js';

const require = createRequire(import.meta.url);
const { validateAction, validateWorkflow } =
  require('@action-validator/core') as typeof import('@action-validator/core');

const WORKFLOWS = readdirSync(join(ROOT, '.github', 'workflows')).map((name) => `.github/workflows/${name}`);

/** Each error as one line: where in the document, and what is wrong. */
const problems = (state: ReturnType<typeof validateWorkflow>) =>
  state.errors.map(
    (error) =>
      `${'path' in error ? error.path : ''} ${error.title}${error.detail ? `: ${error.detail}` : ''}`,
  );

/** The whole workflows shown in the README and docs/: YAML blocks with both on: and jobs:. */
const documentedWorkflows = PAGES.flatMap(codeBlocks)
  .filter((block) => block.info === 'yaml' && /^on:/m.test(block.text) && /^jobs:/m.test(block.text))
  .map((block) => [`${block.page}:${block.line}`, block.text] as const);

describe('workflows against the workflow schema', () => {
  it.each(WORKFLOWS)('%s is valid', (path) => {
    expect(problems(validateWorkflow(read(path)))).toEqual([]);
  });

  it.each(documentedWorkflows)('the workflow in %s is valid', (_where, text) => {
    expect(problems(validateWorkflow(text))).toEqual([]);
  });

  it('the check can fail: an unknown key in a job is an error', () => {
    const broken = 'on: push\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    expect(problems(validateWorkflow(broken))).not.toEqual([]);
  });
});

describe('action.yml against the action schema', () => {
  it('is valid, runs.using aside', () => {
    const action = read('action.yml');
    // The schema in @action-validator/core 0.6.0 predates the node24 runtime GitHub's runners
    // have since added; everything else in action.yml is held to it.
    expect(action).toMatch(/^ {2}using: node24$/m);
    expect(problems(validateAction(action.replace(/^ {2}using: node24$/m, '  using: node20')))).toEqual([]);
  });
});
