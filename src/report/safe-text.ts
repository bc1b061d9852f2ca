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
