/** The reader: the tree commonmark parsed, walked into the checklist GitHub shows. */
import type { Node } from 'commonmark';
import type { Rewrite } from './empty-checks.js';
import { NO_FOOTNOTES, type Footnotes } from './footnotes.js';
import { collectLinks, NO_NODES, segments, skippedNodes, type Segment } from './inline-text.js';
import {
  definitionAfterCheckIn,
  enclosingBlock,
  isTrailingEvidence,
  linesBeforeTable,
  linesInItem,
  mayEndAfterTable,
  proseText,
} from './item-paragraph.js';
import { indentColumns, type DescriptionLines } from './lines.js';
import { collapseSpace, plainText, trimEvidenceIntroducer, trimTrailingSeparators } from './plain-text.js';
import { strikethrough } from './strikethrough.js';
import { TaskBoxes, type TaskBox } from './task-box.js';
import { readTaskLine } from './task-marker.js';
import { walkTree } from './tree-walk.js';
import type { ChecklistDocument, Heading, MarkerCandidate, TaskItem } from './task-item.js';
import { unshownContent } from './unshown-content.js';

const ID_MARKER = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*-->$/;

/**
 * Reads the tree commonmark parsed from a description (with the rewrites in `blanked`) into the
 * checklist GitHub shows: task items with their text, links, sections and markers, headings, and
 * the places a marker could stand.
 */
export class ChecklistReader {
  private readonly items: TaskItem[] = [];
  private readonly headings: Heading[] = [];
  private readonly markerCandidates: MarkerCandidate[] = [];
  private readonly headingStack: Heading[] = [];
  /** The texts of `headingStack`, made when it changes: the items under it share them (read only). */
  private headingTexts: readonly string[] = [];
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
  private readonly taskBoxes: TaskBoxes;

  /** `borrowed`: see TaskBoxes; `blanked`: the rewrites in the text `read` is given the tree of (see emptyChecks). */
  constructor(
    private readonly lines: DescriptionLines,
    borrowed: ReadonlySet<string>,
    readonly blanked: ReadonlyMap<number, Rewrite>,
  ) {
    this.taskBoxes = new TaskBoxes(lines, borrowed, blanked);
  }

  /**
   * Lines of items holding only their check, in this pass's structure, with what to write over
   * the check (see empty-checks.ts and TaskBoxes).
   */
  get emptyChecks(): ReadonlyMap<number, Rewrite> {
    return this.taskBoxes.emptyChecks;
  }

  /** Reads the tree commonmark parsed from the description with the rewrites in `blanked`. */
  read(tree: Node): ChecklistDocument {
    const unshown = unshownContent(tree, this.lines);
    this.notes = unshown.notes;
    this.hidden = unshown.hidden;
    // Enclosing lists and task items, as the walk enters and leaves them: a walk, not recursion,
    // so that lists nested hundreds deep do not exhaust the call stack.
    let listDepth = 0;
    const taskStack: number[] = [];
    walkTree(tree, (node, entering) => {
      if (node.type === 'list') listDepth += entering ? 1 : -1;
      if (node.type === 'item' && this.boxes.has(node) && !entering) taskStack.pop();
      if (!entering) return;
      switch (node.type) {
        case 'item': {
          // An item inside a served comment is not shown: no box.
          const box = this.hidden.has(node) ? null : this.taskBoxes.taskBox(node);
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
          // GitHub may close the item at a lazy line after a table: boxes nested after it are read open.
          if (
            node.firstChild !== null &&
            !this.hidden.has(node) &&
            mayEndAfterTable(this.lines, node.firstChild)
          )
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
    });
    this.applyLaterChecks();
    return {
      items: this.items,
      headings: this.headings,
      markerCandidates: this.markerCandidates,
      length: this.lines.markdown.length,
    };
  }

  /**
   * cmark-gfm reads a check again on a later line of an item where the item is the innermost block
   * the line continues (a lazy line of a block quote inside the item), and draws the item's box as
   * that line says. The gate keeps the stricter choice: ticked only when the item's own check is
   * ticked and GitHub draws it ticked.
   */
  private applyLaterChecks(): void {
    const starts = new Set([...this.listItems.values()].map((entry) => entry.start));
    for (const [number, quote] of this.quotedLines) {
      if (starts.has(number) || this.literalLines.has(number)) continue;
      const later = readTaskLine(this.lines.line(number));
      if (later === null) continue;
      // A task line is lazy to every quote around it (it has no ">"): the line continues the
      // nearest item outside the outermost of them, and cmark-gfm draws that item's box.
      // ... the deepest item around the quote whose content the line is indented to.
      const indent = indentColumns(this.lines.line(number)) ?? 0;
      let node = quote.parent;
      while (node !== null && (node.type !== 'item' || this.taskBoxes.contentColumn(node) > indent))
        node = node.parent;
      const entry = node === null ? undefined : this.listItems.get(node);
      if (node === null || entry === undefined || this.hidden.has(node)) continue;
      const item = entry.task === null ? undefined : this.items[entry.task];
      // GitHub draws a box the item's own line does not have: the gate counts it, open.
      if (!item) this.borrowedBoxes.add(node.sourcepos[0].join(':'));
      // Never ticked where the reader already keeps it open (a range read open, a footnote).
      else item.checked = item.checked && (this.boxes.get(node)?.own ?? false) && later.drawnTicked;
    }
  }

  private addHeading(node: Node): void {
    const [line] = node.sourcepos[0];
    const heading: Heading = {
      text: collapseSpace(plainText(node)),
      depth: node.level,
      line,
      offset: this.lines.offset(node.sourcepos[0]),
    };
    while ((this.headingStack.at(-1)?.depth ?? 0) >= heading.depth && this.headingStack.length > 0)
      this.headingStack.pop();
    this.headingStack.push(heading);
    this.headingTexts = this.headingStack.map((open) => open.text);
    this.headings.push(heading);
  }

  private addMarkerCandidate(kind: MarkerCandidate['kind'], value: string, node: Node): void {
    const [start, end] = node.sourcepos;
    this.markerCandidates.push({
      kind,
      value,
      start: this.lines.offset(start),
      end: (this.lines.starts[end[0] - 1] ?? 0) + end[1],
    });
  }

  private addTaskItem(node: Node, box: TaskBox, depth: number, parent: number | null): number {
    // A check rewritten as a thematic break (see emptyChecks) stands for nothing GitHub shows.
    const rewritten = this.blanked.has(node.sourcepos[0][0]) && node.firstChild?.type === 'thematic_break';
    const first = rewritten ? (node.firstChild?.next ?? null) : node.firstChild;
    // A link reference definition after the check shows as nothing on GitHub: the paragraph is left out whole.
    const defined = first?.type === 'paragraph' && definitionAfterCheckIn(this.lines, first);
    const reads =
      first !== null && (first.type === 'paragraph' || first.type === 'heading') && !box.empty && !defined;
    const lines = reads ? linesBeforeTable(this.lines, first, box.skip) : Infinity;
    const { labels } = this.notes;
    const { pieces, struck } = strikethrough(
      reads ? segments(first, box.skip, this.hidden, lines, labels) : [],
    );
    const skipped = reads ? skippedNodes(first, box.skip) : defined && first ? new Set([first]) : NO_NODES;
    const links: string[] = [];
    // A lazy line after a table in the first paragraph ends the item on GitHub: what follows is outside it.
    const inItem = reads && lines !== Infinity ? linesInItem(this.lines, first, lines) : Infinity;
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
    // Copied only where evidence trails the text, which most items' does not.
    const trailing = isTrailingEvidence(pieces.at(-1)) ? [...pieces] : pieces;
    let endsInLink = false;
    while (isTrailingEvidence(trailing.at(-1))) endsInLink = trailing.pop()?.kind === 'link' || endsInLink;
    // Most items end in no link: their text without links is their text.
    const withoutLinks = trimTrailingSeparators(trailing === pieces ? text : textOf(trailing));
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
      headings: this.headingTexts,
      links: links.length < 2 ? links : [...new Set(links)],
      id: box.empty ? null : this.ownId(node),
      offset: this.lines.offset(node.sourcepos[0]),
    };
    this.items.push(item);
    return item.index;
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
    while (end < this.lines.starts.length && indentColumns(this.lines.line(end + 1)) !== null) end++;
    this.openUntil = Math.max(this.openUntil, end);
  }

  /** Nested task items are told apart before their own turn in the walk. */
  private isTaskItem(node: Node): boolean {
    if (node.type !== 'item' || this.hidden.has(node)) return false;
    if (!this.boxes.has(node)) {
      const box = this.taskBoxes.taskBox(node);
      if (box === null) return false;
      this.boxes.set(node, box);
    }
    return true;
  }

  /** The first `<!-- id: … -->` marker on the item's own content, leaving out nested task items and code. */
  private ownId(item: Node): string | null {
    // In document order by the tree's own links: a list of pending nodes would hold every node of
    // a long item at once.
    let node = item.firstChild;
    while (node !== null) {
      const skip = this.hidden.has(node) || this.isTaskItem(node);
      if (!skip && (node.type === 'html_inline' || node.type === 'html_block')) {
        const match = ID_MARKER.exec((node.literal ?? '').trim());
        if (match?.[1]) return match[1];
      }
      if (!skip && node.firstChild !== null) {
        node = node.firstChild;
        continue;
      }
      while (node !== null && node !== item && node.next === null) node = node.parent;
      node = node === null || node === item ? null : node.next;
    }
    return null;
  }
}
