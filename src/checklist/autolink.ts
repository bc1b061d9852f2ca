import LinkifyIt from 'linkify-it';

/**
 * GFM's autolink literals, found by linkify-it: "http://", "https://" and "ftp://" links, "www."
 * links on any domain (GitHub links them as "http://www…") and e-mail addresses. linkify-it's own
 * bare domains ("example.com") and "//host" links are not links on GitHub, and are turned off.
 */
const linkify = new LinkifyIt()
  .add('//', null)
  .add('www.', {
    validate(text, at, self) {
      const re = self.re as typeof self.re & { www?: RegExp };
      re.www ??= new RegExp(`^${re.src_host_port_strict}${re.src_path}`, 'i');
      return re.www.exec(text.slice(at))?.[0].length ?? 0;
    },
    normalize(match) {
      match.url = `http://${match.url}`;
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

const TRAILING_PUNCTUATION = new Set([...'?!.,:*_~']);

/** How many characters GFM takes off the end of a link: trailing punctuation, and ")" that closes nothing in it. */
function trailingLength(raw: string): number {
  let end = raw.length;
  let open = 0;
  let close = 0;
  for (const char of raw) {
    if (char === '(') open++;
    else if (char === ')') close++;
  }
  while (end > 0) {
    const char = raw[end - 1] ?? '';
    if (TRAILING_PUNCTUATION.has(char)) end--;
    else if (char === ')' && close > open) {
      close--;
      end--;
    } else break;
  }
  return raw.length - end;
}

/** The links GitHub makes of a run of plain text, in order. */
export function autolinks(text: string): FoundLink[] {
  if (!LINK_HINT.test(text)) return [];
  return (linkify.match(text) ?? []).flatMap((match) => {
    if (match.schema === 'www.' && !WWW_AFTER.test(text[match.index - 1] ?? ' ')) return [];
    const cut = trailingLength(match.raw);
    if (cut === match.raw.length) return [];
    return [
      {
        index: match.index,
        lastIndex: match.lastIndex - cut,
        url: match.url.slice(0, match.url.length - cut),
      },
    ];
  });
}
