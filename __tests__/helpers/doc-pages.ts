// The documentation pages the docs tests read, and their parts as commonmark reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, type Node } from 'commonmark';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The README, the contributor, change and security pages, the ready checklists' index, and every page of docs/. */
export const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'SECURITY.md',
  'checklists/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

export interface Block {
  page: string;
  line: number;
  /** The fence's language: yaml, sh, … */
  info: string;
  text: string;
}

/** Calls visit with every node of the page, outermost first. */
export function walk(page: string, visit: (node: Node) => void): void {
  const walker = new Parser().parse(read(page)).walker();
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) visit(event.node);
}

/** The fenced code blocks of a page. */
export function codeBlocks(page: string): Block[] {
  const blocks: Block[] = [];
  walk(page, (node) => {
    if (node.type === 'code_block' && node.info !== null)
      blocks.push({
        page,
        line: node.sourcepos[0][0],
        info: node.info.split(/\s/)[0] ?? '',
        text: node.literal ?? '',
      });
  });
  return blocks;
}

/** A command line of a page's shell blocks that runs the CLI, as written, without its comment. */
export interface CliExample {
  page: string;
  line: number;
  command: string;
}

/** The lines of a page's `sh` blocks that run `checklist-gate` (after any variables set for it). */
export function cliExamples(page: string): CliExample[] {
  return codeBlocks(page)
    .filter((block) => block.info === 'sh')
    .flatMap((block) =>
      block.text.split('\n').map((text, index) => ({
        page,
        line: block.line + 1 + index,
        // A comment starts at " # "; a "#" inside a word (acme/shop#120) is the command's.
        command: text.replace(/\s+#\s.*$/, '').trim(),
      })),
    )
    .filter((example) => /^([A-Z_]+=\S+\s+)*checklist-gate\s/.test(example.command));
}

/** The checklist the documentation's `init --from docs/RELEASE_CHECKLIST.md` reads: a team's own, with a conditional item and a link. */
export const RELEASE_CHECKLIST = [
  '# Release checklist',
  '',
  '## Database',
  '',
  '- [ ] Migrations applied',
  '- [ ] Replication configured (if needed)',
  '',
  '## Rollout',
  '',
  '- [ ] Canary watched on [the dashboard](https://grafana.acme.dev/d/canary)',
  '- [ ] Rollback plan tested',
  '',
].join('\n');
