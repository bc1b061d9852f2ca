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
