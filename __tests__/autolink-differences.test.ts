import { parseChecklist } from '../src/checklist/parse.js';
import { githubItems } from './helpers/github-render.js';

/**
 * GFM's autolink literals in an item ("- [x] see … ok"), as cmark-gfm links them and as the gate
 * does (linkify-it finds where a link starts and checks its domain; GFM's rules end it). Each row
 * states both readings, and both are checked, so that a row fails when either side changes.
 */
function linksOf(text: string): { github: string[]; gate: string[] } {
  const markdown = `- [x] see ${text} ok`;
  return {
    github: githubItems(markdown)[0]?.links ?? [],
    gate: parseChecklist(markdown).items[0]?.links ?? [],
  };
}

/** Where the two agree, thanks to GFM's rules on top of linkify-it: each was once a difference. */
const AGREED: [name: string, text: string, links: string[]][] = [
  ['a quote at the end is trailing punctuation', 'https://x.org/a"b"', ['https://x.org/a"b']],
  ['an apostrophe at the end is trailing punctuation', "www.x.org/a'", ['http://www.x.org/a']],
  ['a control character is part of the address', 'https://x.org/a\u0001b', ['https://x.org/a\u0001b']],
  ['a no-break space is part of the address', 'https://x.org/a\u00a0b', ['https://x.org/a\u00a0b']],
  ['an em space is part of the address', 'https://x.org/a\u2003b', ['https://x.org/a\u2003b']],
  ['DEL is part of the address', 'https://x.org/a\u007fb', ['https://x.org/a\u007fb']],
  ['an opening parenthesis left open', 'https://x.org/(a', ['https://x.org/(a']],
  ['brackets in the path', 'https://x.org/a[b]', ['https://x.org/a[b]']],
  ['braces, "|" and "^" in the path', 'https://x.org/a{b}|c^d', ['https://x.org/a{b}|c^d']],
  ['two dots in the domain', 'https://x..org', ['https://x..org']],
  ['"<" ends the address', 'https://x.org/a<b', ['https://x.org/a']],
  ['an IDN domain', 'https://münchen.de/a', ['https://münchen.de/a']],
  ['a port', 'https://x.org:8080/a', ['https://x.org:8080/a']],
  ['a port after "www."', 'www.x.org:8080/a', ['http://www.x.org:8080/a']],
  ['upper-case scheme and domain', 'HTTPS://X.ORG/A', ['HTTPS://X.ORG/A']],
  ['ftp', 'ftp://x.org/a', ['ftp://x.org/a']],
  ['a bare host after the scheme', 'https://localhost:8080/a', ['https://localhost:8080/a']],
  ['"_" in the last two domain labels: no link', 'https://x.a_b.org/c', []],
  ['"WWW." in capitals is no link', 'WWW.x.org', []],
  ['"www." right after a link is no link', '[a](https://y.org)www.x.org', ['https://y.org']],
  ['"www." right after a code span is no link', '`c`www.x.org', []],
  ['"www." right after inline HTML is no link', '<b>b</b>www.x.org', []],
  ['"www." after a letter is no link', 'xwww.x.org', []],
  ['"www." after "(" is a link', '(www.x.org)', ['http://www.x.org']],
  ['"www." after emphasis is a link', '**b**www.x.org', ['http://www.x.org']],
  ['an e-mail address on a known domain', 'o.p-s_1+tag@acme.com', ['mailto:o.p-s_1+tag@acme.com']],
  ['an e-mail address then a dot', 'ops@acme.com.', ['mailto:ops@acme.com']],
  ['"mailto:" stays text', 'mailto:ops@acme.com', ['mailto:ops@acme.com']],
  ['"MAILTO:" stays text', 'MAILTO:ops@acme.com', ['mailto:ops@acme.com']],
  ['"xmpp:" stays text', 'xmpp:ops@acme.com', ['mailto:ops@acme.com']],
  ['an address on an IP is no link', 'ops@10.0.0.1', []],
  ['an address after "/" is no link', 'x/ops@acme.com', []],
  ['no domain at all', 'https://', []],
  ['"//" alone is no link', '//x.org/a', []],
  ['a bare domain is no link', 'x.org/a', []],
  ['"[^1]" right after an address is part of it', 'https://x.org/9[^1]', ['https://x.org/9[^1]']],
  // linkify-it judges a short window around each start (autolink.ts): longer links end as GitHub ends them.
  [
    'an address longer than the window',
    `https://x.org/${'a'.repeat(1000)}`,
    [`https://x.org/${'a'.repeat(1000)}`],
  ],
  [
    'a domain longer than the window',
    `https://${'ab.'.repeat(150)}org/x`,
    [`https://${'ab.'.repeat(150)}org/x`],
  ],
  [
    'an e-mail domain longer than the window',
    `ops@${'ab.'.repeat(150)}com`,
    [`mailto:ops@${'ab.'.repeat(150)}com`],
  ],
  [
    'a link right after another, no space between',
    'https://x.org/(https://y.org/(',
    ['https://x.org/(https://y.org/('],
  ],
  [
    'two addresses with a comma between',
    'ops@acme.com,dev@acme.com',
    ['mailto:ops@acme.com', 'mailto:dev@acme.com'],
  ],
];

/**
 * The remaining differences. In each the gate reads no link, or the start of GitHub's, or an
 * address that differs only where cmark-gfm keeps the source's backslash or entity as written.
 * None is a link GitHub does not show.
 */
const DIFFERENT: [name: string, text: string, github: string[], gate: string[]][] = [
  // E-mail addresses: linkify-it knows a list of domain endings, GFM takes any that ends in a letter.
  ['an e-mail domain ending linkify-it does not know', 'ops@acme.dev', ['mailto:ops@acme.dev'], []],
  ['an internal e-mail domain', 'ops@acme.internal', ['mailto:ops@acme.internal'], []],
  ['a one-letter ending', 'ops@acme.c', ['mailto:ops@acme.c'], []],
  ['a digit in the ending', 'ops@acme.d3v', ['mailto:ops@acme.d3v'], []],
  ['"_" in an e-mail domain', 'ops@acme_x.com', ['mailto:ops@acme_x.com'], []],
  ['two "@"', 'a@b@c.com', ['mailto:b@c.com'], []],
  ['an apostrophe in the name', "o'p@acme.com", ['mailto:p@acme.com'], []],
  // Domains: GFM only refuses "_" in the last two labels and takes "-" anywhere.
  ['"_" in a label before the last two', 'https://a_b.x.org/c', ['https://a_b.x.org/c'], []],
  ['a label ending in "-"', 'https://x-.org', ['https://x-.org'], []],
  ['a label starting with "-" after "www."', 'www.-x.org', ['http://www.-x.org'], []],
  // What may stand before a link: linkify-it wants no letter, digit, "_" or "~" there.
  ['a scheme after a digit', '1https://x.org', ['https://x.org'], []],
  ['a scheme after "_"', '_https://x.org', ['https://x.org'], []],
  ['"www." after "_"', '_www.x.org', ['http://www.x.org'], []],
  ['"www." after "~" (struck through)', '~~www.x.org~~', ['http://www.x.org'], []],
  ['a struck-through address', '~~https://x.org~~', ['https://x.org'], []],
  // cmark-gfm links the source as written, up to white space; the gate reads commonmark's text.
  ['a code span inside the address', 'https://x.org/a`b`', ['https://x.org/a`b`'], ['https://x.org/a']],
  ['emphasis inside the address', 'https://x.org/a**b**', ['https://x.org/a**b'], ['https://x.org/a']],
  [
    'a markdown link right after the address',
    'https://x.org/[see](https://ci.acme.dev/runs/9)',
    ['https://x.org/[see](https://ci.acme.dev/runs/9)'],
    ['https://x.org/'],
  ],
  [
    'a link written right after the address',
    'https://a.org/[q](r)',
    ['https://a.org/[q](r)'],
    ['https://a.org/'],
  ],
  [
    'a backslash escape inside the address',
    'https://x.org/a\\_b',
    ['https://x.org/a\\_b'],
    ['https://x.org/a_b'],
  ],
  ['a backslash escape at the end', 'https://x.org/a\\)', ['https://x.org/a\\'], ['https://x.org/a']],
  ['an entity at the end', 'https://x.org/a&amp;', ['https://x.org/a'], ['https://x.org/a&']],
  ['a named entity at the end', 'https://x.org/&hellip;', ['https://x.org/'], ['https://x.org/…']],
  ['a numeric entity at the end', 'https://x.org/a&#39;', ['https://x.org/a&#39'], ['https://x.org/a']],
];

describe('autolink literals: where the gate and GitHub agree', () => {
  it.each(AGREED)('%s', (_name, text, links) => {
    expect(linksOf(text)).toEqual({ github: links, gate: links });
  });
});

describe('autolink literals: the remaining differences, recorded', () => {
  it.each(DIFFERENT)('%s', (_name, text, github, gate) => {
    expect(linksOf(text)).toEqual({ github, gate });
  });
});
