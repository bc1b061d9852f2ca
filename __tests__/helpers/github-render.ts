import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(markdown: string, options: object): string };

const EXTENSIONS = { tasklist: true, autolink: true, table: true, strikethrough: true, tagfilter: true };
const CHECKBOX =
  /<li data-sourcepos="(\d+):(\d+)-[^"]*">(?:\s*<p data-sourcepos="[^"]*">)?<input type="checkbox"( checked="")? disabled="" \/>/g;

/** The checkboxes GitHub's renderer (cmark-gfm with its extensions) draws, in order: true for ticked. */
export function githubCheckboxes(markdown: string): boolean[] {
  return githubBoxes(markdown).map((box) => box.checked);
}

export function githubBoxes(markdown: string): { line: number; column: number; checked: boolean }[] {
  const html = cmark.renderHtmlSync(markdown, { sourcepos: true, extensions: EXTENSIONS });
  return [...html.matchAll(CHECKBOX)].map((match) => ({
    line: Number(match[1]),
    column: Number(match[2]),
    checked: match[3] !== undefined,
  }));
}

// One to four columns between marker and check; five or more make the rest indented code.
const OWN_CHECK = /^(?:[-+*]|\d{1,9}[.)])(?: {1,4}|\t)\[([ xX])\][ \t]/;

/**
 * cmark-gfm can take an item's box from a later line: a lazy "- [ ]" or "- [x]" inside a block
 * quote in the item makes it draw a box beside an item whose own line has none, or another tick.
 * The gate reads each item's own line; documents where the two differ for this reason are told
 * apart so that tests can say so.
 */
export function githubBoxFromLaterLine(markdown: string): boolean {
  const lines = markdown.split(/\r\n|\r|\n/);
  return githubBoxes(markdown).some((box) => {
    const line = Array.from(lines[box.line - 1] ?? '')
      .slice(box.column - 1)
      .join('');
    const own = OWN_CHECK.exec(line);
    return !own || (own[1] !== ' ') !== box.checked;
  });
}

const TWO_MARKERS_ON_A_LINE = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:[-+*]|\d{1,9}[.)])[ \t]/m;
const ORDERED_FROM_OTHER_THAN_ONE = /^[ \t>]*(?:\d{2,9}|[02-9])[.)][ \t]/m;

const EMPTY_TASK_THEN_MORE = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]+\r?\n[^]*\S/m;

/**
 * The two known differences between the parser and cmark-gfm, both about structure that micromark
 * reads otherwise, and neither seen in a real checklist:
 * (1) after a line with two list markers ("- 10. [ ] item"), a line that starts an ordered list
 *     from a number other than 1 is a lazy continuation for micromark and a new list for cmark-gfm;
 * (2) a task item holding only its check ("- [ ] "), with more lines after it: cmark-gfm takes the
 *     check away and is left with an empty item, which ends at a blank line or lets the next line
 *     start a list, where micromark keeps a paragraph "[ ]" going.
 */
export function knownDifference(markdown: string): boolean {
  return (
    (TWO_MARKERS_ON_A_LINE.test(markdown) && ORDERED_FROM_OTHER_THAN_ONE.test(markdown)) ||
    EMPTY_TASK_THEN_MORE.test(markdown)
  );
}
