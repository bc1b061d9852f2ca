import { Parser } from 'commonmark';

/**
 * Whether an item's text, after the check, starts with a link reference definition
 * ("- [ ] [ci]: https://…"). cmark-gfm takes the check off the paragraph before it reads
 * definitions, so GitHub shows the definition as nothing: neither text nor a link of the item.
 * commonmark, reading the check as text, keeps it all. `lines`: the paragraph's lines, the first
 * from after the check.
 */
export function definitionAfterCheck(lines: string[]): boolean {
  // Only "[" can start one: most items skip the parse.
  if (!lines[0]?.trimStart().startsWith('[')) return false;
  const parser = new Parser();
  parser.parse(lines.map((line) => line.trimStart()).join('\n'));
  return Object.keys((parser as Parser & { refmap: object }).refmap).length > 0;
}
