/** A link written where GitHub draws none at an item's end: a near miss, reported as such. */
import { withScheme } from './schemeless-link.js';

/**
 * What an item ends with where its evidence link belongs, but that GitHub draws no link for: an
 * address without its scheme, or a placeholder left for a link not yet added.
 */
export interface TrailingMiss {
  /** The item's text before it: what the item's policy text is compared with. */
  before: string;
  /** The word as written: "grafana.acme.dev/d/1", "TODO", "${{ run_id }}". */
  word: string;
  /** The address it was meant to be, for an address without its scheme; null for a placeholder. */
  address: string | null;
}

/** Words and template leftovers that hold the place of a link: TODO, TBD, link, <url>, ${{ … }}. */
const PLACEHOLDER = /^(?:todo|tbd|tba|link|url|xxx+|\.\.\.|…|<[^<>]*>|\$\{\{[^}]*\}\}|\{\{[^}]*\}\})$/i;

const SEPARATORS = new Set([' ', '\t', '\n', ':', ',', ';', '—', '–', '-']);

/** Where the last word starts: a `${{ … }}`, `{{ … }}` or `<…>` counts as one word. Linear, no backtracking. */
function lastWordStart(text: string): number {
  if (text.endsWith('}}')) {
    const open = text.lastIndexOf('{{');
    if (open >= 0) return open > 0 && text[open - 1] === '$' ? open - 1 : open;
  }
  if (text.endsWith('>')) {
    const open = text.lastIndexOf('<');
    if (open >= 0) return open;
  }
  return Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t'), text.lastIndexOf('\n')) + 1;
}

/** The item's trailing near miss of a link, or null when its text ends in anything else. */
export function trailingMiss(text: string): TrailingMiss | null {
  const trimmed = text.trimEnd();
  const start = lastWordStart(trimmed);
  let end = start;
  while (end > 0 && SEPARATORS.has(trimmed[end - 1] ?? '')) end--;
  // Only a word after a space: "passed:TODO" is one word of the text.
  if (end === 0 || end === start || !/\s/.test(trimmed.slice(end, start))) return null;
  const before = trimmed.slice(0, end);
  const written = trimmed.slice(start);
  if (PLACEHOLDER.test(written)) return { before, word: written, address: null };
  const word = written.replace(/[.,;:)]+$/, '');
  const address = withScheme(word);
  return address === null ? null : { before, word, address };
}
