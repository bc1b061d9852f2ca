/** GFM's footnote definitions found in commonmark's tree, in named passes. */
import type { Node } from 'commonmark';
import { foldLabel } from './footnote-references.js';
import { columnsTo } from './lines.js';
import { walkTree } from './tree-walk.js';

/** A definition's first line, label, the column of its "[", and its last line as far as the parser can tell. */
export interface Definition {
  line: number;
  label: string;
  column: number;
  lastLine: number;
}

/** cmark-gfm's definition start: "[^", a label without "]" or white space, "]:". */
const DEFINITION = /^\[\^([^\] \t\r\n\0]+)\]:/;

/** What may stand before a definition on its line: indentation, block quote and list markers. */
const CONTAINER_PREFIX = /^[ \t>*+\-.)0-9]*$/;

/** Longest start of a line a definition needs: "[^", a label of at most 999 characters, "]:". */
const LONGEST_DEFINITION_START = 1004;

const LEAVES = new Set(['paragraph', 'heading', 'code_block', 'html_block', 'thematic_break']);
const CONTAINERS = new Set(['document', 'item', 'block_quote', 'list']);

/**
 * Finds the footnote definitions of a description commonmark has parsed, in three passes taken in
 * the order a reader of the code meets them: (1) the blocks, where a definition interrupts a
 * paragraph (commonmark keeps it as text); (2) the lines no block covers, where commonmark took a
 * definition out as a link reference definition; (3) the lines indented into a definition after
 * what the parser gave it. Each pass adds to the same findings.
 */
export class FootnoteDefinitions {
  /** Labels of the definitions, folded as labels are compared. */
  readonly labels = new Set<string>();
  /** Nodes inside definitions. */
  readonly nodes = new Set<Node>();
  /** Nodes a definition on a lazy line puts outside the items they were in. */
  readonly outside = new Set<Node>();
  /** The definitions found, in the order found. */
  readonly starts: Definition[] = [];
  /** Lines some leaf block covers. */
  private readonly covered = new Set<number>();
  /** Container blocks in document order. */
  private readonly containers: Node[] = [];

  constructor(
    private readonly line: (number: number) => string,
    private readonly lineCount: number,
  ) {}

  /** All three passes over a parsed description. */
  read(tree: Node): this {
    this.readBlocks(tree);
    this.readUncoveredLines();
    this.extendIndentedLines();
    return this;
  }

  /** Pass 1: blocks in document order; the inline nodes inside leaves are not walked. */
  private readBlocks(tree: Node): void {
    const pending: Node[] = [tree];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (CONTAINERS.has(node.type)) {
        this.containers.push(node);
        for (let child = node.lastChild; child !== null; child = child.prev) pending.push(child);
        continue;
      }
      if (!LEAVES.has(node.type)) continue;
      for (let at = node.sourcepos[0][0]; at <= node.sourcepos[1][0]; at++) this.covered.add(at);
      if (node.type === 'paragraph') this.readParagraph(node);
    }
  }

  /** A definition inside a paragraph's lines: the paragraph ends there on GitHub. */
  private readParagraph(paragraph: Node): void {
    const [[firstLine, firstColumn], [lastLine]] = paragraph.sourcepos;
    if (!this.mayHoldDefinition(firstLine, lastLine)) return;
    const paragraphColumn = columnsTo(this.line(firstLine), firstColumn - 1);
    let lineIndex = 0;
    for (let node = paragraph.firstChild; node !== null; node = node.next) {
      const lineStart =
        node === paragraph.firstChild || node.prev?.type === 'softbreak' || node.prev?.type === 'linebreak';
      if (node.type === 'softbreak' || node.type === 'linebreak') lineIndex++;
      if (!lineStart) continue;
      const label = DEFINITION.exec(lineStartText(node))?.[1];
      if (label === undefined) continue;
      const number = Math.min(firstLine + lineIndex, lastLine);
      const source = this.line(number);
      const found = definitionOn(source);
      // Indented four columns or more past the paragraph's own column: a lazy line, no definition.
      const column = found === null ? paragraphColumn : columnsTo(source, found.at);
      if (lineIndex > 0 && column - paragraphColumn >= 4) continue;
      this.labels.add(foldLabel(label));
      this.starts.push({ line: number, label, column, lastLine });
      if (lineIndex === 0) this.nodes.add(paragraph);
      for (let rest: Node | null = node; rest !== null; rest = rest.next) this.addAll(rest);
      const end = this.continueFrom(paragraph.next, lastLine);
      if (column < paragraphColumn) this.endItems(paragraph, column, end);
      return;
    }
  }

  /** A definition needs "[^" and then "]:" on its line: most paragraphs skip the walk of their text. */
  private mayHoldDefinition(firstLine: number, lastLine: number): boolean {
    for (let number = firstLine; number <= lastLine; number++) {
      const source = this.line(number);
      const open = source.indexOf('[^');
      if (open >= 0 && source.indexOf(']:', open) >= 0) return true;
    }
    return false;
  }

  /**
   * What the last definition holds after its first paragraph: indented code to commonmark, and a
   * paragraph or list right after that code, which continues the note's last paragraph lazily.
   * Returns the definition's last line.
   */
  private continueFrom(first: Node | null, from: number): number {
    let end = from;
    let afterCode = false;
    for (let next = first; next !== null; next = next.next) {
      const start = next.sourcepos[0][0];
      if (next.type === 'code_block' && next.info === null) {
        afterCode = true;
        end = next.sourcepos[1][0];
        continue;
      }
      const lazy = next.type === 'paragraph' || (next.type === 'list' && cannotInterrupt(next));
      if (afterCode && start === end + 1 && lazy) {
        this.addAll(next);
        end = next.sourcepos[1][0];
      }
      break;
    }
    const last = this.starts.at(-1);
    if (last) last.lastLine = end;
    return end;
  }

  /**
   * A definition on a lazy line closes the items it is not indented into. What follows in them
   * (after line `end`) is outside them on GitHub: in the note while indented four columns past the
   * note's own container, the innermost item it is indented into, and after the note in none.
   */
  private endItems(paragraph: Node, column: number, end: number): void {
    let base = 0;
    for (let item = paragraph.parent; item !== null; item = item.parent)
      if (item.type === 'item' && this.itemContentColumn(item) <= column) {
        base = this.itemContentColumn(item);
        break;
      }
    let inNote = true;
    let last = end;
    // Up through the items and lists the note closes, to the container it opens in.
    for (let inner: Node = paragraph, up = paragraph.parent; up !== null; inner = up, up = up.parent) {
      // In the container itself what follows is outside the closed items anyway; only the note's part counts.
      const container =
        (up.type !== 'item' && up.type !== 'list') ||
        (up.type === 'item' && this.itemContentColumn(up) <= column);
      // Later items of a closed list start a list of their own on GitHub, at the same depth.
      if (up.type === 'list') continue;
      for (let next = inner.next; next !== null; next = next.next) {
        if (next.sourcepos[1][0] <= last) continue;
        inNote &&= indentOf(this.line(next.sourcepos[0][0])) >= base + 4;
        if (inNote) {
          this.addAll(next);
          last = next.sourcepos[1][0];
        } else if (!container) this.addAll(next, this.outside);
        else break;
      }
      if (container) break;
    }
    const definition = this.starts.at(-1);
    if (definition) definition.lastLine = Math.max(definition.lastLine, last);
  }

  /** The column at which an item's content starts: where its first block does. */
  private itemContentColumn(item: Node): number {
    const content = item.firstChild;
    return content === null
      ? Infinity
      : columnsTo(this.line(content.sourcepos[0][0]), content.sourcepos[0][1] - 1);
  }

  /** Pass 2: link reference definitions commonmark took out of the tree, on lines no block covers. */
  private readUncoveredLines(): void {
    let runEnd = 0;
    for (let number = 1; number <= this.lineCount; number++) {
      if (this.covered.has(number)) continue;
      const found = definitionOn(this.line(number));
      if (found === null) continue;
      this.labels.add(foldLabel(found.label));
      this.starts.push({
        line: number,
        label: found.label,
        column: columnsTo(this.line(number), found.at),
        lastLine: number,
      });
      // The rest of the paragraph commonmark kept, right after the lines it took out, is the note's
      // (read once for a run of such lines).
      if (number <= runEnd) continue;
      let end = number;
      while (end < this.lineCount && !this.covered.has(end + 1) && this.line(end + 1).trim() !== '') end++;
      runEnd = end;
      const container = this.containers
        .filter((node) => node.sourcepos[0][0] <= number && node.sourcepos[1][0] >= number)
        .at(-1);
      let rest: Node | null = container?.firstChild ?? null;
      while (rest !== null && rest.sourcepos[0][0] <= end) rest = rest.next;
      if (rest?.type === 'paragraph' && rest.sourcepos[0][0] === end + 1) {
        this.addAll(rest);
        this.continueFrom(rest.next, rest.sourcepos[1][0]);
      } else this.continueFrom(rest, end);
    }
  }

  /**
   * Pass 3: lines indented four columns past a definition, right after what the parser took into
   * it, are the note's on GitHub too, whatever commonmark made of them.
   */
  private extendIndentedLines(): void {
    for (const definition of this.starts) {
      for (let number = definition.lastLine + 1; number <= this.lineCount; number++) {
        const text = this.line(number);
        if (text.trim() !== '' && indentOf(text) < definition.column + 4) break;
        if (text.trim() !== '') definition.lastLine = number;
      }
    }
  }

  /** A block GitHub moves into a note, with everything in it. */
  private addAll(block: Node, into: Set<Node> = this.nodes): void {
    walkTree(block, (node, entering) => {
      if (entering) into.add(node);
    });
  }
}

/** Columns of a line's indentation. */
function indentOf(line: string): number {
  return columnsTo(line, line.length - line.trimStart().length);
}

/** Where "[^label]:" starts a line's content in the source, or null. */
export function definitionOn(line: string): { label: string; at: number } | null {
  const at = line.indexOf('[^');
  if (at < 0 || !CONTAINER_PREFIX.test(line.slice(0, at))) return null;
  const match = DEFINITION.exec(line.slice(at));
  return match?.[1] === undefined ? null : { label: match[1], at };
}

/** The text a paragraph's line starts with, as far as text and "[^label]" links go, and as far as a definition could. */
function lineStartText(node: Node): string {
  let text = '';
  for (let at: Node | null = node; at !== null && text.length < LONGEST_DEFINITION_START; at = at.next) {
    if (at.type === 'text') text += at.literal ?? '';
    else if (at.type === 'link' && at.firstChild?.type === 'text' && at.firstChild.next === null)
      text += `[${at.firstChild.literal ?? ''}]`;
    else break;
  }
  return text;
}

/** An ordered list not starting at 1, or an item blank on its first line, cannot interrupt a paragraph. */
function cannotInterrupt(list: Node): boolean {
  const first = list.firstChild;
  const start = list.listStart as number | null;
  return (list.listType === 'ordered' && start !== 1) || first?.firstChild === null;
}
