import { Parser, type Node } from 'commonmark';
import { collectLinks, segments, skippedNodes, type Segment } from './inline-text.js';
import { collapseSpace, plainText, trimEvidenceIntroducer, trimTrailingSeparators } from './plain-text.js';
import { afterListMarker, CHECK_LENGTH, gapColumns, readTaskLine } from './task-marker.js';
import type { ChecklistDocument, Heading, MarkerCandidate, TaskItem } from './task-item.js';

const ID_MARKER = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*-->$/;

/** A description the parser refuses to read, saying why: nesting that deep is no checklist. */
export class UnreadableDescriptionError extends Error {}

/** Most block quote and list markers one line may nest; GitHub draws no checkbox on such a line. */
const MAX_MARKERS_ON_A_LINE = 100;

/** Refuses lines that open more than MAX_MARKERS_ON_A_LINE quotes or lists: they cost the parser time and stack out of all proportion. */
function refuseDeepNesting(markdown: string): void {
  let line = 1;
  let markers = 0;
  let counting = true;
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at] ?? '';
    if (char === '\n') {
      line++;
      markers = 0;
      counting = true;
      continue;
    }
    if (!counting || char === ' ' || char === '\t') continue;
    const next = markdown[at + 1] ?? ' ';
    if (char === '>' || ('-*+'.includes(char) && (next === ' ' || next === '\t'))) markers++;
    else if (char >= '0' && char <= '9') {
      let end = at;
      while ((markdown[end] ?? '') >= '0' && (markdown[end] ?? '') <= '9') end++;
      if ((markdown[end] === '.' || markdown[end] === ')') && (markdown[end + 1] ?? ' ').trim() === '') {
        markers++;
        at = end;
      } else counting = false;
    } else counting = false;
    if (markers > MAX_MARKERS_ON_A_LINE) {
      throw new UnreadableDescriptionError(
        `line ${line} of the description nests more than ${MAX_MARKERS_ON_A_LINE} block quotes or list markers; ` +
          'checklist-gate reads at most that many, and GitHub draws no checkbox on such a line',
      );
    }
  }
}

/** Parses a description with GitHub's Markdown dialect and returns the checkboxes GitHub would draw. */
export function parseChecklist(markdown: string): ChecklistDocument {
  refuseDeepNesting(markdown);
  try {
    return new ChecklistReader(markdown).read();
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
  return INLINE_MARKUP.test(text) ? collapseSpace(plainText(new Parser().parse(text))) : text;
}

/** Offsets at which the lines of a text start, lines ending as in CommonMark (LF, CR or CRLF). */
function lineStarts(markdown: string): number[] {
  const starts = [0];
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at];
    if (char === '\n' || (char === '\r' && markdown[at + 1] !== '\n')) starts.push(at + 1);
  }
  return starts;
}

/** A list item GitHub draws with a checkbox, as read from its own line. */
interface TaskBox {
  ticked: boolean;
  /** Whether the item's own check is ticked. */
  own: boolean;
  /** Characters of the item's first block that are the check, for cmark-gfm's reading of the text. */
  skip: number;
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
  private readonly listItems: { node: Node; start: number; end: number; task: number | null }[] = [];
  /** Lines inside code and HTML blocks, where cmark-gfm reads no check. */
  private readonly literalLines = new Set<number>();
  /** Lines inside block quotes, where a lazy line can carry a check. */
  private readonly quotedLines = new Set<number>();
  private readonly starts: number[];

  constructor(private readonly markdown: string) {
    this.starts = lineStarts(markdown);
  }

  read(): ChecklistDocument {
    const tree = new Parser().parse(this.markdown);
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
          const box = this.taskBox(node);
          const entry = {
            node,
            start: node.sourcepos[0][0],
            end: node.sourcepos[1][0],
            task: null as number | null,
          };
          this.listItems.push(entry);
          if (box === null) break;
          this.boxes.set(node, box);
          entry.task = this.addTaskItem(node, box, listDepth - 1, taskStack.at(-1) ?? null);
          taskStack.push(entry.task);
          break;
        }
        case 'block_quote':
          for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
            this.quotedLines.add(line);
          break;
        case 'code_block':
          for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
            this.literalLines.add(line);
          break;
        case 'heading':
          this.addHeading(node);
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
    const starts = new Set(this.listItems.map((entry) => entry.start));
    for (let number = 1; number <= this.starts.length; number++) {
      if (starts.has(number) || this.literalLines.has(number) || !this.quotedLines.has(number)) continue;
      const later = readTaskLine(this.line(number));
      if (later === null) continue;
      // The innermost item around the line: the last one to start before it that still holds it.
      let at = this.listItems.length - 1;
      while (at >= 0 && (this.listItems[at]?.start ?? 0) > number) at--;
      while (at >= 0 && (this.listItems[at]?.end ?? 0) < number) at--;
      const task = this.listItems[at]?.task;
      const item = task === null || task === undefined ? undefined : this.items[task];
      if (item)
        item.checked = (this.boxes.get(this.listItems[at]?.node as Node)?.own ?? false) && later.drawnTicked;
    }
  }

  private line(number: number): string {
    const start = this.starts[number - 1] ?? this.markdown.length;
    const next = this.starts[number];
    let end = next === undefined ? this.markdown.length : next - 1;
    if (this.markdown[end - 1] === '\r' && this.markdown[end] === '\n') end--;
    return this.markdown.slice(start, end);
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
    const line = this.line(lineNumber);
    if (line.slice(0, column - 1).trim() !== '') return null;
    const task = readTaskLine(line);
    const markerEnd = afterListMarker(line);
    if (task === null || markerEnd === null) return null;
    const { columns, contentAt } = gapColumns(line, markerEnd);
    if (columns > 4) return null;
    // cmark-gfm steps over three characters from the content's start; white space among them
    // that commonmark already trimmed from the paragraph is not stepped over again.
    const stepped = line.slice(contentAt, contentAt + CHECK_LENGTH);
    const trimmed = stepped.length - stepped.replace(/^[\v\f]+/, '').length;
    // The stricter reading: ticked only when the check is ticked and GitHub draws it ticked.
    return { ticked: task.ticked && task.drawnTicked, own: task.ticked, skip: CHECK_LENGTH - trimmed };
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
    const first = node.firstChild;
    const reads = first !== null && (first.type === 'paragraph' || first.type === 'heading');
    const pieces = reads ? segments(first, box.skip) : [];
    const skipped = reads ? skippedNodes(first, box.skip) : new Set<Node>();
    const links: string[] = [];
    collectLinks(node, links, (child) => skipped.has(child) || this.isTaskItem(child));
    const textOf = (parts: Segment[]) => collapseSpace(parts.map((part) => part.text).join(''));
    const trailing = [...pieces];
    let endsInLink = false;
    while (isTrailingEvidence(trailing.at(-1))) endsInLink = trailing.pop()?.kind === 'link' || endsInLink;
    const withoutLinks = trimTrailingSeparators(textOf(trailing));
    const [line] = node.sourcepos[0];
    const item: TaskItem = {
      index: this.items.length,
      text: textOf(pieces),
      textWithoutLinks: withoutLinks,
      textBeforeEvidence: endsInLink ? trimEvidenceIntroducer(withoutLinks) : withoutLinks,
      checked: box.ticked,
      line,
      depth,
      parent,
      section: this.headingStack.at(-1)?.text ?? null,
      headings: this.headingStack.map((heading) => heading.text),
      links: [...new Set(links)],
      id: this.ownId(node),
      offset: this.offset(node.sourcepos[0]),
    };
    this.items.push(item);
    return item.index;
  }

  /** Nested task items are told apart before their own turn in the walk. */
  private isTaskItem(node: Node): boolean {
    if (node.type !== 'item') return false;
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
      if (this.isTaskItem(node)) continue;
      if (node.type === 'html_inline' || node.type === 'html_block') {
        const match = ID_MARKER.exec((node.literal ?? '').trim());
        if (match?.[1]) return match[1];
      }
      for (let child = node.lastChild; child !== null; child = child.prev) pending.push(child);
    }
    return null;
  }
}
