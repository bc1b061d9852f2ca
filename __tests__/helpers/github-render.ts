import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(markdown: string, options: object): string };

const EXTENSIONS = { tasklist: true, autolink: true, table: true, strikethrough: true, tagfilter: true };
const CHECKBOX = /<li data-sourcepos="(\d+):\d+-[^"]*">(?:\s*<p data-sourcepos="[^"]*">)?<input type="checkbox"( checked="")? disabled="" \/>/g;

/** The checkboxes GitHub's renderer (cmark-gfm with its extensions) draws, in order: true for ticked. */
export function githubCheckboxes(markdown: string): boolean[] {
  return githubBoxes(markdown).map((box) => box.checked);
}

export function githubBoxes(markdown: string): { line: number; checked: boolean }[] {
  const html = cmark.renderHtmlSync(markdown, { sourcepos: true, extensions: EXTENSIONS });
  return [...html.matchAll(CHECKBOX)].map((match) => ({ line: Number(match[1]), checked: match[2] !== undefined }));
}

/**
 * cmark-gfm can draw an item ticked because of a later line (a lazy "- [x]" inside a block quote in
 * the item), though the item's own box is "[ ]". The gate keeps the item's own box, the stricter
 * reading; such documents are told apart so that tests can say so.
 */
export function githubTicksFromLaterLine(markdown: string): boolean {
  const lines = markdown.split(/\r\n|\r|\n/);
  return githubBoxes(markdown).some((box) => box.checked && !/\[[xX]\]/.test(lines[box.line - 1] ?? ''));
}
