import LinkifyIt from 'linkify-it';

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

/**
 * The links GitHub makes of a run of plain text, in order. `before`: the character GitHub reads
 * before the run (after a link or a code span a "www." is no link).
 */
export function autolinks(text: string, before = ' '): FoundLink[] {
  if (!LINK_HINT.test(text)) return [];
  const found: FoundLink[] = [];
  for (const match of linkify.match(text) ?? []) {
    // A link's end can reach past where linkify-it found the next one.
    if (match.index < (found.at(-1)?.lastIndex ?? 0)) continue;
    if (match.schema === 'www.') {
      // cmark-gfm: lower-case "www." only, after white space, "*", "_", "~" or "(".
      if (!text.startsWith('www.', match.index) || !WWW_AFTER.test(text[match.index - 1] ?? before)) continue;
    }
    if (match.schema === 'mailto:') {
      // An e-mail address: GitHub links the address around the "@" alone ("mailto:" or "xmpp:"
      // before it stays text), to linkify-it's end, without GFM's trailing punctuation.
      const at = text.indexOf('@', match.index);
      let index = at;
      while (index > match.index && EMAIL_NAME.test(text[index - 1] ?? '')) index--;
      const lastIndex = gfmEnd(text, index, match.lastIndex);
      // GFM: the address ends in a letter (so "ops@10.0.0.1" is no link).
      if (index === at || !/[A-Za-z]/.test(text[lastIndex - 1] ?? '')) continue;
      found.push({ index, lastIndex, url: `mailto:${text.slice(index, lastIndex)}` });
      continue;
    }
    const lastIndex = gfmEnd(text, match.index);
    if (lastIndex === match.index) continue;
    const written = text.slice(match.index, lastIndex);
    found.push({
      index: match.index,
      lastIndex,
      url: match.schema === 'www.' ? `http://${written}` : written,
    });
  }
  return found;
}
