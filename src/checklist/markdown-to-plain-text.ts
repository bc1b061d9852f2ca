/** A policy's text as it reads in a description, its Markdown taken out. */
import { gfmParser } from './gfm-parser.js';
import { segments } from './inline-text.js';
import { collapseSpace, plainText } from './plain-text.js';
import { strikethrough } from './strikethrough.js';

/** Markup that can stand in a one-line text: only such texts are parsed. */
const INLINE_MARKUP = /[*_`[\]<~\\&!]/;

/** A policy text as it reads in the description: "Run `npm test`" reads "Run npm test". */
export function markdownToPlainText(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text;
  const tree = gfmParser().parse(text);
  const only = tree.firstChild;
  // One paragraph, read as an item's text is (strikethrough included).
  if (only?.type !== 'paragraph' || only.next !== null) return collapseSpace(plainText(tree));
  const { pieces } = strikethrough(segments(only, 0, new Set()));
  return collapseSpace(pieces.map((piece) => piece.text).join(''));
}
