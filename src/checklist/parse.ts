import type { Definition, ListItem, Nodes, Root } from 'mdast';
import { emphasisChildren, parseGfm, parseLikeGitHub } from './gfm-tree.js';
import { collapseSpace, plainText, trimTrailingSeparators } from './plain-text.js';
import { githubTaskState, LEADING_CHECK } from './task-marker.js';
import type { ChecklistDocument, Heading, MarkerCandidate, TaskItem } from './task-item.js';

const LEADING_CHECK_AND_SPACE = /^\[[ xX]\][ \t]+/;
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
    return readChecklist(markdown);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UnreadableDescriptionError(
        `the description nests blocks too deeply to read (${error.message})`,
      );
    }
    throw error;
  }
}

function readChecklist(markdown: string): ChecklistDocument {
  const { source, tree, toOriginal, isAdded } = parseLikeGitHub(markdown);
  const walker = new TreeWalker(source, collectDefinitions(tree));
  walker.visit(tree, 0, null);
  return {
    items: walker.items.map((item) => ({ ...item, ...toOriginal(item.offset, item.line) })),
    headings: walker.headings.map((heading) => ({ ...heading, ...toOriginal(heading.offset, heading.line) })),
    markerCandidates: walker.markerCandidates
      .filter((candidate) => !isAdded(candidate.start))
      .map((candidate) => ({
        ...candidate,
        start: toOriginal(candidate.start, 0).offset,
        end: toOriginal(candidate.end, 0).offset,
      })),
    length: markdown.length,
  };
}

/** Markup that can stand in a one-line text: only such texts are parsed. */
const INLINE_MARKUP = /[*_`[\]<~\\&!]/;

/** A policy text as it reads in the description: "Run `npm test`" reads "Run npm test". */
export function markdownToPlainText(text: string): string {
  return INLINE_MARKUP.test(text) ? collapseSpace(plainText(parseGfm(text))) : text;
}

/** A list item GitHub draws with a checkbox; set by the walker, which follows GitHub over micromark. */
function isTaskItem(node: Nodes): node is ListItem & { checked: boolean } {
  return node.type === 'listItem' && typeof node.checked === 'boolean';
}

/** A paragraph's own words: text nodes only, so that a marker quoted in a code span does not count. */
function proseText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(proseText).join('') : '';
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

function isTrailingEvidence(node: Nodes | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'html') return true;
  return node.type === 'text' && trimTrailingSeparators(node.value) === '';
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
        this.restoreEmphasis(node, 'heading');
        this.addHeading(node.depth, collapseSpace(plainText(node)), node.position?.start);
        break;
      case 'html':
        this.addMarkerCandidate('html', node.value, node);
        return;
      case 'paragraph':
        this.addMarkerCandidate('paragraph', collapseSpace(proseText(node)), node);
        break;
      case 'code':
        return;
    }
    const childListDepth = node.type === 'list' ? listDepth + 1 : listDepth;
    const childParent = isTaskItem(node) ? this.addTaskItem(node, listDepth - 1, parentTask) : parentTask;
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
    if (state !== null && !micromarkSawTask && first?.type === 'paragraph') this.checkInText.add(first);
  }

  private addHeading(
    depth: number,
    text: string,
    start: { line: number; offset?: number } | undefined,
  ): void {
    const heading: Heading = { text, depth, line: start?.line ?? 0, offset: start?.offset ?? 0 };
    while ((this.headingStack.at(-1)?.depth ?? 0) >= depth && this.headingStack.length > 0)
      this.headingStack.pop();
    this.headingStack.push(heading);
    this.headings.push(heading);
  }

  private addMarkerCandidate(kind: MarkerCandidate['kind'], value: string, node: Nodes): void {
    this.markerCandidates.push({
      kind,
      value,
      start: node.position?.start.offset ?? 0,
      end: node.position?.end.offset ?? 0,
    });
  }

  /**
   * Gives a paragraph or heading back the emphasis the structural parse left out, for its text. A
   * task item's paragraph can start at its check (micromark moves the start past it only when text
   * follows the check), so a leading check is left out of the source.
   */
  private restoreEmphasis(node: Nodes, kind: 'paragraph' | 'heading'): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !('children' in node)) return;
    const source = this.source.slice(start, end);
    const children = emphasisChildren(
      kind === 'paragraph' ? source.replace(LEADING_CHECK_AND_SPACE, '') : source,
      kind,
    );
    if (children) (node as { children: unknown[] }).children = children;
  }

  private addTaskItem(node: ListItem & { checked: boolean }, depth: number, parent: number | null): number {
    const first = node.children[0];
    if (first?.type === 'paragraph') this.restoreEmphasis(first, 'paragraph');
    const own = { links: [] as string[], id: null as string | null };
    for (const child of node.children) this.collectOwnContent(child, own);
    const item: TaskItem = {
      index: this.items.length,
      text: first ? this.itemText(first) : '',
      textWithoutLinks: first ? this.textBeforeTrailingLinks(first) : '',
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

  private itemText(first: Nodes, children?: Nodes[]): string {
    const node = children && 'children' in first ? ({ ...first, children } as Nodes) : first;
    const text = collapseSpace(plainText(node));
    return this.checkInText.has(first) ? collapseSpace(text.replace(LEADING_CHECK, '')) : text;
  }

  /** The text without the links at its end, where evidence goes: "passing: https://…" reads "passing". */
  private textBeforeTrailingLinks(first: Nodes): string {
    if (first.type !== 'paragraph') return this.itemText(first);
    const children: Nodes[] = [...first.children];
    while (isTrailingEvidence(children.at(-1))) children.pop();
    return trimTrailingSeparators(this.itemText(first, children));
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
