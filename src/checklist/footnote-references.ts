/** GFM's footnote references: which labels are referenced, and what they leave of a text. */
import type { Node } from 'commonmark';
import { walkTree } from './tree-walk.js';

/** The character cmark-gfm's label comparison ignores: case. */
export function foldLabel(label: string): string {
  return label.toLowerCase();
}

/** Characters that split cmark-gfm's text where a "[^label]" holding them is no footnote reference. */
const NOT_IN_REFERENCE = /[\s\][w:~*_`\\&<!]/;

/**
 * Labels referenced where GitHub shows the reference: in text outside code, comments and notes.
 * cmark-gfm takes the definitions out before it looks for references, and shows only those referenced.
 */
export function referencedLabels(tree: Node, unseen: (node: Node) => boolean): Set<string> {
  const found = new Set<string>();
  const note = (text: string) => {
    for (const { label } of candidates(text)) if (label !== '') found.add(foldLabel(label));
  };
  // Text is read in runs, which a node entered ends (not one left: the text after an emphasis
  // runs on from the text inside it). Adjacent text is already one node (joined-text.ts).
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) note(run.join(''));
    run = [];
  };
  walkTree(tree, (node, entering) => {
    if (!entering) return;
    if (node.type !== 'text' || unseen(node)) endRun();
    if (unseen(node)) return 'skip';
    if (node.type === 'text') run.push(node.literal ?? '');
    else if (node.type === 'link') note(`[${labelText(node)}]`);
  });
  endRun();
  return found;
}

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
