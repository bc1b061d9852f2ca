/** An evidence link as the comment shows it: the address itself as a live link, encoded, and a few per item. */
import { codeSpan, safeInline } from './safe-text.js';

/** Characters a link's target keeps as they are; every other one is percent-encoded. */
const UNRESERVED = /[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/g;
/** What Markdown decodes in a link's target: a named or numeric character reference. */
const ENTITY = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;
const UTF8 = new TextEncoder();
/** Longest address shown as a link's text; the target is always whole. */
const MAX_SHOWN = 80;
/** Links shown per item; the rest are counted. */
export const MAX_SHOWN_LINKS = 3;

/**
 * An evidence link as the comment shows it: a live link whose text is the address itself, so a
 * reader sees where it goes. Only web addresses become links; the target is percent-encoded down
 * to characters that cannot end it, open a title or start markup, and the text is a code span, so
 * it can ping no one and reference nothing. Anything else is shown as the report shows item text.
 */
export function evidenceLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return safeInline(url, MAX_SHOWN);
  }
  // Markdown reads "&amp;" in a target as "&", escaped or not: such an address would change.
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || ENTITY.test(parsed.href))
    return safeInline(url, MAX_SHOWN);
  const target = parsed.href.replace(UNRESERVED, (char) =>
    [...UTF8.encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  const address = target.slice(parsed.protocol.length + 2);
  const shown = address.length > MAX_SHOWN ? `${address.slice(0, MAX_SHOWN - 1)}…` : address;
  return `[${codeSpan(shown)}](${target})`;
}

/** An item's evidence for the comment: the first few links, then how many more. */
export function evidenceLinks(urls: string[]): string {
  const more = urls.length - MAX_SHOWN_LINKS;
  const shown = urls.slice(0, MAX_SHOWN_LINKS).map(evidenceLink).join(', ');
  return more > 0 ? `${shown} and ${more} more` : shown;
}
