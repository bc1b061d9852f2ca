import type { Code, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Emphasis and strikethrough change nothing about which boxes GitHub draws, their ticks or their
 * links, and micromark resolves them in time quadratic in a paragraph's delimiters (65,536
 * characters of "*_*_" took 86 seconds). The description is parsed without them; the text of the
 * short paragraphs and headings the checklist reads is parsed again with them (see emphasisChildren).
 */
const WITHOUT_EMPHASIS = { disable: { null: ['attention', 'strikethrough'] } };

function parseStructure(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), WITHOUT_EMPHASIS],
    mdastExtensions: [gfmFromMarkdown()],
  });
}

/** Longest paragraph or heading whose emphasis is restored; longer ones keep their delimiters as text. */
export const MAX_EMPHASIS_SOURCE = 2000;
const HAS_DELIMITER = /[*_~]/;

/**
 * The inline content of a paragraph or heading, parsed with emphasis and strikethrough, from its
 * source. A paragraph is parsed after a throw-away "x " so that text such as "2020. was" stays a
 * paragraph rather than starting a list; the "x " is taken off again.
 */
export function emphasisChildren(source: string, kind: 'paragraph' | 'heading'): RootContent[] | null {
  if (source.length > MAX_EMPHASIS_SOURCE || !HAS_DELIMITER.test(source)) return null;
  const block = parseGfm(kind === 'paragraph' ? `x ${source}` : source).children[0];
  if (!block || block.type !== kind) return null;
  const children = [...block.children] as RootContent[];
  if (kind === 'paragraph') {
    const first = children[0];
    if (first?.type !== 'text' || !first.value.startsWith('x ')) return null;
    const rest = first.value.slice(2);
    if (rest === '') children.shift();
    else children[0] = { ...first, value: rest };
  }
  return children;
}

/** A line added to the source, in the coordinates of the source that holds it. */
interface Insertion {
  offset: number;
  line: number;
  length: number;
}

export interface GitHubTree {
  /** The source the tree's positions refer to: the description, amended where needed. */
  source: string;
  tree: Root;
  /** Maps an offset and line of `source` back to the description as written (line 0 stays 0). */
  toOriginal: (offset: number, line: number) => { offset: number; line: number };
  /** Whether an offset of `source` lies in text the amendment added. */
  isAdded: (offset: number) => boolean;
}

const ORDERED_MARKER = /^\d{1,9}[.)][ \t]/;
/** What is added: an empty HTML comment, which GitHub draws as nothing. */
const SEPARATOR = '<!---->\n';
const MAX_PASSES = 20;

/**
 * Parses a description into the tree cmark-gfm would build. micromark does not let an ordered
 * list numbered from other than 1 follow indented code, even after blank lines, and reads it as a
 * paragraph (or a table); cmark-gfm starts the list. An empty HTML comment line before such a line
 * (indented alike, so it stays in its list item) draws nothing on GitHub and lets micromark see
 * the list; the description is parsed again with it, and positions are mapped back.
 */
export function parseLikeGitHub(markdown: string): GitHubTree {
  let source = markdown;
  let tree = parseStructure(source);
  const inserted: Insertion[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const hidden = hiddenOrderedLists(tree, source);
    if (hidden.length === 0) break;
    const parts: string[] = [];
    let from = 0;
    let grown = 0;
    for (const [position, { lineStart, contentStart, line }] of hidden.entries()) {
      const text = source.slice(lineStart, contentStart) + SEPARATOR;
      parts.push(source.slice(from, lineStart), text);
      from = lineStart;
      for (const earlier of inserted) {
        if (earlier.offset >= lineStart + grown) earlier.offset += text.length;
        if (earlier.line >= line + position) earlier.line += 1;
      }
      inserted.push({ offset: lineStart + grown, line: line + position, length: text.length });
      grown += text.length;
    }
    parts.push(source.slice(from));
    source = parts.join('');
    tree = parseStructure(source);
  }
  return {
    source,
    tree,
    toOriginal: positionMapper(inserted),
    isAdded: (offset) =>
      inserted.some(
        (insertion) => offset >= insertion.offset && offset < insertion.offset + insertion.length,
      ),
  };
}

type HiddenList = { lineStart: number; contentStart: number; line: number };

/** Lines right after indented code where cmark-gfm starts an ordered list and micromark does not. */
function hiddenOrderedLists(tree: Root, source: string): HiddenList[] {
  const found = new Map<number, HiddenList>();
  // A stack, not recursion: thousands of nested quotes or lists must not exhaust the call stack.
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!('children' in node)) continue;
    node.children.forEach((child, position) => {
      const previous = node.children[position - 1];
      const start = child.position?.start;
      if (
        (child.type === 'paragraph' || child.type === 'table') &&
        previous?.type === 'code' &&
        isIndented(previous, source) &&
        start?.offset !== undefined &&
        ORDERED_MARKER.test(source.slice(start.offset, start.offset + 12))
      ) {
        const lineStart = source.lastIndexOf('\n', start.offset - 1) + 1;
        found.set(lineStart, { lineStart, contentStart: start.offset, line: start.line });
      }
      pending.push(child);
    });
  }
  return [...found.values()].sort((a, b) => a.lineStart - b.lineStart);
}

function isIndented(code: Code, source: string): boolean {
  const at = code.position?.start.offset;
  return at !== undefined && (source[at] === ' ' || source[at] === '\t');
}

function positionMapper(inserted: Insertion[]): GitHubTree['toOriginal'] {
  if (inserted.length === 0) return (offset, line) => ({ offset, line });
  return (offset, line) => {
    let shift = 0;
    let lines = 0;
    for (const insertion of inserted) {
      if (insertion.offset + insertion.length <= offset) shift += insertion.length;
      else if (insertion.offset < offset) shift += offset - insertion.offset;
      if (insertion.line < line) lines += 1;
    }
    return { offset: offset - shift, line: line === 0 ? 0 : line - lines };
  };
}
