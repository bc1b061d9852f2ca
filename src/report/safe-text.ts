const ZWSP = '\u200b';
const MARKDOWN_SPECIALS = /[\\`*_[\]|~!#()]/g;
const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text from a description made safe to echo inside a Markdown comment: it stays on one line,
 * cannot open HTML, links, images or tables, and cannot ping people or cross-reference issues.
 */
export function safeInline(text: string, maxLength = 300): string {
  let flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}…`;
  return flat
    .replace(/[&<>]/g, (char) => HTML_SPECIALS[char] ?? char)
    .replace(MARKDOWN_SPECIALS, (char) => `\\${char}`)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\p{N})/gu, `#${ZWSP}`)
    .replace(/\bGH-(?=\p{N})/giu, (prefix) => `${prefix.slice(0, 2)}${ZWSP}-`);
}

/** Cuts a text to a length, saying how much was left out. */
export function truncate(
  text: string,
  limit: number,
  marker = "\n\n… and more, cut to fit GitHub's size limit.",
): string {
  if (text.length <= limit) return text;
  return text.slice(0, Math.max(0, limit - marker.length)) + marker;
}

const URL_LIKE = /https?:\/\/[^\s<>()]+/g;

/**
 * Like safeInline, for messages that quote links and link patterns: those go into code spans,
 * where GitHub neither links nor interprets them, and the rest is escaped as usual.
 */
export function safeMessage(text: string, maxLength = 500): string {
  const flat = safeLength(text.replace(/[\r\n\t\u2028\u2029]+/g, ' '), maxLength);
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(URL_LIKE)) {
    out += safeInline(flat.slice(last, match.index), maxLength) + codeSpan(match[0]);
    last = match.index + match[0].length;
  }
  return out + safeInline(flat.slice(last), maxLength);
}

function safeLength(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A code span holding any text: its fence is longer than any run of backticks inside. */
function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
