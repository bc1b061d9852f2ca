import type { Node } from 'commonmark';
import { gfmParser, withoutByteOrderMark } from './gfm-parser.js';
import {
  beforeEndingBlankLine,
  rewriteOfCheck,
  rewrittenText,
  sameRewrites,
  type Rewrite,
} from './empty-checks.js';
import { collectLinks, segments, skippedNodes, type Segment } from './inline-text.js';
import { columnsTo, indentColumns, lineAt, lineStarts } from './lines.js';
import { predictedRewrites } from './rewrite-guess.js';
import { collapseSpace, plainText, trimEvidenceIntroducer, trimTrailingSeparators } from './plain-text.js';
import { definitionAfterCheck } from './definition-after-check.js';
import { footnotes, NO_FOOTNOTES, type Footnotes } from './footnotes.js';
import { servedHtml } from './served-comments.js';
import { strikethrough } from './strikethrough.js';
import { tableStart } from './table-rows.js';
import { afterListMarker, CHECK_LENGTH, gapColumns, readTaskLine } from './task-marker.js';
import type { ChecklistDocument, Heading, MarkerCandidate, TaskItem } from './task-item.js';

const ID_MARKER = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*-->$/;

/** A description the parser refuses to read, saying why: nesting that deep is no checklist. */
export class UnreadableDescriptionError extends Error {}

/** Most block quote and list markers one line may nest; GitHub draws no checkbox on such a line. */
const MAX_MARKERS_ON_A_LINE = 100;
/**
 * Deepest list nesting read, in levels. Each level indents an item by two columns or more, so a list
 * marker at column 200 or later may be nested deeper; commonmark scans a line's indentation again
 * for each list around it, so deeper nesting costs time out of all proportion.
 */
const MAX_LIST_LEVELS = 100;
const MAX_MARKER_COLUMN = 2 * MAX_LIST_LEVELS;

/**
 * Refuses lines that open more than MAX_MARKERS_ON_A_LINE quotes or lists, or whose list marker
 * stands at MAX_MARKER_COLUMN or later: they cost the parser time and stack out of all proportion.
 */
function refuseDeepNesting(markdown: string): void {
  let line = 1;
  let markers = 0;
  let column = 0;
  let counting = true;
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at] ?? '';
    if (char === '\n') {
      line++;
      markers = 0;
      column = 0;
      counting = true;
      continue;
    }
    if (!counting) continue;
    if (char === ' ' || char === '\t') {
      column = char === '\t' ? column + 4 - (column % 4) : column + 1;
      continue;
    }
    const next = markdown[at + 1] ?? ' ';
    let list = false;
    if (char === '>') markers++;
    else if ('-*+'.includes(char) && (next === ' ' || next === '\t')) {
      markers++;
      list = true;
    } else if (char >= '0' && char <= '9') {
      let end = at;
      while ((markdown[end] ?? '') >= '0' && (markdown[end] ?? '') <= '9') end++;
      if ((markdown[end] === '.' || markdown[end] === ')') && (markdown[end + 1] ?? ' ').trim() === '') {
        markers++;
        list = true;
        column += end - at;
        at = end;
      } else counting = false;
    } else counting = false;
    if (markers > MAX_MARKERS_ON_A_LINE) {
      throw new UnreadableDescriptionError(
        `line ${line} of the description nests more than ${MAX_MARKERS_ON_A_LINE} block quotes or list markers; ` +
          'checklist-gate reads at most that many, and GitHub draws no checkbox on such a line',
      );
    }
    if (list && column >= MAX_MARKER_COLUMN) {
      throw new UnreadableDescriptionError(
        `line ${line} of the description has a list marker at column ${column + 1}; ` +
          `checklist-gate reads list markers up to column ${MAX_MARKER_COLUMN} (lists nested up to ${MAX_LIST_LEVELS} levels deep), as deeper ones cost the parser time out of all proportion`,
      );
    }
    column++;
  }
}

/** Readings again after the first, when the rewrites it asks for are not those it was read with; a few settle in two or three. */
const MAX_REWRITE_ROUNDS = 4;

/** Parses the description with `blanked` written over their checks, and reads it. */
function readRewritten(markdown: string, starts: readonly number[], blanked: ReadonlyMap<number, Rewrite>) {
  const tree = gfmParser().parse(withoutByteOrderMark(rewrittenText(markdown, blanked)));
  const reader = new ChecklistReader(markdown, starts, new Set(), blanked);
  return { tree, reader, doc: reader.read(tree) };
}

/** Parses a description with GitHub's Markdown dialect and returns the checkboxes GitHub would draw. */
export function parseChecklist(markdown: string): ChecklistDocument {
  refuseDeepNesting(markdown);
  try {
    // Items whose line holds only the check are read from rewritten text (see empty-checks.ts).
    // The rewrites are guessed from the lines first (rewrite-guess.ts); the reading says which it needs in its
    // structure, and each rewrite can change what the next line continues: read again until the
    // rewrites the reading asks for are the ones it was read with. The rewrites that settle are
    // the same whatever the guess, as each depends only on the lines before it.
    const starts = lineStarts(markdown);
    let reading = readRewritten(markdown, starts, predictedRewrites(markdown, starts));
    for (
      let round = 0;
      round < MAX_REWRITE_ROUNDS && !sameRewrites(reading.reader.emptyChecks, reading.reader.blanked);
      round++
    )
      reading = readRewritten(markdown, starts, reading.reader.emptyChecks);
    const { tree, reader, doc } = reading;
    // Boxes borrowed from a later line are known only after a full walk: the same tree, walked again.
    if (reader.borrowedBoxes.size > 0)
      return new ChecklistReader(markdown, starts, reader.borrowedBoxes, reader.blanked).read(tree);
    return doc;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UnreadableDescriptionError(
        `the description nests blocks too deeply to read (${error.message})`,
      );
    }
    throw error;
  }
}

/** Markup that can stand in a one-line text: only such texts are parsed. */
const INLINE_MARKUP = /[*_`[\]<~\\&!]/;

/** A policy text as it reads in the description: "Run `npm test`" reads "Run npm test". */
export function markdownToPlainText(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text;
  const tree = gfmParser().parse(text);
  const only = tree.firstChild;
  // One paragraph, read as an item's text is (strikethrough included).
  if (only?.type !== 'paragraph' || only.next !== null) return collapseSpace(plainText(tree));
  const { pieces } = strikethrough(segments(only, 0, new Set()));
  return collapseSpace(pieces.map((piece) => piece.text).join(''));
}

/** A list item GitHub draws with a checkbox, as read from its own line. */
interface TaskBox {
  ticked: boolean;
  /** Whether the item's own check is ticked. */
  own: boolean;
  /** Characters of the item's first block that are the check, for cmark-gfm's reading of the text. */
  skip: number;
  /**
   * Whether the item holds nothing on GitHub: its own line holds only the check, and the next line
   * is not indented under it. cmark-gfm is then left with an empty item that ends there, where
   * commonmark would take a lazy next line as the item's text.
   */
  empty: boolean;
}

function isTrailingEvidence(segment: Segment | undefined): boolean {
  if (segment === undefined) return false;
  return segment.kind !== 'text' || trimTrailingSeparators(segment.text.trim()) === '';
}

/** A paragraph's own words: text nodes only, so that a marker quoted in a code span does not count. */
function proseText(node: Node): string {
  if (node.type === 'text') return node.literal ?? '';
  let text = '';
  for (let child = node.firstChild; child !== null; child = child.next) text += proseText(child);
  return text;
}

/** Inline nodes have no position of their own: the paragraph or heading around them stands for them. */
function enclosingBlock(node: Node): Node {
  let block: Node = node;
  while ((block.sourcepos as Node['sourcepos'] | undefined) === undefined && block.parent !== null)
    block = block.parent;
  return block;
}

class ChecklistReader {
  private readonly items: TaskItem[] = [];
  private readonly headings: Heading[] = [];
  private readonly markerCandidates: MarkerCandidate[] = [];
  private readonly headingStack: Heading[] = [];
  private readonly boxes = new Map<Node, TaskBox>();
  /** Every list item in document order, with its lines, and the task item it is, if any. */
  private readonly listItems = new Map<Node, { start: number; task: number | null }>();
  /** Lines inside code and HTML blocks, where cmark-gfm reads no check. */
  private readonly literalLines = new Set<number>();
  /** Lines inside block quotes, where a lazy line can carry a check, with the outermost quote holding each. */
  private readonly quotedLines = new Map<number, Node>();
  /** Nodes a served comment hides (see served-comments.ts). */
  private hidden: ReadonlySet<Node> = new Set();
  /** Footnote definitions, which GitHub shows at the bottom, in no item (see footnotes.ts). */
  private notes: Footnotes = NO_FOOTNOTES;
  /** Items ("line:column") that have no box of their own but get one from a later line. */
  readonly borrowedBoxes = new Set<string>();
  /**
   * The last line of the ranges whose boxes are read open (see Rewrite.openAfter). Ranges start
   * after their item's line, in document order, so an item opened later is in one when at or before it.
   */
  private openUntil = 0;
  /** The nesting depth of the first list item on each line. */
  readonly itemDepths = new Map<number, number>();
  /**
   * Lines of items holding only their check, in this reading's structure, with what to write over
   * the check (see empty-checks.ts and holdsOnlyTheCheck).
   */
  readonly emptyChecks = new Map<number, Rewrite>();

  /** `blanked`: the rewrites in the text `read` is given the tree of (see emptyChecks). */
  constructor(
    private readonly markdown: string,
    private readonly starts: readonly number[],
    private readonly borrowed: ReadonlySet<string>,
    readonly blanked: ReadonlyMap<number, Rewrite>,
  ) {}

  /** Reads the tree commonmark parsed from the description with the rewrites in `blanked`. */
  read(tree: Node): ChecklistDocument {
    const { hidden: comments, openQuote } = servedHtml(tree, this.markdown);
    if (openQuote !== null) {
      const line = enclosingBlock(openQuote.node).sourcepos[0][0] + openQuote.line;
      throw new UnreadableDescriptionError(
        `line ${line} of the description opens a quoted attribute value in raw HTML and never closes it; ` +
          'the page GitHub serves reads what follows, checkboxes included, as part of that value up to the next ' +
          'such quote, so checklist-gate cannot tell which boxes are shown: close the quote',
      );
    }
    this.notes = footnotes(tree, this.markdown, (number) => this.line(number), this.starts.length, comments);
    if (this.notes.boxInNote !== null) {
      const { line, label } = this.notes.boxInNote;
      throw new UnreadableDescriptionError(
        `line ${line} of the description holds a checkbox inside footnote [^${label}]; GitHub shows it among ` +
          'the footnotes at the bottom, apart from the checklist, and checklist-gate reads no boxes there: ' +
          'move the item into the checklist',
      );
    }
    this.hidden = this.notes.nodes.size === 0 ? comments : new Set([...comments, ...this.notes.nodes]);
    const walker = tree.walker();
    // Enclosing lists and task items, as the walk enters and leaves them: a walk, not recursion,
    // so that lists nested hundreds deep do not exhaust the call stack.
    let listDepth = 0;
    const taskStack: number[] = [];
    for (let event = walker.next(); event !== null; event = walker.next()) {
      const { node, entering } = event;
      if (node.type === 'list') listDepth += entering ? 1 : -1;
      if (node.type === 'item' && this.boxes.has(node) && !entering) taskStack.pop();
      if (!entering) continue;
      switch (node.type) {
        case 'item': {
          // An item inside a served comment is not shown: no box.
          const box = this.hidden.has(node) ? null : this.taskBox(node);
          const entry = { start: node.sourcepos[0][0], task: null as number | null };
          this.listItems.set(node, entry);
          if (!this.itemDepths.has(entry.start)) this.itemDepths.set(entry.start, listDepth - 1);
          if (box !== null) {
            this.boxes.set(node, box);
            entry.task = this.addTaskItem(node, box, listDepth - 1, taskStack.at(-1) ?? null);
          }
          // After the item's own box: the range starts on the next line.
          if (this.blanked.get(entry.start)?.openAfter === true && !this.hidden.has(node))
            this.openUntil = Math.max(this.openUntil, node.sourcepos[1][0]);
          if (box === null || entry.task === null) break;
          taskStack.push(entry.task);
          break;
        }
        case 'block_quote':
          // Quotes come outermost first: the first to claim a line holds it outermost.
          for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
            if (!this.quotedLines.has(line)) this.quotedLines.set(line, node);
          break;
        case 'thematic_break':
          this.afterVanishedDefinition(node);
          break;
        case 'code_block':
          for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
            this.literalLines.add(line);
          break;
        case 'heading':
          if (!this.hidden.has(node)) this.addHeading(node);
          break;
        case 'html_block':
          for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
            this.literalLines.add(line);
          this.addMarkerCandidate('html', node.literal ?? '', node);
          break;
        case 'html_inline':
          this.addMarkerCandidate('html', node.literal ?? '', enclosingBlock(node));
          break;
        case 'paragraph':
          this.addMarkerCandidate('paragraph', collapseSpace(proseText(node)), node);
          break;
      }
    }
    this.applyLaterChecks();
    return {
      items: this.items,
      headings: this.headings,
      markerCandidates: this.markerCandidates,
      length: this.markdown.length,
    };
  }

  /**
   * cmark-gfm reads a check again on a later line of an item where the item is the innermost block
   * the line continues (a lazy line of a block quote inside the item), and draws the item's box as
   * that line says. The gate keeps the stricter reading: ticked only when the item's own check is
   * ticked and GitHub draws it ticked.
   */
  private applyLaterChecks(): void {
    const starts = new Set([...this.listItems.values()].map((entry) => entry.start));
    for (const [number, quote] of this.quotedLines) {
      if (starts.has(number) || this.literalLines.has(number)) continue;
      const later = readTaskLine(this.line(number));
      if (later === null) continue;
      // A task line is lazy to every quote around it (it has no ">"): the line continues the
      // nearest item outside the outermost of them, and cmark-gfm draws that item's box.
      // ... the deepest item around the quote whose content the line is indented to.
      const indent = indentColumns(this.line(number)) ?? 0;
      let node = quote.parent;
      while (node !== null && (node.type !== 'item' || this.contentColumn(node) > indent)) node = node.parent;
      const entry = node === null ? undefined : this.listItems.get(node);
      if (node === null || entry === undefined || this.hidden.has(node)) continue;
      const item = entry.task === null ? undefined : this.items[entry.task];
      // GitHub draws a box the item's own line does not have: the gate counts it, open.
      if (!item) this.borrowedBoxes.add(node.sourcepos[0].join(':'));
      // Never ticked where the reading already keeps it open (a range read open, a footnote).
      else item.checked = item.checked && (this.boxes.get(node)?.own ?? false) && later.drawnTicked;
    }
  }

  /** The column where a list item's content starts, for telling which items a later line continues. */
  private contentColumn(item: Node): number {
    const [lineNumber, column] = item.sourcepos[0];
    const line = this.line(lineNumber);
    const markerEnd = afterListMarker(line.slice(column - 1));
    if (markerEnd === null) return Infinity;
    const end = column - 1 + markerEnd;
    const { columns, contentAt } = gapColumns(line, end);
    // Blank after the marker, or indented code: content one column after the marker.
    if (contentAt >= line.length || columns > 4) return columnsTo(line, end) + 1;
    return columnsTo(line, contentAt);
  }

  private line(number: number): string {
    return lineAt(this.markdown, this.starts, number);
  }

  private offset(position: [number, number]): number {
    return (this.starts[position[0] - 1] ?? 0) + position[1] - 1;
  }

  /**
   * Whether GitHub draws a box for the item, by cmark-gfm's rule on the item's own line: the line
   * must be a task line, and the content must start at the check (more than four columns after the
   * marker make indented code, where cmark-gfm reads no check).
   */
  private taskBox(item: Node): TaskBox | null {
    const [lineNumber, column] = item.sourcepos[0];
    if (this.borrowed.has(`${lineNumber}:${column}`))
      return { ticked: false, own: false, skip: 0, empty: false };
    const line = this.line(lineNumber);
    if (!this.blanked.has(lineNumber) && line.slice(0, column - 1).trim() !== '') return null;
    const task = readTaskLine(line);
    const markerEnd = afterListMarker(line);
    if (task === null || markerEnd === null) return null;
    const { columns, contentAt } = gapColumns(line, markerEnd);
    if (columns > 4) return null;
    if (this.blanked.has(lineNumber)) {
      // Asks for the rewrite again in this reading's structure (see parseChecklist).
      this.holdsOnlyTheCheck(item, line, contentAt, lineNumber);
      return { ticked: task.ticked && task.drawnTicked, own: task.ticked, skip: 0, empty: false };
    }
    // cmark-gfm steps over three characters from the content's start; white space among them
    // that commonmark already trimmed from the paragraph is not stepped over again.
    const stepped = line.slice(contentAt, contentAt + CHECK_LENGTH);
    const trimmed = stepped.length - stepped.replace(/^[\v\f]+/, '').length;
    // The stricter reading: ticked only when the check is ticked and GitHub draws it ticked.
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
   * list is in with nothing after its marker; otherwise the check is kept, the stricter reading.
   */
  private canBlank(item: Node, lineNumber: number): boolean {
    const list = item.parent;
    if (list === null || list.firstChild !== item || lineNumber === 1) return true;
    if (indentColumns(this.line(lineNumber - 1)) === null) return true;
    const before = list.prev;
    if (before !== null) return before.type !== 'paragraph' && before.sourcepos[1][0] === lineNumber - 1;
    const parent = list.parent;
    if (parent?.type !== 'item' || parent.sourcepos[0][0] !== lineNumber - 1) return false;
    const line = this.line(lineNumber - 1).slice(parent.sourcepos[0][1] - 1);
    const markerEnd = afterListMarker(line);
    return markerEnd !== null && /^[ \t]*$/.test(line.slice(markerEnd));
  }

  /** See TaskBox.empty: the content column is where the check starts. */
  private holdsOnlyTheCheck(item: Node, line: string, contentAt: number, lineNumber: number): boolean {
    // Blank as cmark reads it: spaces and tabs only.
    if (!/^[ \t]*$/.test(line.slice(contentAt + CHECK_LENGTH))) return false;
    const contentColumn = columnsTo(line, contentAt);
    const nextLine = lineNumber < this.starts.length ? this.line(lineNumber + 1) : null;
    const next = nextLine === null ? null : indentColumns(nextLine);
    const at = (this.starts[lineNumber - 1] ?? 0) + contentAt;
    const beforeBlankLine = beforeEndingBlankLine(nextLine, contentColumn);
    this.emptyChecks.set(
      lineNumber,
      rewriteOfCheck(at, beforeBlankLine, beforeBlankLine && this.canBlank(item, lineNumber)),
    );
    return next === null || next < contentColumn;
  }

  private addHeading(node: Node): void {
    const [line] = node.sourcepos[0];
    const heading: Heading = {
      text: collapseSpace(plainText(node)),
      depth: node.level,
      line,
      offset: this.offset(node.sourcepos[0]),
    };
    while ((this.headingStack.at(-1)?.depth ?? 0) >= heading.depth && this.headingStack.length > 0)
      this.headingStack.pop();
    this.headingStack.push(heading);
    this.headings.push(heading);
  }

  private addMarkerCandidate(kind: MarkerCandidate['kind'], value: string, node: Node): void {
    const [start, end] = node.sourcepos;
    this.markerCandidates.push({
      kind,
      value,
      start: this.offset(start),
      end: (this.starts[end[0] - 1] ?? 0) + end[1],
    });
  }

  private addTaskItem(node: Node, box: TaskBox, depth: number, parent: number | null): number {
    // A check rewritten as a thematic break (see emptyChecks) stands for nothing GitHub shows.
    const rewritten = this.blanked.has(node.sourcepos[0][0]) && node.firstChild?.type === 'thematic_break';
    const first = rewritten ? (node.firstChild?.next ?? null) : node.firstChild;
    // A link reference definition after the check shows as nothing on GitHub: the paragraph is left out whole.
    const defined = first?.type === 'paragraph' && this.definitionAfterCheck(first);
    const reads =
      first !== null && (first.type === 'paragraph' || first.type === 'heading') && !box.empty && !defined;
    const lines = reads ? this.linesBeforeTable(first, box.skip) : Infinity;
    const { labels } = this.notes;
    const { pieces, struck } = strikethrough(
      reads ? segments(first, box.skip, this.hidden, lines, labels) : [],
    );
    const skipped = reads ? skippedNodes(first, box.skip) : new Set<Node>(defined && first ? [first] : []);
    const links: string[] = [];
    // A lazy line after a table in the first paragraph ends the item on GitHub: what follows is outside it.
    const inItem = reads && lines !== Infinity ? this.linesInItem(first, lines) : Infinity;
    const leaveOut = (child: Node) =>
      skipped.has(child) ||
      (this.notes.outside.has(child) && !this.notes.outside.has(node)) ||
      this.isTaskItem(child);
    if (inItem !== Infinity && first !== null) {
      collectLinks(first, links, leaveOut, this.hidden, labels, inItem);
    } else if (!box.empty) collectLinks(node, links, leaveOut, this.hidden, labels);
    const textOf = (parts: Segment[]) =>
      collapseSpace(parts.length === 1 ? (parts[0]?.text ?? '') : parts.map((part) => part.text).join(''));
    const text = textOf(pieces);
    const trailing = [...pieces];
    let endsInLink = false;
    while (isTrailingEvidence(trailing.at(-1))) endsInLink = trailing.pop()?.kind === 'link' || endsInLink;
    // Most items end in no link: their text without links is their text.
    const withoutLinks = trimTrailingSeparators(trailing.length === pieces.length ? text : textOf(trailing));
    const [line] = node.sourcepos[0];
    const item: TaskItem = {
      index: this.items.length,
      text,
      textWithoutLinks: withoutLinks,
      textBeforeEvidence: endsInLink ? trimEvidenceIntroducer(withoutLinks) : withoutLinks,
      struck,
      checked: box.ticked && line > this.openUntil && !this.notes.readsOpen(node),
      line,
      depth,
      parent,
      section: this.headingStack.at(-1)?.text ?? null,
      headings: this.headingStack.map((heading) => heading.text),
      links: [...new Set(links)],
      id: box.empty ? null : this.ownId(node),
      offset: this.offset(node.sourcepos[0]),
    };
    this.items.push(item);
    return item.index;
  }

  /** See definition-after-check.ts: the paragraph's lines, the first from after the check. */
  private definitionAfterCheck(paragraph: Node): boolean {
    const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
    const lines = [this.line(startLine).slice(startColumn - 1 + CHECK_LENGTH)];
    for (let line = startLine + 1; line <= endLine; line++) lines.push(this.line(line));
    return definitionAfterCheck(lines);
  }

  /** Lines of a paragraph before cmark-gfm makes a table of the rest (see table-rows.ts); all when none. */
  private linesBeforeTable(paragraph: Node, skip: number): number {
    const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
    if (paragraph.type !== 'paragraph' || endLine === startLine) return Infinity;
    const lines = [this.line(startLine).slice(startColumn - 1 + skip)];
    // A lazy line (less indented than the paragraph) cannot be a table's delimiter row.
    const column = columnsTo(this.line(startLine), startColumn - 1);
    for (let line = startLine + 1; line <= endLine; line++) lines.push(this.line(line));
    if (!lines.some((line) => line.includes('|'))) return Infinity;
    return tableStart(lines, (text) => (indentColumns(text) ?? 0) < column) ?? Infinity;
  }

  /**
   * Lines of a paragraph holding a table (its head on line `table`, see linesBeforeTable) that
   * GitHub keeps in the item: up to the first lazy line after the delimiter row, as a table row
   * cannot be lazy; all when there is none.
   */
  private linesInItem(paragraph: Node, table: number): number {
    const [[startLine, startColumn], [endLine]] = paragraph.sourcepos;
    const column = columnsTo(this.line(startLine), startColumn - 1);
    for (let line = startLine + table + 2; line <= endLine; line++)
      if ((indentColumns(this.line(line)) ?? 0) < column) return line - startLine;
    return Infinity;
  }

  /**
   * A "---" right after link reference definitions: commonmark draws a thematic break, cmark-gfm
   * keeps "---" and the lines after it as paragraph text, where it draws no box, up to a blank line
   * (unless a list interrupts it there). Boxes there are read open, never ticked.
   */
  private afterVanishedDefinition(node: Node): void {
    const [line] = node.sourcepos[0];
    // commonmark leaves an empty paragraph where link reference definitions stood.
    const before = node.prev;
    if (before?.type !== 'paragraph' || before.firstChild !== null || before.sourcepos[1][0] !== line - 1)
      return;
    let end = line;
    while (end < this.starts.length && indentColumns(this.line(end + 1)) !== null) end++;
    this.openUntil = Math.max(this.openUntil, end);
  }

  /** Nested task items are told apart before their own turn in the walk. */
  private isTaskItem(node: Node): boolean {
    if (node.type !== 'item' || this.hidden.has(node)) return false;
    if (!this.boxes.has(node)) {
      const box = this.taskBox(node);
      if (box === null) return false;
      this.boxes.set(node, box);
    }
    return true;
  }

  /** The first `<!-- id: … -->` marker on the item's own content, leaving out nested task items and code. */
  private ownId(item: Node): string | null {
    const pending: Node[] = [];
    for (let child = item.lastChild; child !== null; child = child.prev) pending.push(child);
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (this.hidden.has(node) || this.isTaskItem(node)) continue;
      if (node.type === 'html_inline' || node.type === 'html_block') {
        const match = ID_MARKER.exec((node.literal ?? '').trim());
        if (match?.[1]) return match[1];
      }
      for (let child = node.lastChild; child !== null; child = child.prev) pending.push(child);
    }
    return null;
  }
}
