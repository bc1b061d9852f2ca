/** An item's first paragraph: its text, its evidence, its words. */
import type { Node } from 'commonmark';
import { definitionAfterCheck } from './definition-in-item.js';
import type { Segment } from './inline-text.js';
import { columnsTo, indentColumns, type DescriptionLines } from './lines.js';
import { trimTrailingSeparators } from './plain-text.js';
import { DELIMITER_ROW, tableStart } from './table-rows.js';
import { CHECK_LENGTH } from './task-marker.js';

/** How far an item's first paragraph is its text and its evidence, and what its words are. */

export function isTrailingEvidence(segment: Segment | undefined): boolean {
  if (segment === undefined) return false;
  return segment.kind !== 'text' || trimTrailingSeparators(segment.text.trim()) === '';
}

/** A paragraph's own words: text nodes only, so that a marker quoted in a code span does not count. */
export function proseText(node: Node): string {
  if (node.type === 'text') return node.literal ?? '';
  // Most paragraphs are one text node (adjacent text is joined, see joined-text.ts).
  const only = node.firstChild;
  if (only !== null && only.next === null && only.type === 'text') return only.literal ?? '';
  // Joined once: adding tens of thousands of pieces to a string builds a chain of them.
  const pieces: string[] = [];
  addProse(node, pieces);
  return pieces.join('');
}

function addProse(node: Node, pieces: string[]): void {
  for (let child = node.firstChild; child !== null; child = child.next)
    if (child.type === 'text') pieces.push(child.literal ?? '');
    else addProse(child, pieces);
}

/** Inline nodes have no position of their own: the paragraph or heading around them stands for them. */
export function enclosingBlock(node: Node): Node {
  let block: Node = node;
  while ((block.sourcepos as Node['sourcepos'] | undefined) === undefined && block.parent !== null)
    block = block.parent;
  return block;
}

/** See definition-after-check.ts: the paragraph's lines, the first from after the check. */
export function definitionAfterCheckIn(lines: DescriptionLines, paragraph: Node): boolean {
  const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
  const text = [lines.line(startLine).slice(startColumn - 1 + CHECK_LENGTH)];
  for (let line = startLine + 1; line <= endLine; line++) text.push(lines.line(line));
  return definitionAfterCheck(text);
}

/** Lines of a paragraph before cmark-gfm makes a table of the rest (see table-rows.ts); all when none. */
export function linesBeforeTable(lines: DescriptionLines, paragraph: Node, skip: number): number {
  const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
  if (paragraph.type !== 'paragraph' || endLine === startLine) return Infinity;
  const text = [lines.line(startLine).slice(startColumn - 1 + skip)];
  // A lazy line (less indented than the paragraph) cannot be a table's delimiter row.
  const column = columnsTo(lines.line(startLine), startColumn - 1);
  for (let line = startLine + 1; line <= endLine; line++) text.push(lines.line(line));
  if (!text.some((line) => line.includes('|'))) return Infinity;
  return tableStart(text, (line) => (indentColumns(line) ?? 0) < column) ?? Infinity;
}

/**
 * Lines of a paragraph holding a table (its head on line `table`, see linesBeforeTable) that
 * GitHub keeps in the item: up to the first lazy line after the delimiter row, as a table row
 * cannot be lazy; all when there is none.
 */
export function linesInItem(lines: DescriptionLines, paragraph: Node, table: number): number {
  const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
  const column = columnsTo(lines.line(startLine), startColumn - 1);
  for (let line = startLine + table + 2; line <= endLine; line++)
    if ((indentColumns(lines.line(line)) ?? 0) < column) return line - startLine;
  return Infinity;
}

/**
 * Whether GitHub may end the item inside this paragraph: a line that can be a table's delimiter row
 * (with a pipe), and after it a lazy line, which no table row can be. cmark-gfm then closes the
 * item and its list, and reads what commonmark nests after it elsewhere, often as text. Whether a
 * table really forms there depends on the row before it as cmark-gfm cuts it (a box after a
 * vertical tab or form feed is cut otherwise), so this answers yes wherever one could.
 */
export function mayEndAfterTable(lines: DescriptionLines, paragraph: Node): boolean {
  if (paragraph.type !== 'paragraph') return false;
  const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
  const column = columnsTo(lines.line(startLine), startColumn - 1);
  let delimiter = false;
  for (let line = startLine + 1; line <= endLine; line++) {
    const text = lines.line(line);
    const lazy = (indentColumns(text) ?? 0) < column;
    if (delimiter && lazy) return true;
    delimiter ||= !lazy && text.includes('|') && DELIMITER_ROW.test(text);
  }
  return false;
}
