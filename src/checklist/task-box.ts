/** An item's checkbox as GitHub draws it, from its own line. */
import type { Node } from 'commonmark';
import { beforeEndingBlankLine, rewriteOfCheck, type Rewrite } from './empty-checks.js';
import { columnsTo, indentColumns, type DescriptionLines } from './lines.js';
import { afterListMarker, CHECK_LENGTH, gapColumns, readTaskLine } from './task-marker.js';

/** A list item GitHub draws with a checkbox, as read from its own line. */
export interface TaskBox {
  ticked: boolean;
  /** Whether the item's own check is ticked. */
  own: boolean;
  /** Characters of the item's first block that are the check, for cmark-gfm's view of the text. */
  skip: number;
  /**
   * Whether the item holds nothing on GitHub: its own line holds only the check, and the next line
   * is not indented under it. cmark-gfm is then left with an empty item that ends there, where
   * commonmark would take a lazy next line as the item's text.
   */
  empty: boolean;
}

/** Which list items GitHub draws a box for, read from each item's own line, and the rewrites of items holding only their check. */
export class TaskBoxes {
  /**
   * Lines of items holding only their check, in this pass's structure, with what to write over
   * the check (see empty-checks.ts and holdsOnlyTheCheck).
   */
  readonly emptyChecks = new Map<number, Rewrite>();

  /**
   * `borrowed`: items ("line:column") that have no box of their own but get one from a later line;
   * `blanked`: the rewrites in the text the tree was parsed from.
   */
  constructor(
    private readonly lines: DescriptionLines,
    private readonly borrowed: ReadonlySet<string>,
    readonly blanked: ReadonlyMap<number, Rewrite>,
  ) {}

  /** The column where a list item's content starts, for telling which items a later line continues. */
  contentColumn(item: Node): number {
    const [lineNumber, column] = item.sourcepos[0];
    const line = this.lines.line(lineNumber);
    const markerEnd = afterListMarker(line.slice(column - 1));
    if (markerEnd === null) return Infinity;
    const end = column - 1 + markerEnd;
    const { columns, contentAt } = gapColumns(line, end);
    // Blank after the marker, or indented code: content one column after the marker.
    if (contentAt >= line.length || columns > 4) return columnsTo(line, end) + 1;
    return columnsTo(line, contentAt);
  }

  /**
   * Whether GitHub draws a box for the item, by cmark-gfm's rule on the item's own line: the line
   * must be a task line, and the content must start at the check (more than four columns after the
   * marker make indented code, where cmark-gfm reads no check).
   */
  taskBox(item: Node): TaskBox | null {
    const [lineNumber, column] = item.sourcepos[0];
    if (this.borrowed.size > 0 && this.borrowed.has(`${lineNumber}:${column}`))
      return { ticked: false, own: false, skip: 0, empty: false };
    const line = this.lines.line(lineNumber);
    if (!this.blanked.has(lineNumber) && line.slice(0, column - 1).trim() !== '') return null;
    const task = readTaskLine(line);
    const markerEnd = afterListMarker(line);
    if (task === null || markerEnd === null) return null;
    const { columns, contentAt } = gapColumns(line, markerEnd);
    if (columns > 4) return null;
    if (this.blanked.has(lineNumber)) {
      // Asks for the rewrite again in this pass's structure (see parseChecklist).
      this.holdsOnlyTheCheck(item, line, contentAt, lineNumber);
      return { ticked: task.ticked && task.drawnTicked, own: task.ticked, skip: 0, empty: false };
    }
    // cmark-gfm steps over three characters from the content's start; white space among them
    // that commonmark already trimmed from the paragraph is not stepped over again.
    const stepped = line.slice(contentAt, contentAt + CHECK_LENGTH);
    const trimmed = stepped.length - stepped.replace(/^[\v\f]+/, '').length;
    // The stricter choice: ticked only when the check is ticked and GitHub draws it ticked.
    return {
      ticked: task.ticked && task.drawnTicked,
      own: task.ticked,
      skip: CHECK_LENGTH - trimmed,
      empty: this.holdsOnlyTheCheck(item, line, contentAt, lineNumber),
    };
  }

  /**
   * Whether blanking the check keeps the item an item: a blank item cannot interrupt a paragraph,
   * so the first item of a list right after a paragraph line keeps its check (TaskBox.empty then
   * keeps lazy lines out of its text). A paragraph of link reference definitions leaves no node:
   * the line before must be blank, or end a block that is no paragraph, or start the item the
   * list is in with nothing after its marker; otherwise the check is kept, the stricter choice.
   */
  private canBlank(item: Node, lineNumber: number): boolean {
    const list = item.parent;
    if (list === null || list.firstChild !== item || lineNumber === 1) return true;
    if (indentColumns(this.lines.line(lineNumber - 1)) === null) return true;
    const before = list.prev;
    if (before !== null) return before.type !== 'paragraph' && before.sourcepos[1][0] === lineNumber - 1;
    const parent = list.parent;
    if (parent?.type !== 'item' || parent.sourcepos[0][0] !== lineNumber - 1) return false;
    const line = this.lines.line(lineNumber - 1).slice(parent.sourcepos[0][1] - 1);
    const markerEnd = afterListMarker(line);
    return markerEnd !== null && /^[ \t]*$/.test(line.slice(markerEnd));
  }

  /** See TaskBox.empty: the content column is where the check starts. */
  private holdsOnlyTheCheck(item: Node, line: string, contentAt: number, lineNumber: number): boolean {
    // Blank as cmark reads it: spaces and tabs only.
    if (!/^[ \t]*$/.test(line.slice(contentAt + CHECK_LENGTH))) return false;
    const contentColumn = columnsTo(line, contentAt);
    const nextLine = lineNumber < this.lines.starts.length ? this.lines.line(lineNumber + 1) : null;
    const next = nextLine === null ? null : indentColumns(nextLine);
    const at = (this.lines.starts[lineNumber - 1] ?? 0) + contentAt;
    const beforeBlankLine = beforeEndingBlankLine(nextLine, contentColumn);
    this.emptyChecks.set(
      lineNumber,
      rewriteOfCheck(at, beforeBlankLine, beforeBlankLine && this.canBlank(item, lineNumber)),
    );
    return next === null || next < contentColumn;
  }
}
