/** A link reference definition at an item's start: what of the paragraph commonmark keeps. */
import type { Parser } from 'commonmark';
import { gfmParser } from './gfm-parser.js';

/** How a link reference definition starts: a label, then ":". */
const DEFINITION_START = /^\[(?:[^\\[\]]|\\.){0,999}\]:/;

/**
 * Whether an item's text, after the check, starts with a link reference definition
 * ("- [ ] [ci]: https://…"). cmark-gfm takes the check off the paragraph before it reads
 * definitions, so GitHub shows the definition as nothing: neither text nor a link of the item.
 * commonmark, reading the check as text, keeps it all. `lines`: the paragraph's lines, the first
 * from after the check.
 */
export function definitionAfterCheck(lines: string[]): boolean {
  if (!lines[0]?.trimStart().startsWith('[')) return false;
  const text = lines.map((line) => line.trimStart()).join('\n');
  // Only a label and ":" can start one (a label holds no bracket unescaped, and at most 999
  // characters): most items skip the parse, and a long run of "[" is not parsed twice.
  if (!DEFINITION_START.test(text)) return false;
  const parser = gfmParser();
  parser.parse(text);
  return Object.keys((parser as Parser & { refmap: object }).refmap).length > 0;
}
