/**
 * The grammar of raw HTML as cmark-gfm reads it (CommonMark 0.29, its scanners), where commonmark
 * follows 0.31. In 0.29 white space inside a tag is ASCII only (space, tab, line ending, vertical
 * tab, form feed: a no-break space ends the tag), an unquoted attribute value may hold control
 * characters, a comment holds no "--" and neither starts with ">" or "->" nor ends with "-"
 * ("<!-->", "<!--->" and "<!-- a -- b -->" are text), and a declaration is "<!" and capital
 * letters, then white space ("<!doctype html>" and "<!x-->" are text).
 */

/** White space inside a tag: `line` for a block's start line, which holds no line ending. */
function space(line: boolean): string {
  return line ? '[ \\t\\v\\f]' : '[ \\t\\v\\f\\r\\n]';
}

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE_NAME = '[a-zA-Z_:][a-zA-Z0-9:._-]*';
const ATTRIBUTE_VALUE = '(?:[^ \\t\\r\\n\\v\\f"\'=<>`\\x00]+|\'[^\'\\x00]*\'|"[^"\\x00]*")';

export function openTag(line: boolean): string {
  const s = space(line);
  return `<${TAG_NAME}(?:${s}+${ATTRIBUTE_NAME}(?:${s}*=${s}*${ATTRIBUTE_VALUE})?)*${s}*/?>`;
}

export function closeTag(line: boolean): string {
  return `</${TAG_NAME}${space(line)}*>`;
}

// Each loop below reads one character or one fixed pair per turn, and its turns cannot overlap:
// a failed match costs time in its length only, never more.
const COMMENT = '<!---->|<!--(?:-?[^\\x00>-])(?:-?[^\\x00-])*-->';
const PROCESSING_INSTRUCTION = '<\\?(?:[^?>\\x00]|\\?[^>\\x00]|>)*\\?>';
const DECLARATION = '<![A-Z]+[ \\t\\v\\f\\r\\n][^>\\x00]*>';
const CDATA = '<!\\[CDATA\\[(?:[^\\]\\x00]|\\][^\\]\\x00]|\\]\\][^>\\x00])*\\]\\]>';

/** Raw inline HTML at a position (sticky): a tag, comment, processing instruction, declaration or CDATA. */
export const INLINE_HTML = new RegExp(
  `(?:${openTag(false)}|${closeTag(false)}|${COMMENT}|${PROCESSING_INSTRUCTION}|${DECLARATION}|${CDATA})`,
  'y',
);
