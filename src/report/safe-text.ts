/** Text from a description or a policy, echoed into a report so that it stays inert: no links, mentions or HTML. */
const ZWSP = '\u200b';
const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * What GitHub would turn into a link: web addresses, with a scheme or starting with "www.",
 * without the punctuation that ends a sentence after them (GitHub leaves it out of the link too).
 */
const LINK_LIKE = /(?:https?:\/\/|www\.)(?:[^\s<>()]*[^\s<>().,;:!?'"])?/gi;

/** Cuts a text to at most `length` characters without splitting a character made of two code units. */
export function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * Text from a description made safe to echo inside a Markdown comment: it stays on one line,
 * cannot open HTML, links, images or tables, and cannot ping people or cross-reference issues.
 * Web addresses go into code spans, where GitHub neither links nor interprets them.
 */
export function safeInline(text: string, maxLength = 300): string {
  let flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  if (flat.length > maxLength) flat = `${cutAt(flat, maxLength - 1)}…`;
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(LINK_LIKE)) {
    out += escapeProse(flat.slice(last, match.index)) + codeSpan(match[0]);
    last = match.index + match[0].length;
  }
  return out + escapeProse(flat.slice(last));
}

/** safeInline with room for a longer message: problems, fixes, notes and errors. */
export function safeMessage(text: string, maxLength = 500): string {
  return safeInline(text, maxLength);
}

/**
 * What prose must not do in a comment, found in one pass: HTML characters, Markdown punctuation,
 * mentions ("@name") and issue references ("#1", "GH-1").
 */
const PROSE_SPECIALS = /[&<>]|[\\`*_[\]|~!()]|#|@(?=[\p{L}\p{N}_-])|\bGH-(?=\p{N})/giu;

const DIGIT = /^\p{N}$/u;

/** What every match of PROSE_SPECIALS holds: most texts hold none of it and are left as they are. */
const MAY_NEED_ESCAPE = /[&<>\\`*_[\]|~!()#@]|gh-/i;

function escapeProse(text: string): string {
  if (!MAY_NEED_ESCAPE.test(text)) return text;
  return text.replace(PROSE_SPECIALS, (found: string, at: number) => {
    if (found.length > 1) return `${found.slice(0, 2)}${ZWSP}-`;
    const entity = HTML_SPECIALS[found];
    if (entity !== undefined) return entity;
    if (found === '@') return `@${ZWSP}`;
    // "#" before a digit would still be an issue reference when escaped.
    if (found === '#')
      return DIGIT.test(String.fromCodePoint(text.codePointAt(at + 1) ?? 0)) ? `\\#${ZWSP}` : '\\#';
    return `\\${found}`;
  });
}

/** A code span holding any text: its fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Cuts a text to a length, saying how much was left out. */
export function truncate(
  text: string,
  limit: number,
  marker = "\n\n… and more, cut to fit GitHub's size limit.",
): string {
  if (text.length <= limit) return text;
  return cutAt(text, Math.max(0, limit - marker.length)) + marker;
}
