import type { Node } from 'commonmark';
import { columnsTo } from './lines.js';
import { readTaskLine } from './task-marker.js';

/**
 * GFM's footnotes, which commonmark does not know. cmark-gfm starts a definition wherever a block
 * may start with "[^label]:" (it interrupts a paragraph); its first paragraph runs on as a
 * paragraph does, and lines indented four columns more (or blank) continue it. GitHub moves every
 * definition that is referenced to the bottom of the description and drops the others, so nothing
 * in a definition is ever part of an item. commonmark reads the same lines as a link reference
 * definition (which it takes out of the tree), as paragraph text, or as indented code.
 */
export interface Footnotes {
  /** Labels of the definitions, folded as labels are compared. */
  labels: ReadonlySet<string>;
  /** Nodes inside definitions: shown in no item. */
  nodes: ReadonlySet<Node>;
  /**
   * Nodes after a definition that starts on a lazy line of an item: the definition ends the item
   * and its list on GitHub, so these stand outside it. cmark-gfm then nests what follows otherwise
   * than commonmark does; task items here are read open, never ticked (the stricter reading).
   */
  outside: ReadonlySet<Node>;
  /**
   * Whether a task item is read open whatever its check: after such a definition (in `outside`), or
   * on a line the parser reads as a note's (GitHub then shows no box there, or one among the notes).
   */
  readsOpen: (item: Node) => boolean;
  /** A line inside a referenced definition that may hold a box GitHub draws among the footnotes. */
  boxInNote: { line: number; label: string } | null;
}

/** A description without footnotes. */
export const NO_FOOTNOTES: Footnotes = {
  labels: new Set(),
  nodes: new Set(),
  outside: new Set(),
  readsOpen: () => false,
  boxInNote: null,
};

/** cmark-gfm's definition start: "[^", a label without "]" or white space, "]:". */
const DEFINITION = /^\[\^([^\] \t\r\n\0]+)\]:/;

/** What may stand before a definition on its line: indentation, block quote and list markers. */
const CONTAINER_PREFIX = /^[ \t>*+\-.)0-9]*$/;

/** The character cmark-gfm's label comparison ignores: case. */
export function foldLabel(label: string): string {
  return label.toLowerCase();
}

/** Columns of a line's indentation. */
function indentOf(line: string): number {
  return columnsTo(line, line.length - line.trimStart().length);
}

/** A definition's first line, label, the column of its "[", and its last line as far as the parser can tell. */
interface Definition {
  line: number;
  label: string;
  column: number;
  lastLine: number;
}

const LEAVES = new Set(['paragraph', 'heading', 'code_block', 'html_block', 'thematic_break']);
const CONTAINERS = new Set(['document', 'item', 'block_quote', 'list']);

/** Where "[^label]:" starts a line's content in the source, or null. */
function definitionOn(line: string): { label: string; at: number } | null {
  const at = line.indexOf('[^');
  if (at < 0 || !CONTAINER_PREFIX.test(line.slice(0, at))) return null;
  const match = DEFINITION.exec(line.slice(at));
  return match?.[1] === undefined ? null : { label: match[1], at };
}

/** Longest start of a line a definition needs: "[^", a label of at most 999 characters, "]:". */
const LONGEST_DEFINITION_START = 1004;

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

/**
 * The footnote definitions of a description parsed by commonmark, found from its tree and source
 * positions. `line` returns the text of a line (1-based); `hidden` is what GitHub does not show.
 */
export function footnotes(
  tree: Node,
  markdown: string,
  line: (number: number) => string,
  lineCount: number,
  hidden: ReadonlySet<Node>,
): Footnotes {
  // Most descriptions have none: skip the walk.
  if (!markdown.includes('[^')) return NO_FOOTNOTES;
  const labels = new Set<string>();
  const nodes = new Set<Node>();
  const outside = new Set<Node>();
  /** A block GitHub moves into a note, with everything in it. */
  const addAll = (block: Node, into = nodes) => {
    const inner = block.walker();
    for (let event = inner.next(); event !== null; event = inner.next())
      if (event.entering) into.add(event.node);
  };
  const starts: Definition[] = [];
  const covered = new Set<number>();
  const containers: Node[] = [];
  // Blocks in document order; the inline nodes inside leaves are not walked.
  const pending: Node[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (CONTAINERS.has(node.type)) {
      containers.push(node);
      for (let child = node.lastChild; child !== null; child = child.prev) pending.push(child);
      continue;
    }
    if (!LEAVES.has(node.type)) continue;
    for (let at = node.sourcepos[0][0]; at <= node.sourcepos[1][0]; at++) covered.add(at);
    if (node.type === 'paragraph') definitionsInParagraph(node);
  }

  /** A definition inside a paragraph's lines: the paragraph ends there on GitHub. */
  function definitionsInParagraph(paragraph: Node): void {
    const [[firstLine, firstColumn], [lastLine]] = paragraph.sourcepos;
    // A definition needs "[^" and then "]:" on its line: most paragraphs skip the walk of their text.
    let possible = false;
    for (let number = firstLine; number <= lastLine && !possible; number++) {
      const source = line(number);
      const open = source.indexOf('[^');
      possible = open >= 0 && source.indexOf(']:', open) >= 0;
    }
    if (!possible) return;
    const contentColumn = columnsTo(line(firstLine), firstColumn - 1);
    let lineIndex = 0;
    for (let node = paragraph.firstChild; node !== null; node = node.next) {
      const lineStart =
        node === paragraph.firstChild || node.prev?.type === 'softbreak' || node.prev?.type === 'linebreak';
      if (node.type === 'softbreak' || node.type === 'linebreak') lineIndex++;
      if (!lineStart) continue;
      const label = DEFINITION.exec(lineStartText(node))?.[1];
      if (label === undefined) continue;
      const number = Math.min(firstLine + lineIndex, lastLine);
      const source = line(number);
      const found = definitionOn(source);
      // Indented four columns or more past the paragraph's own column: a lazy line, no definition.
      const column = found === null ? contentColumn : columnsTo(source, found.at);
      if (lineIndex > 0 && column - contentColumn >= 4) continue;
      labels.add(foldLabel(label));
      starts.push({ line: number, label, column, lastLine });
      if (lineIndex === 0) nodes.add(paragraph);
      for (let rest: Node | null = node; rest !== null; rest = rest.next) addAll(rest);
      const end = continueFrom(paragraph.next, lastLine);
      if (column < contentColumn) endItems(paragraph, column, end);
      return;
    }
  }

  /**
   * What the definition holds after its first paragraph: indented code to commonmark, and a
   * paragraph or list right after that code, which continues the note's last paragraph lazily.
   */
  function continueFrom(first: Node | null, from: number): number {
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
        addAll(next);
        end = next.sourcepos[1][0];
      }
      break;
    }
    const last = starts.at(-1);
    if (last) last.lastLine = end;
    return end;
  }

  // Link reference definitions commonmark took out of the tree: lines no block covers.
  let runEnd = 0;
  for (let number = 1; number <= lineCount; number++) {
    if (covered.has(number)) continue;
    const found = definitionOn(line(number));
    if (found === null) continue;
    labels.add(foldLabel(found.label));
    starts.push({
      line: number,
      label: found.label,
      column: columnsTo(line(number), found.at),
      lastLine: number,
    });
    // The rest of the paragraph commonmark kept, right after the lines it took out, is the note's
    // (read once for a run of such lines).
    if (number <= runEnd) continue;
    let end = number;
    while (end < lineCount && !covered.has(end + 1) && line(end + 1).trim() !== '') end++;
    runEnd = end;
    const container = containers
      .filter((node) => node.sourcepos[0][0] <= number && node.sourcepos[1][0] >= number)
      .at(-1);
    let rest: Node | null = container?.firstChild ?? null;
    while (rest !== null && rest.sourcepos[0][0] <= end) rest = rest.next;
    if (rest?.type === 'paragraph' && rest.sourcepos[0][0] === end + 1) {
      addAll(rest);
      continueFrom(rest.next, rest.sourcepos[1][0]);
    } else continueFrom(rest, end);
  }

  /** The column at which an item's content starts: where its first block does. */
  function contentColumn(item: Node): number {
    const content = item.firstChild;
    return content === null
      ? Infinity
      : columnsTo(line(content.sourcepos[0][0]), content.sourcepos[0][1] - 1);
  }

  /**
   * A definition on a lazy line closes the items it is not indented into. What follows in them
   * (after line `end`) is outside them on GitHub: in the note while indented four columns past the
   * note's own container, the innermost item it is indented into, and after the note in none.
   */
  function endItems(paragraph: Node, column: number, end: number): void {
    let base = 0;
    for (let item = paragraph.parent; item !== null; item = item.parent)
      if (item.type === 'item' && contentColumn(item) <= column) {
        base = contentColumn(item);
        break;
      }
    let inNote = true;
    let last = end;
    // Up through the items and lists the note closes, to the container it opens in.
    for (let inner: Node = paragraph, up = paragraph.parent; up !== null; inner = up, up = up.parent) {
      // In the container itself what follows is outside the closed items anyway; only the note's part counts.
      const container =
        (up.type !== 'item' && up.type !== 'list') || (up.type === 'item' && contentColumn(up) <= column);
      // Later items of a closed list start a list of their own on GitHub, at the same depth.
      if (up.type === 'list') continue;
      for (let next = inner.next; next !== null; next = next.next) {
        if (next.sourcepos[1][0] <= last) continue;
        inNote &&= indentOf(line(next.sourcepos[0][0])) >= base + 4;
        if (inNote) {
          addAll(next);
          last = next.sourcepos[1][0];
        } else if (!container) addAll(next, outside);
        else break;
      }
      if (container) break;
    }
    const definition = starts.at(-1);
    if (definition) definition.lastLine = Math.max(definition.lastLine, last);
  }

  // Lines indented four columns past a definition, right after what the parser took into it, are
  // the note's on GitHub too, whatever commonmark made of them.
  for (const definition of starts) {
    for (let number = definition.lastLine + 1; number <= lineCount; number++) {
      const text = line(number);
      if (text.trim() !== '' && indentOf(text) < definition.column + 4) break;
      if (text.trim() !== '') definition.lastLine = number;
    }
  }
  // How many notes hold each line after their first: opened and closed, then summed.
  const inNotes = new Int32Array(lineCount + 2);
  for (const { line: first, lastLine } of starts) {
    inNotes[first + 1] = (inNotes[first + 1] ?? 0) + 1;
    inNotes[lastLine + 1] = (inNotes[lastLine + 1] ?? 0) - 1;
  }
  for (let number = 1; number <= lineCount; number++)
    inNotes[number] = (inNotes[number] ?? 0) + (inNotes[number - 1] ?? 0);
  const readsOpen = (item: Node) => outside.has(item) || (inNotes[item.sourcepos[0][0]] ?? 0) > 0;
  const referenced = referencedLabels(tree, (node) => hidden.has(node) || nodes.has(node));
  return { labels, nodes, outside, readsOpen, boxInNote: boxInReferencedNote(starts, referenced, line) };
}

/**
 * Labels referenced where GitHub shows the reference: in text outside code, comments and notes.
 * cmark-gfm takes the definitions out before it looks for references, and shows only those referenced.
 */
function referencedLabels(tree: Node, unseen: (node: Node) => boolean): Set<string> {
  const found = new Set<string>();
  const note = (text: string) => {
    for (const { label } of candidates(text)) if (label !== '') found.add(foldLabel(label));
  };
  const walker = tree.walker();
  let run = '';
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const { node, entering } = event;
    if (!entering) continue;
    if (node.type !== 'text' || unseen(node)) {
      note(run);
      run = '';
    }
    if (unseen(node)) walker.resumeAt(node, false);
    else if (node.type === 'text') run += node.literal ?? '';
    else if (node.type === 'link') note(`[${labelText(node)}]`);
  }
  note(run);
  return found;
}

/** The first line after a referenced definition's own that holds a task line: GitHub may draw its box among the footnotes. */
function boxInReferencedNote(
  starts: Definition[],
  referenced: ReadonlySet<string>,
  line: (number: number) => string,
): Footnotes['boxInNote'] {
  for (const { line: first, label, lastLine } of starts) {
    if (!referenced.has(foldLabel(label))) continue;
    for (let number = first + 1; number <= lastLine; number++)
      if (readTaskLine(line(number)) !== null) return { line: number, label };
  }
  return null;
}

/** Characters that split cmark-gfm's text where a "[^label]" holding them is no footnote reference. */
const NOT_IN_REFERENCE = /[\s\][w:~*_`\\&<!]/;

/**
 * A text with GFM's footnote references to defined notes taken out: GitHub draws each as a
 * superscript number, the note's place among the footnotes at the bottom, not a word of the text.
 * Returns the pieces between them; a reference to no definition stays text ("[^x]"), as on GitHub.
 */
export function withoutReferences(text: string, labels: ReadonlySet<string>): string[] {
  if (labels.size === 0 || !text.includes('[^')) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const { at, end, label } of candidates(text)) {
    if (label === '' || NOT_IN_REFERENCE.test(label) || !labels.has(foldLabel(label))) continue;
    pieces.push(text.slice(from, at));
    from = end;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** "[^label]" in a text, in order, labels holding no "[": each "]" is sought once, so long runs of "[^" stay linear. */
function candidates(text: string): { at: number; end: number; label: string }[] {
  const found: { at: number; end: number; label: string }[] = [];
  let at = text.indexOf('[^');
  while (at >= 0) {
    const close = text.indexOf(']', at + 2);
    if (close < 0) break;
    const innermost = text.lastIndexOf('[', close);
    if (innermost !== at && text[innermost + 1] === '^') {
      at = innermost;
      continue;
    }
    if (innermost === at) found.push({ at, end: close + 1, label: text.slice(at + 2, close) });
    at = text.indexOf('[^', close + 1);
  }
  return found;
}

/** Text of a link's label, as written inside its brackets, as far as commonmark keeps it. */
function labelText(node: Node): string {
  if (node.type === 'text' || node.type === 'code') return node.literal ?? '';
  let text = '';
  for (let child = node.firstChild; child !== null; child = child.next) text += labelText(child);
  return text;
}

/**
 * A link commonmark made of "[^label]" from a definition it read as a link reference: a footnote
 * reference on GitHub (or, for a label cmark-gfm splits, text), never a link to the note's address.
 */
export function isReferenceLink(node: Node, labels: ReadonlySet<string>): boolean {
  if (node.type !== 'link' || labels.size === 0) return false;
  const label = labelText(node);
  return label.startsWith('^') && labels.has(foldLabel(label.slice(1)));
}

/** Whether such a link is a footnote reference on GitHub rather than its brackets and label as text. */
export function isFootnoteReference(node: Node): boolean {
  return !NOT_IN_REFERENCE.test(labelText(node).slice(1));
}
