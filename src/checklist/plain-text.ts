/** Plain text of a node and the key items are compared by. */
import type { Node } from 'commonmark';

/** Plain text of a node: markup stripped, HTML (such as id markers) left out, images by their alt text. */
export function plainText(node: Node): string {
  switch (node.type) {
    case 'html_inline':
    case 'html_block':
    case 'code_block':
      return '';
    case 'text':
    case 'code':
      return node.literal ?? '';
    case 'softbreak':
    case 'linebreak':
      return ' ';
    default: {
      let text = '';
      for (let child = node.firstChild; child !== null; child = child.next) text += plainText(child);
      return text;
    }
  }
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;

/** White space collapsed to single spaces and trimmed. */
export function collapseSpace(text: string): string {
  // Most texts are already even: testing is cheaper than rebuilding them.
  return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The form in which texts are compared: case, width, zero-width characters and spacing ignored. */
export function matchKey(text: string): string {
  // Printable ASCII has no compatibility forms or zero-width characters: skip both passes.
  if (PRINTABLE_ASCII.test(text)) return collapseSpace(text.toLowerCase());
  return collapseSpace(text.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase());
}

const LEADING_DECORATION = /^[^\p{L}\p{N}]+|^\p{N}+[.)]\s+/u;
const WORD_CHAR = /[\p{L}\p{N})]/u;

/** Drops trailing characters that are not letters, digits or ")": a loop, as a `$`-anchored regex backtracks quadratically. */
function trimTrailingDecoration(text: string): string {
  const chars = Array.from(text);
  let end = chars.length;
  while (end > 0 && !WORD_CHAR.test(chars[end - 1] ?? '')) end--;
  return chars.slice(0, end).join('');
}

/**
 * The form in which headings are compared: like matchKey, and also without the emoji,
 * ticks and numbering that checklists put around headings ("## 1. Testing ✓").
 */
export function headingKey(text: string): string {
  let key = matchKey(text);
  for (let previous = ''; previous !== key;) {
    previous = key;
    key = trimTrailingDecoration(key.replace(LEADING_DECORATION, '')).trim();
  }
  return key;
}

const SEPARATORS = new Set([...' \t:;,.-–—→()[]{}|/<>']);

/** Drops what evidence links leave behind at the end of an item's text: "passing: " or "passing ()". */
export function trimTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && SEPARATORS.has(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** The English words that introduce evidence at the end of an item: "passed, see https://…". */
const INTRODUCER = /(?:^|\s)(?:in|at|see|via|on|per)$/i;

/** An item's text before its trailing links, without the word and punctuation that introduce them. */
export function trimEvidenceIntroducer(text: string): string {
  const trimmed = trimTrailingSeparators(text);
  const introducer = INTRODUCER.exec(trimmed);
  return introducer ? trimTrailingSeparators(trimmed.slice(0, introducer.index)) : trimmed;
}
