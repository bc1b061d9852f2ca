import { createRequire } from 'node:module';
import { parseChecklist } from '../src/checklist/parse.js';
import type { EvaluationContext } from '../src/evaluate/context.js';
import { evaluate, policyErrorReport } from '../src/evaluate/evaluate.js';
import type { SignoffFacts } from '../src/evaluate/facts.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy } from '../src/policy/policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { FAILING_STATUSES, type Report } from '../src/evaluate/report.js';

/**
 * Everything the gate echoes into its pull-request comment comes from people: item texts and
 * headings from the description, links from the items, texts from the policy. Whatever they hold,
 * the comment must not ping anyone, cross-reference issues, open HTML, images or tables, or break
 * its own list structure; and long texts are cut. The comment is checked as Markdown and as the
 * HTML GitHub's renderer (cmark-gfm) makes of it.
 */

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(markdown: string, options: object): string };
const EXTENSIONS = { table: true, autolink: true, tagfilter: true, strikethrough: true, tasklist: true };

/** The comment as HTML: as cmark-gfm renders it by default, and with raw HTML let through as GitHub does (sanitised). */
function renderings(markdown: string): string[] {
  return [
    cmark.renderHtmlSync(markdown, { extensions: EXTENSIONS }),
    cmark.renderHtmlSync(markdown, { unsafe: true, extensions: EXTENSIONS }),
  ];
}

const CONTEXT: EvaluationContext = {
  event: 'pull_request',
  baseBranch: 'main',
  labels: [],
  changedPaths: null,
};

const SIGNOFFS: SignoffFacts = {
  approvedBy: [],
  teams: new Map([['org/team', { error: 'the members of @org/team #1 could not be read' }]]),
  edit: null,
  history: null,
};

const HOSTILE: [string, string][] = [
  ['a user mention', '@octocat'],
  ['a team mention', '@org/team'],
  ['an issue reference', '#123'],
  ['a GH- reference', 'GH-123'],
  ['a lower-case gh- reference', 'gh-7'],
  ['a cross-repository reference', 'org/repo#5'],
  ['an entity-encoded mention', '&#64;octocat &#35;9'],
  ['table pipes', 'a | b | c'],
  ['an image tag', '<img src=x onerror=alert(1)>'],
  ['a script tag', '<script>alert(1)</script>'],
  ['a Markdown image', '![img](https://x/y.png)'],
  ['a javascript: link', '[link](javascript:x)'],
  ['an HTML comment', '<!-- hidden -->'],
  ['backticks', '`code` and ``` and ````'],
  ['a details block', '<details><summary>open me</summary>'],
  ['a heading marker', '### Heading'],
  ['emphasis', '**bold** _em_ ~~strike~~'],
  ['a line separator', 'one\u2028two\u2029three'],
];

const ALL_HOSTILE = HOSTILE.map(([, text]) => text).join(' ');

function load(text: string): Policy {
  const loaded = loadPolicy(text, '.github/checklist-gate.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.policy;
}

/** A YAML scalar holding any text: JSON strings are YAML. */
const yaml = (text: string) => JSON.stringify(text);

/** A policy whose own texts carry the hostile text, with an item that has approvers and one that needs evidence. */
function hostilePolicy(text: string): Policy {
  return load(
    [
      'version: 1',
      'sections:',
      `  - heading: ${yaml(`Other section ${text}`)}`,
      '    require: any',
      'items:',
      `  - text: ${yaml(`Policy item ${text}`)}`,
      `  - text: ${yaml(`Signed item ${text}`)}`,
      '    approvers: [octocat, org/team]',
      '  - id: load',
      '    text: Load test passed',
      '    evidence:',
      "      allow: ['https://github.com/*/*/actions/runs/*']",
      `      hint: ${yaml(`the run ${text}`)}`,
      '',
    ].join('\n'),
  );
}

/** A description whose headings, item texts (one of them over a lazy continuation line) and links carry the hostile text. */
function hostileDescription(text: string): string {
  return [
    `## Section ${text}`,
    '',
    `- [ ] Item ${text}`,
    `- [ ] Lazy item`,
    `continued ${text}`,
    `- [x] Signed item ${text}`,
    `- [x] Load test passed: [a](https://evil.example/@octocat/org/repo%235/GH-123) [b](javascript:alert(1)) <https://evil.example/a|b> [c](https://evil.example/x\`y)`,
    `- [x] Done ${text}`,
    '',
  ].join('\n');
}

function hostileReport(text: string): Report {
  return evaluate(parseChecklist(hostileDescription(text)), hostilePolicy(text), {
    ...CONTEXT,
    signoffs: SIGNOFFS,
  });
}

/**
 * The Markdown without its code spans, which GitHub shows as typed: no mention, reference or link
 * inside one is live. A backslash-escaped backtick opens none; a run of backticks with no closing
 * run of the same length is literal.
 */
function withoutCodeSpans(markdown: string): string {
  let out = '';
  let at = 0;
  while (at < markdown.length) {
    const char = markdown[at] ?? '';
    if (char === '\\') {
      out += markdown.slice(at, at + 2);
      at += 2;
      continue;
    }
    if (char !== '`') {
      out += char;
      at++;
      continue;
    }
    const runEnd = endOfRun(markdown, at);
    const close = closingRun(markdown, runEnd, runEnd - at);
    out += close === null ? markdown.slice(at, runEnd) : ' ';
    at = close ?? runEnd;
  }
  return out;
}

function endOfRun(text: string, from: number): number {
  let end = from;
  while (text[end] === '`') end++;
  return end;
}

/** Where a run of exactly `length` backticks after `from` ends, or null. */
function closingRun(text: string, from: number, length: number): number | null {
  for (let at = from; at < text.length;) {
    if (text[at] !== '`') {
      at++;
      continue;
    }
    const end = endOfRun(text, at);
    if (end - at === length) return end;
    at = end;
  }
  return null;
}

/** The text a reader sees outside code: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<code>[^]*?<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const MENTION = /@[\p{L}\p{N}_-]/u;
const ISSUE = /#\p{N}/u;
const GH_REFERENCE = /\bGH-\p{N}/iu;
/** How each line of the report begins. */
const OWN_LINE =
  /^(?:$|#{3,4} |\*\*|- [❌☑☐] | {2}- |- `|<details><summary>|<\/details>$|> |The gate looked in |Add the release checklist |Fix the policy file |The policy |Tick each box once |The description has )/u;
const OWN_DETAILS = /^<details><summary>[^<>]*<\/summary>$/;

function expectSafe(markdown: string, report: Report): void {
  const lines = markdown.split('\n');
  const prose = withoutCodeSpans(markdown);

  // (a) no live mention, issue reference or GH- reference
  expect(prose).not.toMatch(MENTION);
  expect(prose).not.toMatch(ISSUE);
  expect(prose).not.toMatch(GH_REFERENCE);

  // (b) no raw HTML or image of the author's; the report's own <details> lines only
  expect(markdown).not.toMatch(/<img/i);
  expect(markdown).not.toMatch(/<script/i);
  expect(markdown).not.toMatch(/!\[/);
  expect(lines.filter((line) => /<details/i.test(line) && !OWN_DETAILS.test(line))).toEqual([]);

  // (c) one list entry per line, no table row: every line is one the report writes
  expect(lines.filter((line) => line.trimStart().startsWith('|'))).toEqual([]);
  expect(lines.filter((line) => !OWN_LINE.test(line))).toEqual([]);
  const failing =
    report.items.filter((item) => item.required && FAILING_STATUSES.has(item.status)).length +
    report.sections.filter((section) => section.status === 'failing').length;
  expect(lines.filter((line) => line.startsWith('- ❌ '))).toHaveLength(failing);

  const [, raw] = renderings(markdown);
  expect((raw?.match(/<details>/g) ?? []).length).toBe(lines.filter((line) => OWN_DETAILS.test(line)).length);
  for (const html of renderings(markdown)) {
    const visible = visibleText(html);
    expect(visible).not.toMatch(MENTION);
    expect(visible).not.toMatch(ISSUE);
    expect(visible).not.toMatch(GH_REFERENCE);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<table/i);
    expect(html).not.toContain('<a href="https://github.com/octocat"');
    // Raw HTML is left out of the default rendering; where it is let through, only the report's own <details> appear.
    expect((html.match(/<details>/g) ?? []).length).toBeLessThanOrEqual(
      lines.filter((line) => OWN_DETAILS.test(line)).length,
    );
    // Every list item of the HTML is a "- " line of the Markdown: nothing split or merged them.
    expect((html.match(/<li>/g) ?? []).length).toBe(lines.filter((line) => /^\s*- /.test(line)).length);
  }
}

describe('the comment is safe whatever the description and the policy hold', () => {
  it.each([...HOSTILE, ['all of them at once', ALL_HOSTILE] as [string, string]])(
    'item texts, headings, links and policy texts holding %s',
    (_name, text) => {
      const report = hostileReport(text);
      expect(report.passed).toBe(false);
      // Every kind of echoed text is in the report: the hostile text reaches the renderer.
      expect(report.items.filter((item) => item.text.startsWith('Item')).length).toBe(1);
      expect(report.items.some((item) => item.status === 'missing')).toBe(true);
      expect(report.items.some((item) => item.status === 'unapproved')).toBe(true);
      expect(report.items.some((item) => item.status === 'bad-evidence')).toBe(true);
      expect(report.items.some((item) => item.status === 'ok')).toBe(true);
      expect(report.sections.some((section) => section.status === 'failing')).toBe(true);
      const markdown = renderMarkdown(report, { title: `Gate ${text}` });
      expectSafe(markdown, report);
    },
  );

  it('a section rule whose heading is present but short of ticks lists its unticked items safely', () => {
    const policy = load(
      ['version: 1', 'sections:', `  - heading: ${yaml(`Checks ${ALL_HOSTILE}`)}`, '    require: 2', ''].join(
        '\n',
      ),
    );
    const markdown = [
      `## Checks ${ALL_HOSTILE}`,
      '',
      `- [x] One ${ALL_HOSTILE}`,
      `- [ ] Two ${ALL_HOSTILE}`,
      '',
    ];
    const report = evaluate(parseChecklist(markdown.join('\n')), policy, CONTEXT);
    expect(report.sections.map((section) => section.status)).toEqual(['failing']);
    expectSafe(renderMarkdown(report), report);
  });

  it('the "no checklist" comment is safe, with a heading from the policy', () => {
    const policy = load(
      ['version: 1', 'checklist:', `  heading: ${yaml(`Release ${ALL_HOSTILE}`)}`, ''].join('\n'),
    );
    const report = evaluate(parseChecklist(`## Other ${ALL_HOSTILE}\n\n- [x] a\n`), policy, CONTEXT);
    expect(report.checklist.found).toBe(false);
    expectSafe(renderMarkdown(report, { title: ALL_HOSTILE }), report);
  });

  it('the "policy error" comment is safe, with keys and values from the policy', () => {
    const loaded = loadPolicy(
      [
        'version: 1',
        `${yaml(`unknown ${ALL_HOSTILE}`)}: 1`,
        `unlisted: ${yaml(`sometimes ${ALL_HOSTILE}`)}`,
        'items:',
        `  - match: ${yaml(`(${ALL_HOSTILE}`)}`,
        '',
      ].join('\n'),
      '.github/checklist-gate.yml',
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const report = policyErrorReport(loaded.errors, '.github/checklist-gate.yml');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('could not be used');
    expectSafe(markdown, report);
  });
});

describe('the checks are not vacuous', () => {
  const clean = evaluate(parseChecklist('- [x] a\n'), load('version: 1\n'), CONTEXT);

  it('a clean comment passes them', () => {
    expectSafe('- ☑ a <sub>line 1</sub>\n', clean);
  });

  it.each([
    ['a mention', '- ☑ hi @octocat\n'],
    ['an issue reference', '- ☑ see #12\n'],
    ['a GH- reference', '- ☑ see GH-1\n'],
    ['an image tag', '- ☑ <img src=x>\n'],
    ['a Markdown image', '- ☑ ![a](https://x/y.png)\n'],
    ['a table', '- ☑ a\n\n| a |\n| - |\n'],
    ['a details block', '- ☑ a\n\n<details>\n'],
    ['a list entry from the author', '- ☑ a\n- b\n'],
    ['a line from the author', '- ☑ a\n\nhello\n'],
  ])('%s is caught', (_name, markdown) => {
    expect(() => expectSafe(markdown, clean)).toThrow();
  });
});

describe('long texts are cut', () => {
  const LONG = `Long ${'word '.repeat(2000)}`.trim();

  it('a 10,000-character item text, heading and policy text are truncated in the comment', () => {
    expect(LONG.length).toBeGreaterThanOrEqual(10_000);
    const report = hostileReport(LONG);
    const markdown = renderMarkdown(report, { title: LONG });
    expectSafe(markdown, report);
    for (const line of markdown.split('\n')) expect(line.length).toBeLessThan(3000);
    expect(markdown.length).toBeLessThan(LONG.length * 2);
    expect(markdown).toContain('…');
  });

  it('escaping cannot grow a cut text without bound', () => {
    const report = hostileReport('&<>|`*_[]#@1'.repeat(900));
    const markdown = renderMarkdown(report);
    expectSafe(markdown, report);
    for (const line of markdown.split('\n')) expect(line.length).toBeLessThan(6000);
  });

  it('cutting never splits a character in two', () => {
    const report = hostileReport(`${'a'.repeat(280)}${'😀'.repeat(200)}`);
    const markdown = renderMarkdown(report, { title: '😀'.repeat(80) });
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(markdown).not.toMatch(loneSurrogate);
  });
});

describe('web addresses echoed into the comment stay inert', () => {
  // A bare address in an item text, a heading or a policy text becomes a live link in the gate's
  // own comment (and, for an issue or pull request, a cross-reference in its timeline).
  const ADDRESSES = 'https://github.com/octocat https://github.com/o/r/issues/1 www.evil.example/login';

  it('no echoed address becomes a link', () => {
    const report = hostileReport(ADDRESSES);
    const markdown = renderMarkdown(report);
    expectSafe(markdown, report);
    for (const html of renderings(markdown)) expect(html.match(/<a [^>]*>/g) ?? []).toEqual([]);
  });
});

describe('links that counted as evidence are live in the comment, and safe', () => {
  const policy = load(
    [
      'version: 1',
      'items:',
      '  - id: load',
      '    text: Load test passed',
      '    evidence:',
      "      allow: ['https://ci.acme.dev/**']",
      '      min: 1',
      '',
    ].join('\n'),
  );
  const report = (description: string) => evaluate(parseChecklist(description), policy, CONTEXT);
  const anchors = (html: string) => [...html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)];
  const decodeAttribute = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

  it('an accepted link is one link to exactly its address, shown by its address', () => {
    const markdown = renderMarkdown(
      report('- [x] Load test passed, see https://ci.acme.dev/runs/9?tab=summary\n'),
    );
    expect(markdown).toContain(
      '<sub>line 1 · evidence [`ci.acme.dev/runs/9?tab=summary`](https://ci.acme.dev/runs/9?tab=summary) · `load`</sub>',
    );
    for (const html of renderings(markdown)) {
      const found = anchors(html);
      expect(found.map((match) => decodeAttribute(match[1] ?? ''))).toEqual([
        'https://ci.acme.dev/runs/9?tab=summary',
      ]);
      expect(found[0]?.[2]).toBe('<code>ci.acme.dev/runs/9?tab=summary</code>');
    }
  });

  // Addresses the allow-list accepts, holding what could end a link, open markup, ping or reference.
  const HOSTILE_TARGETS: [string, string][] = [
    ['parentheses', '[run](<https://ci.acme.dev/runs/9)(x>)'],
    ['a space', '[run](<https://ci.acme.dev/a b>)'],
    ['a mention and references', 'https://ci.acme.dev/@octocat/org/repo%235/GH-2?q=#1'],
    ['a backtick', '[run](https://ci.acme.dev/x`y)'],
    ['markup', '[run](<https://ci.acme.dev/x*y*_z_~~w~~[a](b)>)'],
    ['a quote and a title', "[run](https://ci.acme.dev/x\"y 't')"],
    ['an HTML tag, encoded', '[run](https://ci.acme.dev/x%3Cimg%20src=x%3Ey)'],
    ['non-ASCII', 'https://ci.acme.dev/r%C3%A9sum%C3%A9/😀'],
    ['a long path', `https://ci.acme.dev/${'a'.repeat(300)}`],
  ];

  it.each(HOSTILE_TARGETS)(
    'an accepted address holding %s stays one safe link to that address',
    (_name, link) => {
      const entry = report(`- [x] Load test passed ${link}\n- [ ] Next\n`).items.find(
        (item) => item.id === 'load',
      );
      expect(entry?.status).toBe('ok');
      const accepted = entry?.evidence ?? [];
      expect(accepted).toHaveLength(1);
      const markdown = renderMarkdown(report(`- [x] Load test passed ${link}\n- [ ] Next\n`));
      // The report's own lines only: nothing in the address split the line or opened markup.
      expect(markdown.split('\n').filter((line) => line.includes('evidence'))).toHaveLength(1);
      for (const html of renderings(markdown)) {
        const found = anchors(html);
        expect(found).toHaveLength(1);
        // The target is the address GitHub would open from the description, percent-encoded further.
        const target = decodeAttribute(found[0]?.[1] ?? '');
        expect(decodeURIComponent(target)).toBe(decodeURIComponent(new URL(accepted[0] ?? '').href));
        const visible = visibleText(html);
        expect(visible).not.toMatch(MENTION);
        expect(visible).not.toMatch(ISSUE);
        expect(visible).not.toMatch(GH_REFERENCE);
        // The report's own bold (the progress line, "**Next**") aside, no markup.
        expect(html).not.toMatch(/<img|<em>|<del>/i);
        expect(html.match(/<strong>/g) ?? []).toHaveLength(2);
        expect((html.match(/<li>/g) ?? []).length).toBe(2);
        // The text is the address itself (cut when long), never anything else.
        const text = (found[0]?.[2] ?? '').replace(/^<code>|<\/code>$/g, '');
        expect(text.length).toBeLessThanOrEqual(80);
        expect(decodeAttribute(found[0]?.[1] ?? '').slice('https://'.length)).toContain(
          text.replace(/…$/, ''),
        );
      }
    },
  );

  it('an address Markdown would change (an HTML entity in it) stays inert', () => {
    // "&amp;amp;" in the description is the address "…&amp;b=2".
    const markdown = renderMarkdown(report('- [x] Load test passed https://ci.acme.dev/r?a=1&amp;amp;b=2\n'));
    expect(markdown).toContain('evidence `https://ci.acme.dev/r?a=1&amp;b=2`');
    for (const html of renderings(markdown)) expect(anchors(html)).toEqual([]);
  });

  it('a refused link is not live, and an accepted one beside it is', () => {
    const markdown = renderMarkdown(
      report('- [x] Load test passed [ok](https://ci.acme.dev/runs/1) [bad](https://evil.example/runs/1)\n'),
    );
    for (const html of renderings(markdown))
      expect(anchors(html).map((match) => match[1])).toEqual(['https://ci.acme.dev/runs/1']);
    expect(markdown).not.toContain('](https://evil.example');
  });

  it('an item short of evidence shows the links that did count, and more than three are counted', () => {
    const twoNeeded = load(
      [
        'version: 1',
        'items:',
        '  - text: Load test passed',
        '    evidence:',
        "      allow: ['https://ci.acme.dev/**']",
        '      min: 5',
        '',
      ].join('\n'),
    );
    const links = [1, 2, 3, 4].map((run) => `https://ci.acme.dev/runs/${run}`).join(' ');
    const result = evaluate(parseChecklist(`- [x] Load test passed ${links}\n`), twoNeeded, CONTEXT);
    expect(result.items[0]?.status).toBe('no-evidence');
    const markdown = renderMarkdown(result);
    expect(markdown).toContain(
      'evidence [`ci.acme.dev/runs/1`](https://ci.acme.dev/runs/1), [`ci.acme.dev/runs/2`](https://ci.acme.dev/runs/2), [`ci.acme.dev/runs/3`](https://ci.acme.dev/runs/3) and 1 more</sub>',
    );
  });
});
