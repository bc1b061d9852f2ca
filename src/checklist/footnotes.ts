/** GFM's footnotes, which commonmark does not know: what a description's definitions hide. */
import type { Node } from 'commonmark';
import { FootnoteDefinitions, type Definition } from './footnote-definitions.js';
import { foldLabel, referencedLabels } from './footnote-references.js';
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
   * than commonmark does; task items here are read open, never ticked (the stricter choice).
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
  const { labels, nodes, outside, starts } = new FootnoteDefinitions(line, lineCount).read(tree);
  const inNotes = linesInNotes(starts, lineCount);
  const readsOpen = (item: Node) => outside.has(item) || (inNotes[item.sourcepos[0][0]] ?? 0) > 0;
  const referenced = referencedLabels(tree, (node) => hidden.has(node) || nodes.has(node));
  return { labels, nodes, outside, readsOpen, boxInNote: boxInReferencedNote(starts, referenced, line) };
}

/** How many notes hold each line after their first: opened and closed, then summed. */
function linesInNotes(starts: Definition[], lineCount: number): Int32Array {
  const inNotes = new Int32Array(lineCount + 2);
  for (const { line: first, lastLine } of starts) {
    inNotes[first + 1] = (inNotes[first + 1] ?? 0) + 1;
    inNotes[lastLine + 1] = (inNotes[lastLine + 1] ?? 0) - 1;
  }
  for (let number = 1; number <= lineCount; number++)
    inNotes[number] = (inNotes[number] ?? 0) + (inNotes[number - 1] ?? 0);
  return inNotes;
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
