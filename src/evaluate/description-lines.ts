/** Hints from the description's lines for what the parsed tree cannot say. */
import { Parser } from 'commonmark';
import { markdownToPlainText } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';
import type { ChecklistDocument, TaskItem } from '../checklist/task-item.js';

/**
 * Hints from the description's lines for what the parsed tree cannot say: a line that the tree
 * says is no task item but that looks like one, and a link on the line after an item but outside
 * it. A hint only ever explains a failure; it never counts as a box or as evidence.
 */

/** A line that a person reads as a checkbox, but that GitHub does not draw as one. */
export interface AlmostBox {
  line: number;
  /** Whether it looks ticked: what to write instead is `- [x]`, else `- [ ]`. */
  ticked: boolean;
  /** In a table cell, where GitHub never draws a box. */
  inTable: boolean;
  /** The block that keeps GitHub from drawing it, where one does: "a code block", "an HTML block", "a quote". */
  container?: string;
  /** The text after the box, as it would be compared with the policy. */
  key: string;
  /** An id marker on the line, if any. */
  id: string | null;
}

/** A box-like bracket, with what is inside it: "[ x ]", "[x ]", "[✓]", "[X]" after no list marker. */
const BOX = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s*)?\[(\s*[xX✓✔☑✅]?\s*)\]\s*(.*)$/u;
const ID_MARKER = /<!--\s*id:\s*([^\s>]+)\s*-->/;

/** The blocks whose lines GitHub draws no box in, by line: code blocks, HTML blocks, quotes. */
function containersByLine(description: string): Map<number, string> {
  const names: Record<string, string> = {
    code_block: 'a code block',
    html_block: 'an HTML block',
    block_quote: 'a quote',
  };
  const byLine = new Map<number, string>();
  const walker = new Parser().parse(description).walker();
  for (let step = walker.next(); step !== null; step = walker.next()) {
    const name = names[step.node.type];
    if (!step.entering || name === undefined) continue;
    const [[first], [last]] = step.node.sourcepos;
    // The innermost block names the line: a code block inside a quote is a code block.
    for (let line = first; line <= last; line++) byLine.set(line, name);
  }
  return byLine;
}

/** Lines that look like task items but are none in the tree (which decides what is a box). */
export function findAlmostBoxes(description: string, doc: ChecklistDocument): AlmostBox[] {
  const found = boxLines(description, doc);
  if (found.length === 0) return found;
  const containers = containersByLine(description);
  for (const box of found) {
    const container = box.inTable ? undefined : containers.get(box.line);
    if (container !== undefined) box.container = container;
  }
  return found;
}

function boxLines(description: string, doc: ChecklistDocument): AlmostBox[] {
  const itemLines = new Set(doc.items.map((item) => item.line));
  const found: AlmostBox[] = [];
  description.split(/\r\n|\r|\n/).forEach((text, index) => {
    const line = index + 1;
    if (itemLines.has(line) || !text.includes('[')) return;
    const inTable = text.trim().startsWith('|');
    const cells = inTable ? text.split('|') : [text];
    for (const cell of cells) {
      const box = BOX.exec(cell);
      if (!box) continue;
      const rest = box[2] ?? '';
      found.push({
        line,
        ticked: /\S/.test(box[1] ?? ''),
        inTable,
        key: matchKey(markdownToPlainText(rest.replace(ID_MARKER, ''))),
        id: ID_MARKER.exec(rest)?.[1] ?? null,
      });
    }
  });
  return found;
}

/** The almost-box a policy item was probably written as: by its id marker, or by its text. */
export function almostBoxFor(
  boxes: AlmostBox[],
  rule: { id: string | null; text: string | null; match: string | null },
): AlmostBox | null {
  const wanted = rule.text !== null ? matchKey(markdownToPlainText(rule.text)) : null;
  const pattern = rule.match !== null ? new RegExp(rule.match, 'i') : null;
  return (
    boxes.find(
      (box) =>
        (rule.id !== null && box.id === rule.id) ||
        (wanted !== null && wanted !== '' && (box.key === wanted || box.key.startsWith(`${wanted} `))) ||
        (pattern !== null && pattern.test(box.key)),
    ) ?? null
  );
}

/** What to write instead of an almost-box, in the words a person sees. */
export function almostBoxFix(box: AlmostBox): string {
  const write = box.ticked ? '- [x]' : '- [ ]';
  if (box.container !== undefined)
    return `Line ${box.line} is inside ${box.container}, so GitHub does not draw a box: write "${write}" on a line of its own, outside ${box.container.replace(/^an? /, 'the ')}.`;
  const where = box.inTable ? ' on a line of its own, outside the table' : '';
  return `Line ${box.line} looks like a box, but GitHub does not draw one here: write "${write}"${where}.`;
}

/** Why a missing item's line is no box, in words. */
export function almostBoxProblem(box: AlmostBox): string {
  return box.container !== undefined
    ? `not a task item: line ${box.line} is inside ${box.container}, so GitHub does not draw a box`
    : `not a task item: line ${box.line} looks like a box, but GitHub does not draw one there`;
}

const URL = /\bhttps?:\/\/[^\s<>()[\]]+/g;

/**
 * A link on the first non-blank line after a task item that is not part of the item (GitHub put
 * it in a paragraph of its own), when it is one the item would accept.
 */
export function strayLink(
  description: string,
  item: TaskItem,
  doc: ChecklistDocument,
  accepts: (url: string) => boolean,
): { line: number; url: string } | null {
  const { lines, itemLines } = linesOf(description, doc);
  for (let index = item.line; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (text.trim() === '') continue;
    if (itemLines.has(index + 1)) return null;
    const url = (text.match(URL) ?? []).find((each) => !item.links.includes(each) && accepts(each));
    return url === undefined ? null : { line: index + 1, url };
  }
  return null;
}

/** The description's lines and its task items' lines, split once for all the items of one evaluation. */
let last: { description: string; doc: ChecklistDocument; lines: string[]; itemLines: Set<number> } | null =
  null;

function linesOf(description: string, doc: ChecklistDocument): { lines: string[]; itemLines: Set<number> } {
  if (last?.description !== description || last.doc !== doc)
    last = {
      description,
      doc,
      lines: description.split(/\r\n|\r|\n/),
      itemLines: new Set(doc.items.map((each) => each.line)),
    };
  return last;
}
