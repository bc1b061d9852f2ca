import type { Code, Definition, ListItem, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { collapseSpace, plainText } from './plain-text.js';
import { githubTaskState, LEADING_CHECK } from './task-marker.js';
import type { ChecklistDocument, Heading, MarkerCandidate, TaskItem } from './task-item.js';

const ID_MARKER = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*-->$/;
const ORDERED_MARKER = /^\d{1,9}[.)][ \t]/;

function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Parses a description with GitHub's Markdown dialect and returns the checkboxes GitHub would draw. */
export function parseChecklist(markdown: string): ChecklistDocument {
  const { source, tree, inserted } = parseLikeGitHub(markdown);
  const walker = new TreeWalker(source, collectDefinitions(tree));
  walker.visit(tree, 0, null);
  const toOriginal = positionMapper(inserted);
  return {
    items: walker.items.map((item) => ({ ...item, ...toOriginal(item.offset, item.line) })),
    headings: walker.headings.map((heading) => ({ ...heading, ...toOriginal(heading.offset, heading.line) })),
    markerCandidates: walker.markerCandidates.filter((candidate) => !inserted.some((insertion) => candidate.start >= insertion.offset && candidate.start < insertion.offset + insertion.length)).map((candidate) => ({
      ...candidate,
      start: toOriginal(candidate.start, 0).offset,
      end: toOriginal(candidate.end, 0).offset,
    })),
    length: markdown.length,
  };
}

/** A line added to the source, in the coordinates of the source that holds it. */
interface Insertion {
  offset: number;
  line: number;
  length: number;
}

/** What is added: an empty HTML comment, which GitHub draws as nothing. */
const SEPARATOR = '<!---->\n';

/**
 * micromark does not let an ordered list that starts at a number other than 1 follow an indented
 * code block, even after blank lines, and reads it as a paragraph; cmark-gfm starts the list. An
 * empty HTML comment line before such a line (with the same indentation, so it stays in its list
 * item) changes nothing in what GitHub draws and makes micromark see the list. So one is added
 * there and the description parsed again; positions are mapped back afterwards.
 */
function parseLikeGitHub(markdown: string): { source: string; tree: Root; inserted: Insertion[] } {
  let source = markdown;
  let tree = parseGfm(source);
  const inserted: Insertion[] = [];
  for (let pass = 0; pass < 20; pass++) {
    const hidden = hiddenOrderedLists(tree, source);
    if (hidden.length === 0) break;
    const parts: string[] = [];
    let from = 0;
    let grown = 0;
    let addedLines = 0;
    for (const { lineStart, contentStart, line } of hidden) {
      const text = source.slice(lineStart, contentStart) + SEPARATOR;
      parts.push(source.slice(from, lineStart), text);
      from = lineStart;
      for (const earlier of inserted) {
        if (earlier.offset >= lineStart + grown) earlier.offset += text.length;
        if (earlier.line >= line + addedLines) earlier.line += 1;
      }
      inserted.push({ offset: lineStart + grown, line: line + addedLines, length: text.length });
      grown += text.length;
      addedLines += 1;
    }
    parts.push(source.slice(from));
    source = parts.join('');
    tree = parseGfm(source);
  }
  return { source, tree, inserted };
}

/** Paragraphs that micromark made of an ordered list right after indented code. */
function hiddenOrderedLists(tree: Root, source: string): { lineStart: number; contentStart: number; line: number }[] {
  const found: { lineStart: number; contentStart: number; line: number }[] = [];
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    node.children.forEach((child, position) => {
      const previous = node.children[position - 1];
      const start = child.position?.start;
      if (
        child.type === 'paragraph' &&
        previous?.type === 'code' &&
        isIndented(previous, source) &&
        start?.offset !== undefined &&
        ORDERED_MARKER.test(source.slice(start.offset, start.offset + 12))
      ) {
        found.push({ lineStart: source.lastIndexOf('\n', start.offset - 1) + 1, contentStart: start.offset, line: start.line });
      }
      visit(child);
    });
  };
  visit(tree);
  return found.sort((a, b) => a.lineStart - b.lineStart);
}

function isIndented(code: Code, source: string): boolean {
  const at = code.position?.start.offset;
  return at !== undefined && (source[at] === ' ' || source[at] === '\t');
}

/** Maps an offset and line of the amended source back to the description as written. */
function positionMapper(inserted: Insertion[]): (offset: number, line: number) => { offset: number; line: number } {
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

/** A list item GitHub draws with a checkbox; set by the walker, which follows GitHub over micromark. */
function isTaskItem(node: Nodes): node is ListItem & { checked: boolean } {
  return node.type === 'listItem' && typeof node.checked === 'boolean';
}

/** Link reference definitions, first one winning as in CommonMark. */
function collectDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      const definition = node as Definition;
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition.url);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return definitions;
}

class TreeWalker {
  readonly items: TaskItem[] = [];
  readonly headings: Heading[] = [];
  readonly markerCandidates: MarkerCandidate[] = [];
  private readonly headingStack: Heading[] = [];
  /** First paragraphs that still hold the check as text, because micromark did not take it for one. */
  private readonly checkInText = new Set<Nodes>();

  constructor(
    private readonly source: string,
    private readonly definitions: Map<string, string>,
  ) {}

  visit(node: Nodes, listDepth: number, parentTask: number | null): void {
    if (node.type === 'list') for (const item of node.children) this.settleTaskState(item);
    switch (node.type) {
      case 'heading':
        this.addHeading(node.depth, collapseSpace(plainText(node)), node.position?.start);
        break;
      case 'html':
        this.addMarkerCandidate(node.value, node);
        return;
      case 'paragraph':
        this.addMarkerCandidate(collapseSpace(plainText(node)), node);
        break;
      case 'code':
        return;
    }
    let childListDepth = listDepth;
    let childParent = parentTask;
    if (node.type === 'list') childListDepth = listDepth + 1;
    if (isTaskItem(node)) childParent = this.addTaskItem(node, listDepth - 1, parentTask);
    if ('children' in node) {
      for (const child of node.children) this.visit(child, childListDepth, childParent);
    }
  }

  /** Makes the item's `checked` say what GitHub draws, before anything reads it. */
  private settleTaskState(item: ListItem): void {
    const state = githubTaskState(item, this.source);
    const micromarkSawTask = typeof item.checked === 'boolean';
    item.checked = state;
    const first = item.children[0];
    if (state !== null && !micromarkSawTask && first?.type === 'paragraph') {
      this.checkInText.add(first);
    }
  }

  private addHeading(depth: number, text: string, start: { line: number; offset?: number } | undefined): void {
    const heading: Heading = { text, depth, line: start?.line ?? 0, offset: start?.offset ?? 0 };
    while (this.headingStack.length > 0 && (this.headingStack.at(-1)?.depth ?? 0) >= depth) this.headingStack.pop();
    this.headingStack.push(heading);
    this.headings.push(heading);
  }

  private addMarkerCandidate(value: string, node: Nodes): void {
    this.markerCandidates.push({
      value,
      start: node.position?.start.offset ?? 0,
      end: node.position?.end.offset ?? 0,
    });
  }

  private addTaskItem(node: ListItem & { checked: boolean }, depth: number, parent: number | null): number {
    const first = node.children[0];
    const own = { links: [] as string[], id: null as string | null };
    for (const child of node.children) this.collectOwnContent(child, own);
    const item: TaskItem = {
      index: this.items.length,
      text: first ? this.itemText(first) : '',
      checked: node.checked,
      line: node.position?.start.line ?? 0,
      depth,
      parent,
      section: this.headingStack.at(-1)?.text ?? null,
      headings: this.headingStack.map((heading) => heading.text),
      links: [...new Set(own.links)],
      id: own.id,
      offset: node.position?.start.offset ?? 0,
    };
    this.items.push(item);
    return item.index;
  }

  private itemText(first: Nodes): string {
    const text = collapseSpace(plainText(first));
    return this.checkInText.has(first) ? collapseSpace(text.replace(LEADING_CHECK, '')) : text;
  }

  /** Links and id marker of an item, leaving out what belongs to a nested task item. */
  private collectOwnContent(node: Nodes, own: { links: string[]; id: string | null }): void {
    if (isTaskItem(node) || node.type === 'code') return;
    if (node.type === 'link') own.links.push(node.url);
    if (node.type === 'linkReference') {
      const url = this.definitions.get(node.identifier);
      if (url !== undefined) own.links.push(url);
    }
    if (node.type === 'html' && own.id === null) {
      const match = ID_MARKER.exec(node.value.trim());
      if (match?.[1]) own.id = match[1];
    }
    if ('children' in node) for (const child of node.children) this.collectOwnContent(child, own);
  }
}
