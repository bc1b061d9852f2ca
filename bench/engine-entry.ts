// The pure engine, bundled on its own for the benchmark: parse, evaluate, render.
export { parseChecklist, UnreadableDescriptionError } from '../src/checklist/parse.js';
export { evaluate } from '../src/evaluate/evaluate.js';
export { loadPolicy } from '../src/policy/load-policy.js';
export { renderMarkdown } from '../src/report/markdown.js';
