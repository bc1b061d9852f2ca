/** GFM's autolink literals (linkify-it), where commonmark draws no link. */
import LinkifyIt, { type Match } from 'linkify-it';

/**
 * GFM's autolink literals, found by linkify-it: "http://", "https://" and "ftp://" links, "www."
 * links on any domain (GitHub links them as "http://www…") and e-mail addresses. linkify-it's own
 * bare domains ("example.com") and "//host" links are not links on GitHub, and are turned off.
 * linkify-it finds where a link starts and whether its domain is one; GFM's rules end it (see
 * gfmEnd). Where the two still differ is recorded in __tests__/autolink-differences.test.ts.
 */
const linkify = new LinkifyIt()
  .add('//', null)
  .add('www.', {
    validate(text, at, self) {
      const re = self.re as typeof self.re & { www?: RegExp };
      re.www ??= new RegExp(`^${re.src_host_port_strict}${re.src_path}`, 'i');
      return re.www.exec(text.slice(at))?.[0].length ?? 0;
    },
  })
  .set({ fuzzyLink: false, fuzzyEmail: true, fuzzyIP: false });

export interface FoundLink {
  index: number;
  lastIndex: number;
  url: string;
}

const LINK_HINT = /[:@]|www\./i;

/** What may stand before a "www." link on GitHub: a space, tab or line end (not a vertical tab or form feed), "*", "_", "~" or "(". */
const WWW_AFTER = /[ \t\n\r*_~(]/;

/** What GFM takes into an e-mail address before the "@". */
const EMAIL_NAME = /[A-Za-z0-9.+\-_]/;

const TRAILING_PUNCTUATION = new Set([...'?!.,:*_~\'"']);

/** White space that ends a link literal in GFM: ASCII only, so a no-break space or a control character is part of it. */
const ASCII_SPACE = new Set([...' \t\n\v\f\r']);

/**
 * Where GFM ends a link literal that starts at `from`: at the first ASCII white space, cut before
 * any "<", then without trailing punctuation, a trailing entity-like "&name;", or a ")" that closes
 * nothing in it (cmark-gfm's autolink_delim). linkify-it finds where links start and whether the
 * domain is one; its own ending rules differ (quotes, brackets, control characters).
 */
function gfmEnd(text: string, from: number, limit = text.length): number {
  let end = from;
  while (end < limit && !ASCII_SPACE.has(text[end] ?? '') && text[end] !== '<') end++;
  let open = 0;
  let close = 0;
  for (let at = from; at < end; at++) {
    if (text[at] === '(') open++;
    else if (text[at] === ')') close++;
  }
  while (end > from) {
    const char = text[end - 1] ?? '';
    if (TRAILING_PUNCTUATION.has(char)) end--;
    else if (char === ';') {
      let name = end - 2;
      while (name > from && /[A-Za-z]/.test(text[name] ?? '')) name--;
      end = name < end - 2 && text[name] === '&' ? name : end - 1;
    } else if (char === ')' && close > open) {
      close--;
      end--;
    } else break;
  }
  return end;
}

/** Where a link literal can start: a scheme linkify-it knows, "www.", or the "@" of an e-mail address. */
const CANDIDATE = /https?:\/\/|ftp:\/\/|www\.|@/gi;

/**
 * Characters after a candidate that linkify-it is shown: room for any host. Its own search is
 * quadratic on some runs (65,536 characters of "https://x.org/(" take seconds), so it only ever
 * judges a short window; where a link ends is GFM's rule (gfmEnd), read on the whole text.
 */
const WINDOW = 320;

/** What an e-mail address's domain is made of: its end ends the window an "@" is judged in. */
const EMAIL_DOMAIN = /[A-Za-z0-9.\-_]/;

/**
 * Where a window of `size` characters from the candidate at `at` ends: at most at the first ASCII
 * white space or "<", which end every link, and for an "@" where its domain ends.
 */
function windowEnd(text: string, at: number, size: number): number {
  const limit = Math.min(text.length, at + size);
  let end = at + 1;
  if (text[at] === '@') {
    while (end < limit && EMAIL_DOMAIN.test(text[end] ?? '')) end++;
    return end;
  }
  while (end < limit && !ASCII_SPACE.has(text[end] ?? '') && text[end] !== '<') end++;
  return end;
}

/** linkify-it's match for the candidate at `at`, judged on a window of text around it (one character before, for context). */
function matchAt(text: string, at: number, start: number): Match | null {
  const from = Math.max(0, start - 1);
  for (let size = WINDOW; ; size *= 2) {
    const to = windowEnd(text, at, size);
    const match = (linkify.match(text.slice(from, to)) ?? []).find(
      (each) => from + each.index <= at && at < from + each.lastIndex,
    );
    // A window its size cut short may end inside an e-mail address, whose end linkify-it decides,
    // and which may read otherwise whole: look again with more text. A link's end is GFM's (gfmEnd).
    const cut = text[at] === '@' && to === at + size && to < text.length;
    if (cut && (match === undefined || from + match.lastIndex >= to)) continue;
    return match === undefined
      ? null
      : { ...match, index: from + match.index, lastIndex: from + match.lastIndex };
  }
}

/**
 * The links GitHub makes of a run of plain text, in order. `before`: the character GitHub reads
 * before the run (after a link or a code span a "www." is no link). Each candidate start is judged
 * once, after the end of the link before it, as cmark-gfm scans.
 */
export function autolinks(text: string, before = ' '): FoundLink[] {
  if (!LINK_HINT.test(text)) return [];
  const found: FoundLink[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    // A link's end can reach past the next candidate.
    const done = found.at(-1)?.lastIndex ?? 0;
    if (candidate.index < done) continue;
    let start = candidate.index;
    if (candidate[0] === '@') {
      while (start > done && EMAIL_NAME.test(text[start - 1] ?? '')) start--;
      // No name before the "@", or no domain after it: no address.
      if (start === candidate.index || !/[A-Za-z0-9]/.test(text[candidate.index + 1] ?? '')) continue;
    }
    const match = matchAt(text, candidate.index, start);
    if (match === null || match.index < done) continue;
    const link = linkOf(text, match, before);
    if (link !== null) found.push(link);
  }
  return found;
}

/** A linkify-it match (indices into `text`) as GitHub links it, or null when GitHub does not. */
function linkOf(text: string, match: Match, before: string): FoundLink | null {
  if (match.schema === 'www.') {
    // cmark-gfm: lower-case "www." only, after white space, "*", "_", "~" or "(".
    if (!text.startsWith('www.', match.index) || !WWW_AFTER.test(text[match.index - 1] ?? before))
      return null;
  }
  if (match.schema === 'mailto:') {
    // An e-mail address: GitHub links the address around the "@" alone ("mailto:" or "xmpp:"
    // before it stays text), to linkify-it's end, without GFM's trailing punctuation.
    const at = text.indexOf('@', match.index);
    let index = at;
    while (index > match.index && EMAIL_NAME.test(text[index - 1] ?? '')) index--;
    const lastIndex = gfmEnd(text, index, match.lastIndex);
    // GFM: the address ends in a letter (so "ops@10.0.0.1" is no link).
    if (index === at || !/[A-Za-z]/.test(text[lastIndex - 1] ?? '')) return null;
    return { index, lastIndex, url: `mailto:${text.slice(index, lastIndex)}` };
  }
  const lastIndex = gfmEnd(text, match.index);
  if (lastIndex === match.index) return null;
  const written = text.slice(match.index, lastIndex);
  return { index: match.index, lastIndex, url: match.schema === 'www.' ? `http://${written}` : written };
}
