/** A first guess, from the lines alone, at which items hold only their check. */
import { beforeEndingBlankLine, rewriteOfCheck, type Rewrite } from './empty-checks.js';
import { columnsTo, indentColumns, lineAt } from './lines.js';
import { afterListMarker, CHECK_LENGTH, gapColumns, readTaskLine } from './task-marker.js';

/** A line that starts a list item, read from the line alone. */
interface ItemLine {
  indent: number;
  /** The column the item's content starts at, as ChecklistReader.contentColumn has it. */
  content: number;
  /** Whether the item's line holds a paragraph: neither nothing after the marker nor only the check. */
  holdsText: boolean;
  /** Nothing after the marker: the item starts blank, and ends at a blank line. */
  blank: boolean;
  /** An ordered item numbered other than 1: it cannot interrupt a paragraph. */
  laterNumber: boolean;
  /** Offset of the check when the line holds only the item's check, as ChecklistReader.taskBox reads it; else null. */
  onlyCheck: number | null;
}

function itemLine(line: string, indent: number): ItemLine | null {
  const markerEnd = afterListMarker(line);
  if (markerEnd === null || (markerEnd < line.length && !/[ \t]/.test(line[markerEnd] ?? ''))) return null;
  const { columns, contentAt } = gapColumns(line, markerEnd);
  const blank = contentAt >= line.length;
  const onlyCheck =
    columns <= 4 && readTaskLine(line) !== null && /^[ \t]*$/.test(line.slice(contentAt + CHECK_LENGTH))
      ? contentAt
      : null;
  return {
    indent,
    content: blank || columns > 4 ? columnsTo(line, markerEnd) + 1 : columnsTo(line, contentAt),
    holdsText: !blank && onlyCheck === null && columns <= 4,
    blank,
    laterNumber: /^[ \t]*\d/.test(line) && !/^[ \t]*0*1[.)]/.test(line),
    onlyCheck,
  };
}

/** A line that may hold only an item's check; a line end other than CommonMark's only costs the guess. */
const ONLY_A_CHECK = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]*$/m;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const COMMENT_OPEN = /^[ \t]*<!--/;
/** Lines that are a block of their own, no paragraph: ATX headings and thematic breaks. */
const OWN_BLOCK = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
/** A setext heading's underline, when it follows a paragraph line. */
const SETEXT_UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*$/;
const QUOTE = /^[ \t]*>/;
const HTML_TAG = /^[ \t]*<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t>]|\/>|$)/;
/** HTML blocks that can interrupt a paragraph (CommonMark's sixth kind); any other tag alone on a line cannot. */
const INTERRUPTING_TAG =
  /^(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|search|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|track|ul)$/i;

/**
 * The rewrites the description most likely needs, guessed from its lines before any parse, so
 * that one pass usually settles: parseChecklist checks the guess against what the pass asks
 * for, and reads again when they differ, so a wrong guess costs time, never a wrong box. Code,
 * HTML blocks, comments and block quotes are stepped over; an item can be blanked unless it would
 * interrupt a paragraph (ChecklistReader.canBlank), told from the lines before it.
 */
export function predictedRewrites(markdown: string, starts: readonly number[]): Map<number, Rewrite> {
  // Most descriptions have no item holding only its check: one scan, and nothing to guess.
  if (!ONLY_A_CHECK.test(markdown)) return new Map();
  const guess = new RewriteGuess(markdown, starts);
  for (let number = 1; number <= starts.length; number++) guess.readLine(number);
  return guess.rewrites;
}

/** The blocks a line-by-line scan keeps track of, roughly as CommonMark opens and closes them. */
class RewriteGuess {
  readonly rewrites = new Map<number, Rewrite>();
  private fence: { char: string; length: number } | null = null;
  private inComment = false;
  private inHtml = false;
  /** A comment left open in an HTML block: GitHub shows nothing up to the next "-->" (see served-comments.ts). */
  private servedComment = false;
  /** A block quote's paragraph, which lazy lines continue. */
  private inQuote = false;
  /** The previous line: blank or the end of a block that is no paragraph ("open"), an item's line, or paragraph text. */
  private previous: 'open' | 'item' | 'text' = 'open';
  /** The item whose paragraph the previous line is, or the previous line's item. */
  private lastItem: ItemLine | null = null;
  /** The last item's line, while a later line can still be inside that item. */
  private recentItem: ItemLine | null = null;

  constructor(
    private readonly markdown: string,
    private readonly starts: readonly number[],
  ) {}

  readLine(number: number): void {
    const line = lineAt(this.markdown, this.starts, number);
    const indent = indentColumns(line);
    if (this.servedComment) {
      this.servedComment = !line.includes('-->');
      return;
    }
    if (this.fence !== null) {
      const closing = FENCE.exec(line);
      const run = closing?.[1] ?? '';
      const rest = line.slice(closing?.[0].length ?? 0);
      if (run[0] === this.fence.char && run.length >= this.fence.length && rest.trim() === '')
        this.fence = null;
      this.previous = 'open';
      return;
    }
    if (this.inComment) {
      this.inComment = !line.includes('-->');
      this.previous = 'open';
      return;
    }
    if (indent === null) {
      // A blank line ends an item that starts blank.
      if (this.previous === 'item' && this.lastItem?.blank === true) this.recentItem = null;
      this.inHtml = this.inQuote = false;
      this.open();
      return;
    }
    if (this.inHtml) {
      this.noteServedComment(line);
      return;
    }
    const quoted = this.inQuote;
    this.inQuote = false;
    // After a blank line, a line left of the item's content ends it.
    if (this.previous === 'open' && this.recentItem !== null && indent < this.recentItem.content)
      this.recentItem = null;
    const interrupts = this.interruptsParagraph(indent);
    if (indent >= 4 && (this.recentItem === null || indent >= this.recentItem.content + 4)) {
      // Indented code, or a paragraph's continuation.
      this.inQuote = quoted;
      if (!interrupts && this.previous !== 'text') this.previous = 'open';
      return;
    }
    // A block left of the item's content ends it; only paragraph text continues it lazily.
    const leftOfItem = this.recentItem !== null && indent < this.recentItem.content;
    const block = this.startBlock(line, interrupts);
    if (block !== null) {
      if (leftOfItem) this.recentItem = null;
      this.inQuote = block === 'quote';
      this.open();
      return;
    }
    const item = itemLine(line, indent);
    if (item === null || (interrupts && (item.blank || item.laterNumber))) {
      this.readText(indent, leftOfItem, quoted);
      return;
    }
    let blank = item.blank;
    if (item.onlyCheck !== null) {
      const nextLine = number < this.starts.length ? lineAt(this.markdown, this.starts, number + 1) : null;
      const beforeBlankLine = beforeEndingBlankLine(nextLine, item.content);
      const at = (this.starts[number - 1] ?? 0) + item.onlyCheck;
      const rewrite = rewriteOfCheck(at, beforeBlankLine, !interrupts);
      this.rewrites.set(number, rewrite);
      blank = rewrite.text.trim() === '';
    }
    this.previous = 'item';
    this.lastItem = this.recentItem = { ...item, blank };
  }

  private open(): void {
    this.previous = 'open';
    this.lastItem = null;
  }

  /** Whether a block starting at `indent` would interrupt a paragraph: the line does not end the item around it. */
  private interruptsParagraph(indent: number): boolean {
    const last = this.lastItem;
    if (this.previous === 'text') return last === null || indent >= last.content;
    return this.previous === 'item' && last !== null && last.holdsText && indent >= last.content;
  }

  /** The block other than a paragraph or list item that the line starts, if any, noted as open. */
  private startBlock(
    line: string,
    interrupts: boolean,
  ): 'fence' | 'comment' | 'html' | 'quote' | 'leaf' | null {
    const opening = FENCE.exec(line);
    const run = opening?.[1] ?? '';
    if (opening !== null && (run[0] === '~' || !line.slice(opening[0].length).includes('`'))) {
      this.fence = { char: run[0] ?? '`', length: run.length };
      return 'fence';
    }
    if (COMMENT_OPEN.test(line)) {
      this.inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      return 'comment';
    }
    const tag = HTML_TAG.exec(line)?.[1];
    if (tag !== undefined && (!interrupts || INTERRUPTING_TAG.test(tag))) {
      this.inHtml = true;
      this.noteServedComment(line);
      return 'html';
    }
    if (QUOTE.test(line)) return 'quote';
    if (OWN_BLOCK.test(line) || (interrupts && SETEXT_UNDERLINE.test(line))) return 'leaf';
    return null;
  }

  private noteServedComment(line: string): void {
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && !line.includes('-->', open + 4)) this.servedComment = true;
  }

  private readText(indent: number, leftOfItem: boolean, quoted: boolean): void {
    // Text left of the item's content continues it only lazily, after a line of its paragraph;
    // otherwise it is a paragraph of its own, and ends the item.
    const last = this.lastItem;
    const lazy = this.previous === 'text' || (this.previous === 'item' && last?.holdsText === true);
    if (leftOfItem && !lazy && !quoted) this.recentItem = null;
    if (
      this.previous === 'open' ||
      (this.previous === 'item' && last?.holdsText === false && indent < last.content)
    )
      this.lastItem = null;
    // A lazy line of a block quote continues the quote.
    this.inQuote = quoted;
    if (!quoted) this.previous = 'text';
  }
}
