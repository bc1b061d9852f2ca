import { createRequire } from 'node:module';
import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(markdown: string, options: object): string };

// GitHub renders with these extensions; tagfilter prints <textarea>, <script>, <iframe> and the like as text.
const EXTENSIONS = { tasklist: true, autolink: true, table: true, strikethrough: true, tagfilter: true };

type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * The page GitHub serves, as a browser reads it: cmark-gfm's HTML with raw HTML kept (GitHub then
 * sanitises it), read by an HTML5 parser. So a comment runs to whatever ends it in HTML ("-->",
 * "--!>", or "<!-->" at once), an unclosed quoted attribute takes in the rest of the page, and a
 * template's content is never shown. Comments are dropped from the tree: they draw nothing.
 */
function servedPage(markdown: string, sourcepos: boolean): Element {
  const html = cmark.renderHtmlSync(markdown, {
    sourcepos,
    unsafe: true,
    footnotes: true,
    extensions: EXTENSIONS,
  });
  // Positions unquoted, so that the page holds the quotes GitHub's page holds: a quoted attribute
  // value left open in raw HTML runs to the next quote, in text or in markup cmark-gfm writes.
  const page = html.replace(/ data-sourcepos="(\d+:\d+-\d+:\d+)"/g, ' data-sourcepos=$1');
  const document = parse(`<!DOCTYPE html><html><body>${page}`);
  const root = document.childNodes.find((node): node is Element => node.nodeName === 'html');
  const body = root?.childNodes.find((node): node is Element => node.nodeName === 'body');
  if (body === undefined) throw new Error('parse5 built no body');
  dropComments(body);
  return body;
}

function dropComments(parent: ParentNode): void {
  parent.childNodes = parent.childNodes.filter((node) => node.nodeName !== '#comment');
  for (const node of parent.childNodes) if ('childNodes' in node) dropComments(node);
}

/** The served page as HTML again, comments dropped and every tag as the browser closed it. */
function servedHtml(markdown: string, sourcepos: boolean): string {
  return serialize(servedPage(markdown, sourcepos));
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Elements in document order; a template's content is not in the page (parse5 keeps it apart). */
function* elements(parent: ParentNode): Generator<Element> {
  for (const node of parent.childNodes as ChildNode[]) {
    if (!('tagName' in node)) continue;
    yield node;
    yield* elements(node);
  }
}

/** The checkboxes GitHub's renderer (cmark-gfm with its extensions) draws, in order: true for ticked. */
export function githubCheckboxes(markdown: string): boolean[] {
  return githubBoxes(markdown).map((box) => box.checked);
}

/**
 * Task-list boxes in the served page: an <input type="checkbox"> that is the first element of a
 * list item cmark-gfm wrote (with its source position), or of that item's first paragraph.
 */
export function githubBoxes(markdown: string): { line: number; column: number; checked: boolean }[] {
  const boxes: { line: number; column: number; checked: boolean }[] = [];
  for (const element of elements(servedPage(markdown, true))) {
    if (element.tagName !== 'input' || attribute(element, 'type') !== 'checkbox') continue;
    const parent = element.parentNode as Element | null;
    const item = parent?.tagName === 'p' ? (parent.parentNode as Element | null) : parent;
    if (item?.tagName !== 'li' || parent === null) continue;
    if (parent.tagName === 'p' && item.childNodes.find((node) => 'tagName' in node) !== parent) continue;
    if (parent.childNodes.find((node) => 'tagName' in node) !== element) continue;
    const position = /^(\d+):(\d+)-/.exec(attribute(item, 'data-sourcepos') ?? '');
    if (position === null) continue;
    boxes.push({
      line: Number(position[1]),
      column: Number(position[2]),
      checked: attribute(element, 'checked') !== undefined,
    });
  }
  return boxes;
}

/**
 * What GitHub shows of footnotes: whether any (a definition referenced), and whether it draws a
 * box among them at the bottom (a task item inside such a definition).
 */
export function githubFootnotes(markdown: string): { shown: boolean; box: boolean } {
  const html = servedHtml(markdown, true);
  const notes = html.indexOf('<section class="footnotes"');
  return { shown: notes >= 0, box: notes >= 0 && html.slice(notes).includes('<input type="checkbox"') };
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

const EMPTY_TASK_AFTER_PARAGRAPH_THEN_INDENTED =
  /(?:^|\n)[ \t]*[^ \t\r\n][^\r\n]*\r?\n[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t]+[^ \t\r\n]/;

/**
 * The known difference between the parser and cmark-gfm, about structure, and not seen in a real
 * checklist: a task item holding only its check ("- [ ] ") right after a paragraph line, then a
 * blank line, then an indented line. cmark-gfm ends the empty item at the blank line; the parser
 * (which cannot blank an item that interrupts a paragraph) keeps the indented lines in it, and
 * reads every box there open. So the gate may show an open box that GitHub draws elsewhere or not
 * at all, never a ticked one GitHub does not draw ticked, nor miss one: see expectSafeBoxes.
 */
export function knownDifference(markdown: string): boolean {
  return (
    EMPTY_TASK_AFTER_PARAGRAPH_THEN_INDENTED.test(markdown) || LAZY_LINE_AFTER_TABLE_THEN_TASK.test(markdown)
  );
}

/**
 * A line that may be a table's delimiter row, a lazy line right after it, and a task line later.
 * When the table forms inside an item, cmark-gfm ends the item at the lazy line and reads what
 * commonmark nests after it at the outer level, often as text; the gate reads the boxes there
 * open (see mayEndAfterTable), so it may show an open box GitHub does not draw, never a ticked one.
 */
const LAZY_LINE_AFTER_TABLE_THEN_TASK =
  /\|[ \t]*:?-+:?[ \t]*(?:\|[^\r\n]*)?\r?\n[^ \t>\r\n][^\r\n]*\r?\n[\s\S]*\[[ xX]\]/;

/**
 * The safe direction, by line: every ticked item stands where GitHub draws a ticked box, and every
 * box GitHub draws stands beside an item of the gate.
 */
export function unsafeBoxes(markdown: string, items: { line: number; checked: boolean }[]): string[] {
  const boxes = githubBoxes(markdown);
  return [
    ...items
      .filter((item) => item.checked && !boxes.some((box) => box.line === item.line && box.checked))
      .map((item) => `ticked on line ${item.line}, where GitHub draws no ticked box`),
    ...boxes
      .filter((box) => !items.some((item) => item.line === box.line))
      .map((box) => `GitHub draws a box on line ${box.line} that the gate misses`),
  ];
}

export interface GitHubItem {
  checked: boolean;
  /** The text of the item's first block, tags stripped, white space collapsed. */
  text: string;
  /** Link targets in the item, leaving out those of nested task items, as written (percent-decoded). */
  links: string[];
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi;
const BLOCK_TAGS = new Set(['ul', 'ol', 'blockquote', 'pre', 'table', 'hr', 'div', 'p', 'h1', 'h2', 'h3']);
const ENTITY = /&(amp|lt|gt|quot|nbsp|#(\d+)|#x([0-9a-f]+));/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_all, name: string, decimal?: string, hex?: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' }[name.toLowerCase()] ?? '';
  });
}

function asWritten(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * The task items cmark-gfm draws, read from its HTML: whether ticked, the text of the first block
 * (a tight item's inline content up to its first nested block, or a loose item's first paragraph
 * or heading), and the links in the item outside nested task items. A footnote reference (a
 * superscript number linking to the note) is neither text nor link of the item.
 */
export function githubItems(markdown: string): GitHubItem[] {
  const html = servedHtml(markdown, false);
  type Open = { item: GitHubItem | null; text: string; reading: boolean; blocks: number; depth: number };
  const items: GitHubItem[] = [];
  const stack: Open[] = [];
  let last = 0;
  // A footnote's superscript number and its way back are no words nor links of the item: skipped to this closing tag.
  let skipTo: string | null = null;
  const feed = (chunk: string) => {
    const top = stack.at(-1);
    if (top?.reading && skipTo === null) top.text += chunk;
  };
  for (const match of html.matchAll(TAG)) {
    feed(decodeEntities(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    const name = (rawName ?? '').toLowerCase();
    if (skipTo !== null) {
      if (closing && name === skipTo) skipTo = null;
      continue;
    }
    if (!closing && /class="footnote-(?:ref|backref)"/.test(attributes)) {
      skipTo = name;
      continue;
    }
    const top = stack.at(-1);
    if (name === 'li' && !closing) {
      stack.push({ item: null, text: '', reading: false, blocks: 0, depth: 0 });
      continue;
    }
    if (name === 'li' && closing) {
      const done = stack.pop();
      if (done?.item) done.item.text = done.text.replace(/\s+/g, ' ').trim();
      continue;
    }
    if (!top) continue;
    if (name === 'input' && top.item === null && top.blocks <= 1 && /type="checkbox"/.test(attributes)) {
      top.item = { checked: / checked=""/.test(attributes), text: '', links: [] };
      items.push(top.item);
      top.reading = true;
      continue;
    }
    if (name === 'a' && !closing) {
      const href = /href="([^"]*)"/.exec(attributes)?.[1];
      const owner = [...stack].reverse().find((open) => open.item !== null);
      if (href !== undefined && owner?.item) owner.item.links.push(asWritten(decodeEntities(href)));
    }
    if (name === 'br') feed(' ');
    if (BLOCK_TAGS.has(name) || /^h[1-6]$/.test(name)) {
      if (!closing) {
        top.blocks++;
        // The first block of a loose item, a paragraph or heading, is its text; anything else ends it.
        top.reading = top.reading && top.blocks === 1 && (name === 'p' || /^h[1-6]$/.test(name));
      } else if (top.reading) top.reading = false;
    }
  }
  for (const item of items) item.links = [...new Set(item.links)];
  return items;
}

const FOOTNOTE_DEFINITION = /(?:^|\n)[ \t>]*\[\^[^\] \t\r\n]+\]:/;
const ITEM_HOLDING_ONLY_ITS_CHECK =
  /(?:^|\n)[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t\v\f]+\[[ xX]\][ \t\v\f]*(?:\r?\n|$)/;

const DEFINITION_AFTER_ITEM_THEN_INDENTED =
  /(?:^|\n)[ \t]*(?:[-+*]|\d{1,9}[.)])[^\r\n]*\r?\n[ \t>]*\[\^[^\] \t\r\n]+\]:[^\r\n]*\r?\n[ \t]+\S/;

/**
 * The known differences about footnotes, where the parser does not follow where cmark-gfm ends a
 * note or the items around it. A definition in a description that also holds an item holding only
 * its check: cmark-gfm takes no lazy line into such an item, nor into a note ending in one. And a
 * definition right after a list item's line, followed by an indented line: when the definition
 * stands on a lazy line it closes the item and its list, and cmark-gfm nests the indented lines
 * after it otherwise. Ticks stay safe: never ticked where GitHub draws no ticked box.
 */
export function knownFootnoteDifference(markdown: string): boolean {
  return (
    FOOTNOTE_DEFINITION.test(markdown) &&
    (ITEM_HOLDING_ONLY_ITS_CHECK.test(markdown) || DEFINITION_AFTER_ITEM_THEN_INDENTED.test(markdown))
  );
}

const DELIMITER_BY_VT_OR_FF = /[\v\f][*_]|[*_][\v\f]/;

/**
 * The known differences in text and links. An emphasis delimiter next to a vertical tab or form
 * feed: for commonmark these are white space around the delimiter, for cmark-gfm not, so one reads
 * emphasis where the other keeps the "_" or "*" as text.
 */
export function knownTextDifference(markdown: string): boolean {
  return DELIMITER_BY_VT_OR_FF.test(markdown);
}
