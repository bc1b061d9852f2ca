import { policyErrorReport } from '../src/evaluate/evaluate.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { renderMarkdown, type MarkdownOptions } from '../src/report/markdown.js';
import type { Report, ReportItem } from '../src/evaluate/report.js';
import { renderText } from '../src/report/text.js';
import { check } from './helpers/check-description.js';

const ZWSP = '\u200b';

/**
 * The Markdown report, with quotes read the same whether or not they were written as &quot;:
 * outside an HTML tag a quote does nothing, so either way is safe.
 */
function render(result: Report, options?: MarkdownOptions): string {
  return renderMarkdown(result, options).replace(/&quot;/g, '"');
}

/** A report item, as the evaluator would make it, with the given text and status. */
function item(text: string, overrides: Partial<ReportItem> = {}): ReportItem {
  return {
    id: null,
    text,
    checked: false,
    required: true,
    status: 'unchecked',
    line: 3,
    depth: 0,
    section: null,
    links: [],
    problems: ['not ticked'],
    fix: 'Tick the box once this is done.',
    ...overrides,
  };
}

/** A failing report around the given items. */
function report(items: ReportItem[], overrides: Partial<Report> = {}): Report {
  return {
    version: 1,
    passed: false,
    conclusion: 'fail',
    summary: `${items.length} of ${items.length} required items open`,
    counts: {
      total: items.length,
      required: items.length,
      done: 0,
      open: items.length,
      optional: 0,
      notRequired: 0,
    },
    checklist: { found: true, where: 'the whole description', items: items.length },
    policy: { source: 'file', path: 'p.yml' },
    items,
    sections: [],
    errors: [],
    notes: [],
    ...overrides,
  };
}

/** The line of the output that holds a piece of text. */
function lineWith(output: string, text: string): string {
  const lines = output.split('\n').filter((line) => line.includes(text));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

/** The HTML tags the Markdown report writes itself; any other tag came from a description. */
function htmlTags(markdown: string): string[] {
  return [
    ...new Set([...markdown.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((match) => match[1] as string)),
  ].sort();
}

/** Markdown with its code spans taken out: GitHub neither links, pings nor renders anything inside them. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)[^`]*?\1/g, '');
}

/** Asserts nothing in the Markdown can ping, cross-reference, open HTML, draw an image or a link, or break a table. */
function expectInert(rendered: string): void {
  const markdown = outsideCode(rendered);
  expect(markdown).not.toMatch(/@octocat/);
  expect(markdown).not.toMatch(/@team/);
  expect(markdown).not.toMatch(/#\d/);
  expect(htmlTags(markdown).every((tag) => ['details', 'sub', 'summary'].includes(tag))).toBe(true);
  expect(markdown).not.toMatch(/(^|[^\\])!\[/m);
  expect(markdown).not.toMatch(/(^|[^\\])\]\(/m);
  expect(markdown).not.toMatch(/(^|[^\\])\|/m);
}

const NASTY = 'ping @octocat about #123 | a | b <img src=x> ![x](y)\nline two @team';

describe('renderMarkdown: a failing report', () => {
  const body = [
    '## Testing',
    '',
    '- [x] CI green',
    '  - [run](https://todo)',
    '- [ ] Unit tests',
    '- [x] Done thing',
    '- [ ] Perf',
    '- [ ] Opt',
    '',
  ].join('\n');
  const yaml = [
    'version: 1',
    'items:',
    '  - id: ci',
    '    text: CI green',
    '    evidence:',
    '      allow: ["https://github.com/*/*/actions/runs/*"]',
    '  - text: Gone item',
    '  - text: Perf',
    '    when:',
    '      labels: [perf]',
    '  - text: Opt',
    '    required: false',
    '',
  ].join('\n');
  const markdown = render(check(body, yaml));

  it('is exactly the verdict, what is still needed with fixes, then the rest folded away', () => {
    expect(markdown).toBe(
      [
        '### ❌ checklist-gate: 3 of 4 required items open',
        '',
        '**1 of 4 required done** `███░░░░░░░` 25% · 1 optional · 1 not required here · policy `p.yml`',
        '',
        '#### What is still needed',
        '',
        'Tick each box once its step is done; an item that needs more says so below.',
        '',
        '**Testing**',
        '',
        '- ❌ **CI green** — evidence not accepted <sub>line 3 · `ci`</sub>',
        '  - `https://todo` is not accepted: it is a placeholder address',
        '  - **Fix:** Replace the link with a link to a GitHub Actions run.',
        '- ❌ **Unit tests** — not ticked <sub>line 5</sub>',
        '',
        '**(no heading)**',
        '',
        '- ❌ **Gone item** — missing <sub>not in the description</sub>',
        '  - not in the checklist: it was deleted, reworded or never added',
        '  - **Fix:** Add it back: - \\[ \\] Gone item',
        '',
        '<details><summary>✅ 1 done</summary>',
        '',
        '**Testing**',
        '',
        '- ☑ Done thing <sub>line 6</sub>',
        '',
        '</details>',
        '',
        '<details><summary>➖ 2 optional or not required</summary>',
        '',
        '**Testing**',
        '',
        '- ☐ Perf — not required here <sub>line 7</sub>',
        '- ☐ Opt — optional <sub>line 8</sub>',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('lists the failing items before anything that passes', () => {
    const needed = markdown.indexOf('#### What is still needed');
    expect(needed).toBeGreaterThan(0);
    expect(markdown.indexOf('Gone item')).toBeGreaterThan(needed);
    expect(markdown.indexOf('<details><summary>✅ 1 done</summary>')).toBeGreaterThan(
      markdown.indexOf('Gone item'),
    );
  });

  it('puts passing items inside a <details> block', () => {
    const open = markdown.indexOf('<details><summary>✅ 1 done</summary>');
    const close = markdown.indexOf('</details>', open);
    expect(markdown.indexOf('- ☑ Done thing')).toBeGreaterThan(open);
    expect(markdown.indexOf('- ☑ Done thing')).toBeLessThan(close);
  });

  it("gives a plain unticked item's fix once, above the list, not under each item", () => {
    const lines = markdown.split('\n');
    const at = lines.indexOf('- ❌ **Unit tests** — not ticked <sub>line 5</sub>');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('');
    expect(markdown).not.toContain('Tick the box once this is done.');
    expect(lines.filter((line) => line.startsWith('Tick each box once its step is done'))).toHaveLength(1);
  });
});

describe('renderMarkdown: other reports', () => {
  it('a passing report has a tick, a full bar and no "still needed"', () => {
    const markdown = render(check('- [x] a\n- [x] b\n', 'version: 1\n'));
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '### ✅ checklist-gate: All 2 required items done',
      '',
      '**2 of 2 required done** `██████████` 100% · policy `p.yml`',
    ]);
    expect(markdown).not.toContain('What is still needed');
    expect(markdown).toContain('<details><summary>✅ 2 done</summary>');
  });

  it('says when there is no policy file', () => {
    const markdown = render(report([item('a')], { policy: { source: 'default', path: null } }));
    expect(markdown).toContain('· no policy file: every item required');
  });

  it('uses the title it is given, made safe', () => {
    const markdown = render(check('- [x] a\n', 'version: 1\n'), {
      title: 'Release <b>gate</b> @team',
    });
    expect(markdown.split('\n')[0]).toBe(
      `### ✅ Release &lt;b&gt;gate&lt;/b&gt; @${ZWSP}team: All 1 required item done`,
    );
  });

  it('a policy error report lists every error as file:line:column', () => {
    const loaded = loadPolicy(
      'version: 2\nitems:\n  - text: a\n    requird: true\nunlisted: sometimes\n',
      'p.yml',
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const errors = [...loaded.errors, { file: 'p.yml', line: null, column: null, message: 'cannot read it' }];
    const markdown = render(policyErrorReport(errors, 'p.yml'));
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '### ⚠️ checklist-gate: the policy could not be used',
      '',
      'The policy p.yml has 4 errors; the gate fails until it is fixed.',
      '',
    ]);
    expect(lineWith(markdown, 'version must be 1.')).toBe('- `p.yml:1:10` version must be 1.');
    expect(lineWith(markdown, 'unlisted must be')).toBe(
      '- `p.yml:5:11` unlisted must be one of: required, optional, ignored.',
    );
    expect(lineWith(markdown, 'requird')).toMatch(/^- `p\.yml:4:5` unknown key "requird" in items\.0\./);
    expect(lineWith(markdown, 'cannot read it')).toBe('- `p.yml` cannot read it');
    expect(markdown).toContain(
      'Fix the policy file on the base branch; a pull request cannot change the policy that gates it.',
    );
  });

  it('a report without a checklist says where it looked and offers the template', () => {
    const none = check('No list here.\n', 'version: 1\nchecklist:\n  heading: Release checklist\n');
    expect(render(none, { template: '- [ ] Run tests\n' })).toBe(
      [
        '### ❌ checklist-gate: No checklist found: the section under the heading "Release checklist" was not found',
        '',
        'The gate looked in the section under the heading "Release checklist" and found no task items to check.',
        '',
        'Paste the release checklist into the description, tick each item as it is done, and this check runs again on every edit:',
        '',
        '```markdown',
        '- [ ] Run tests',
        '',
        '```',
        '',
      ].join('\n'),
    );
    expect(render(none)).toContain(
      'Add the release checklist as task items (`- [ ] item`) to the description; this check runs again on every edit.',
    );
  });

  it('a template holding a long run of backticks cannot close the fence around it', () => {
    const none = check('', 'version: 1\n');
    const markdown = render(none, { template: '- [ ] a\n`````\n<img src=x>\n' });
    const lines = markdown.split('\n');
    const opening = lines.findIndex((line) => /^(`{3,}|~{3,})markdown$/.test(line));
    expect(opening).toBeGreaterThan(0);
    const fence = /^(`{3,}|~{3,})/.exec(lines[opening] ?? '')?.[1] ?? '';
    // CommonMark: the fence closes at the first line of at least as many of the same character.
    const closes = (line: string) =>
      line.trim().length >= fence.length && line.trim() === (fence[0] ?? '').repeat(line.trim().length);
    const closing = lines.findIndex((line, index) => index > opening && closes(line));
    expect(lines.slice(opening + 1, closing)).toContain('<img src=x>');
  });

  it('a failing section lists the unticked items under it, and only those', () => {
    const body = '## Testing\n\n- [ ] unit\n- [ ] e2e\n\n## Docs\n\n- [ ] changelog\n';
    const yaml =
      'version: 1\nsections:\n  - heading: Testing\n    require: any\n  - heading: Docs\n    require: any\n';
    const markdown = render(check(body, yaml));
    const lines = markdown.split('\n');
    const testing = lines.findIndex((line) => line.startsWith('- ❌ **Section “Testing”**'));
    const docs = lines.findIndex((line) => line.startsWith('- ❌ **Section “Docs”**'));
    expect(testing).toBeGreaterThan(0);
    expect(docs).toBeGreaterThan(testing);
    expect(lines[testing]).toBe(
      '- ❌ **Section “Testing”** — 0 of 2 items under "Testing" ticked; at least 1 must be',
    );
    expect(lines.slice(testing + 1, docs)).toEqual([
      '  - **Fix:** Tick at least 1 more of the items under "Testing".',
      '  - ☐ unit <sub>line 3</sub>',
      '  - ☐ e2e <sub>line 4</sub>',
    ]);
    expect(lines.slice(docs + 1, docs + 3)).toEqual([
      '  - **Fix:** Tick at least 1 more of the items under "Docs".',
      '  - ☐ changelog <sub>line 8</sub>',
    ]);
    expect(lines[docs + 3] ?? '').not.toMatch(/☐/);
  });

  it('shows the notes as quotes', () => {
    const markdown = render(
      check('- [ ] Perf\n', 'version: 1\nitems:\n  - text: Perf\n    when:\n      paths: ["src/**"]\n', {
        changedPaths: null,
      }),
    );
    expect(markdown).toContain(
      '> "Perf": the changed files are unknown, so its path condition was taken to hold.',
    );
  });
});

describe('renderMarkdown: text from the description cannot do anything', () => {
  it('an item text with a mention, a reference, a pipe, HTML, an image and a newline stays inert on one line', () => {
    const markdown = render(report([item(NASTY)]));
    const line = lineWith(markdown, 'ping');
    expect(line).toBe(
      `- ❌ **ping @${ZWSP}octocat about \\#${ZWSP}123 \\| a \\| b &lt;img src=x&gt; \\!\\[x\\]\\(y\\) line two @${ZWSP}team** — not ticked <sub>line 3</sub>`,
    );
    expectInert(markdown);
  });

  it('the same text among passing and optional items stays inert', () => {
    const markdown = render(
      report(
        [
          item(NASTY, {
            status: 'ok',
            checked: true,
            required: true,
            problems: [],
            fix: null,
            section: NASTY,
          }),
          item(`${NASTY} 2`, { status: 'optional', required: false, problems: [], fix: null, line: 4 }),
        ],
        { passed: true, conclusion: 'pass', summary: 'All 1 required item done' },
      ),
    );
    expect(markdown).toContain(`@${ZWSP}octocat`);
    expectInert(markdown);
  });

  it('problems, fixes, sections, notes and the summary are made safe too', () => {
    const failing = item('x', {
      problems: [`https://ci.corp/@octocat/#1 is not accepted: ${NASTY}`],
      fix: `Add ${NASTY}`,
      section: `Heading ${NASTY}`,
    });
    const markdown = render(
      report([failing], {
        summary: `Summary ${NASTY}`,
        notes: [`Note ${NASTY}`],
        sections: [
          {
            heading: NASTY,
            require: 'any',
            total: 1,
            ticked: 0,
            status: 'failing',
            problem: NASTY,
            fix: NASTY,
            unticked: [{ text: NASTY, line: 3 }],
          },
        ],
      }),
    );
    expectInert(markdown);
    expect(markdown).toContain(`@${ZWSP}octocat`);
  });

  it('item text read from a description with inline code keeps its characters but no power', () => {
    const body = '- [ ] ping @octocat about #123 | `<img src=x>` `![x](y)` | done\n';
    const result = check(body, 'version: 1\n');
    expect(result.items[0]?.text).toBe('ping @octocat about #123 | <img src=x> ![x](y) | done');
    const markdown = render(result);
    expect(markdown).toContain(`@${ZWSP}octocat`);
    expectInert(markdown);
  });

  it('a policy item text with a newline, shown when missing, stays on one line', () => {
    const result = check(
      '- [x] a\n',
      'version: 1\nitems:\n  - text: "Ask @octocat\\n| x | y |\\n<script>x</script>"\n',
    );
    const markdown = render(result);
    expect(lineWith(markdown, '— missing')).toBe(
      `- ❌ **Ask @${ZWSP}octocat \\| x \\| y \\| &lt;script&gt;x&lt;/script&gt;** — missing <sub>not in the description</sub>`,
    );
    expect(lineWith(markdown, 'Fix')).toBe(
      `  - **Fix:** Add it back: - \\[ \\] Ask @${ZWSP}octocat \\| x \\| y \\| &lt;script&gt;x&lt;/script&gt;`,
    );
    expectInert(markdown);
  });

  it('an issue reference written as GH-123 is not a live cross-reference', () => {
    const markdown = render(report([item('fixes GH-123')]));
    expect(markdown).not.toMatch(/\bGH-\d/);
  });

  it('a very long text is cut, with an ellipsis', () => {
    const markdown = render(report([item('a'.repeat(1000))]));
    const line = lineWith(markdown, 'aaaa');
    expect(line).toContain(`**${'a'.repeat(299)}…**`);
    expect(line).not.toContain('a'.repeat(300));
  });
});

describe('renderText', () => {
  it('gives the verdict, each failing item with its line and fix, then the counts and notes', () => {
    const text = renderText(
      check(
        '- [x] CI green\n  - [run](https://todo)\n- [ ] Unit tests\n- [x] Done\n',
        'version: 1\nunlisted: optional\nitems:\n  - id: ci\n    text: CI green\n    evidence: {}\n  - text: Unit tests\n  - text: Gone\n  - text: Perf\n    when:\n      paths: ["src/**"]\n',
        { changedPaths: null },
      ),
    );
    expect(text).toBe(
      [
        'FAIL  4 of 4 required items open',
        '  checklist: the whole description; policy: p.yml',
        '',
        'Failing:',
        '  (tick each box once its step is done; items that need more say so)',
        '  line 1    [x] CI green (ci): https://todo is not accepted: it is a placeholder address',
        '      fix: Replace the link with a link to the evidence (a full http(s) address).',
        '  line 3    [ ] Unit tests: not ticked',
        '  missing   [ ] Gone: not in the checklist: it was deleted, reworded or never added',
        '      fix: Add it back: - [ ] Gone',
        '  missing   [ ] Perf: not in the checklist: it was deleted, reworded or never added',
        '      fix: Add it back: - [ ] Perf',
        '',
        'Required: 4  Done: 0  Open: 4  Optional: 1  Not required: 0',
        'Note: "Perf": the changed files are unknown, so its path condition was taken to hold.',
        '',
      ].join('\n'),
    );
  });

  it('a passing report says PASS and lists no failures', () => {
    const text = renderText(check('- [x] a\n', 'version: 1\n'));
    expect(text).toBe(
      [
        'PASS  All 1 required item done',
        '  checklist: the whole description; policy: p.yml',
        '',
        'Required: 1  Done: 1  Open: 0  Optional: 0  Not required: 0',
        '',
      ].join('\n'),
    );
  });

  it('failing sections are listed with their fix', () => {
    const text = renderText(
      check('## A\n\n- [ ] one\n', 'version: 1\nsections:\n  - heading: A\n    require: any\n'),
    );
    expect(text).toContain(
      '  section "A": 0 of 1 items under "A" ticked; at least 1 must be\n      fix: Tick at least 1 more of the items under "A".\n',
    );
  });

  it('a policy error report gives ERROR and each error as file:line:column', () => {
    const text = renderText(
      policyErrorReport(
        [
          { file: 'p.yml', line: 1, column: 10, message: 'version must be 1.' },
          { file: 'p.yml', line: null, column: null, message: 'cannot read the policy: gone' },
        ],
        'p.yml',
      ),
    );
    expect(text).toBe(
      [
        'ERROR  The policy p.yml has 2 errors; the gate fails until it is fixed',
        '  p.yml:1:10: version must be 1.',
        '  p.yml: cannot read the policy: gone',
        '',
      ].join('\n'),
    );
  });
});

describe('the JSON report', () => {
  const REPORT_KEYS = [
    'checklist',
    'conclusion',
    'counts',
    'errors',
    'items',
    'notes',
    'passed',
    'policy',
    'sections',
    'summary',
    'version',
  ];
  const ITEM_KEYS = [
    'checked',
    'depth',
    'fix',
    'id',
    'line',
    'links',
    'problems',
    'required',
    'section',
    'status',
    'text',
  ];

  const result = check(
    '## Testing\n\n- [x] Unit <!-- id: unit -->\n  - [run](https://ci.corp/runs/1)\n- [ ] e2e\n',
    'version: 1\nsections:\n  - heading: Testing\n    require: any\nitems:\n  - id: unit\n    evidence: {}\n  - text: Load test\n',
  );
  const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;

  it('has exactly the documented keys', () => {
    expect(Object.keys(json).sort()).toEqual(REPORT_KEYS);
    expect(Object.keys(json['counts'] as object).sort()).toEqual([
      'done',
      'notRequired',
      'open',
      'optional',
      'required',
      'total',
    ]);
    expect(Object.keys(json['checklist'] as object).sort()).toEqual(['found', 'items', 'where']);
    expect(Object.keys(json['policy'] as object).sort()).toEqual(['path', 'source']);
  });

  it('gives every item exactly the documented keys', () => {
    const items = json['items'] as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    // "evidence" only where a link counted as evidence: the first item's run.
    expect(items.map((entry) => Object.keys(entry).sort())).toEqual([
      [...ITEM_KEYS, 'evidence'].sort(),
      ITEM_KEYS,
      ITEM_KEYS,
    ]);
  });

  it('gives every section its keys', () => {
    const sections = json['sections'] as Record<string, unknown>[];
    expect(sections).toEqual([
      {
        heading: 'Testing',
        require: 'any',
        total: 2,
        ticked: 1,
        status: 'ok',
        problem: null,
        fix: null,
        unticked: [],
      },
    ]);
  });

  it('holds the values of each item, with line null for a missing one', () => {
    expect(json['items']).toEqual([
      {
        id: 'unit',
        text: 'Unit',
        checked: true,
        required: true,
        status: 'ok',
        line: 3,
        depth: 0,
        section: 'Testing',
        links: ['https://ci.corp/runs/1'],
        problems: [],
        fix: null,
        evidence: ['https://ci.corp/runs/1'],
      },
      {
        id: null,
        text: 'e2e',
        checked: false,
        required: false,
        status: 'optional',
        line: 5,
        depth: 0,
        section: 'Testing',
        links: [],
        problems: [],
        fix: null,
      },
      {
        id: null,
        text: 'Load test',
        checked: false,
        required: true,
        status: 'missing',
        line: null,
        depth: null,
        section: null,
        links: [],
        problems: ['not in the checklist: it was deleted, reworded or never added'],
        fix: 'Add it back: - [ ] Load test',
      },
    ]);
  });

  it('holds the verdict, counts and where the checklist was', () => {
    expect(json).toMatchObject({
      version: 1,
      passed: false,
      conclusion: 'fail',
      summary: '1 of 3 required items open',
      counts: { total: 3, required: 3, done: 2, open: 1, optional: 1, notRequired: 0 },
      checklist: { found: true, where: 'the whole description', items: 2 },
      policy: { source: 'file', path: 'p.yml' },
      errors: [],
      notes: [],
    });
  });

  it('survives JSON unchanged: no undefined values, no functions', () => {
    expect(json).toEqual(result);
  });

  it('a policy error report has the same keys, and each error file, line, column and message', () => {
    const errorJson = JSON.parse(
      JSON.stringify(
        policyErrorReport([{ file: 'p.yml', line: 1, column: 10, message: 'version must be 1.' }], 'p.yml'),
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(errorJson).sort()).toEqual(REPORT_KEYS);
    expect(errorJson['errors']).toEqual([
      { file: 'p.yml', line: 1, column: 10, message: 'version must be 1.' },
    ]);
    expect(errorJson['conclusion']).toBe('error');
  });
});
