import { readdirSync, readFileSync } from 'node:fs';
import { adoptChecklist } from '../src/adopt/from-checklist.js';
import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import type { Report } from '../src/evaluate/report.js';
import type { Policy } from '../src/policy/policy.js';
import { LONG_CHECKLIST, MARKDOWN_LIMIT, renderMarkdown } from '../src/report/markdown.js';
import { describeWithSeeds, SEEDS } from './helpers/seeds.js';
import { policyOf } from './helpers/policy-of.js';
import { PULL_REQUEST as PR } from './helpers/check-description.js';

// Issue 25: the comment stays readable for a long checklist (the seeds have 126 to 279 items):
// what is open comes first, grouped by section with a line naming every section that has something
// open, each item that only needs a tick on one short line, the done items folded, all within
// GitHub's limit on a comment.

const judge = (body: string, rules: Policy): Report =>
  evaluate(parseChecklist(body), rules, { ...PR, description: body });

/** A checklist of sections, each with `count` items named after it; the items in `ticked` ticked. */
function checklist(sections: Record<string, number>, ticked: (name: string) => boolean): string {
  const lines: string[] = [];
  for (const [section, count] of Object.entries(sections)) {
    lines.push(`## ${section}`, '');
    for (let n = 1; n <= count; n++) {
      const name = `${section} step ${n}`;
      lines.push(`- [${ticked(name) ? 'x' : ' '}] ${name}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const EVIDENCE_POLICY = [
  'version: 1',
  'items:',
  '  - id: build-1',
  '    text: Build step 1',
  '    evidence:',
  '      allow: ["https://github.com/*/*/actions/runs/*"]',
  '',
].join('\n');

describe('a long checklist in the comment', () => {
  // 28 items, more than LONG_CHECKLIST: Build 10, Deploy 10, Verify 8.
  const SECTIONS = { Build: 10, Deploy: 10, Verify: 8 };
  const open = new Set(['Build step 1', 'Build step 4', 'Deploy step 2', 'Verify step 8']);
  const body = checklist(SECTIONS, (name) => !open.has(name) || name === 'Build step 1');

  it('is longer than a short checklist, so it is laid out as a long one', () => {
    expect(28).toBeGreaterThan(LONG_CHECKLIST);
  });

  it('names every section with something open first, then the open items on short lines, then the done ones folded', () => {
    const markdown = renderMarkdown(judge(body, policyOf(EVIDENCE_POLICY)));
    expect(markdown).toBe(
      [
        '### ❌ checklist-gate: 4 of 28 required items open',
        '',
        '**24 of 28 required done** `█████████░` 85% · policy `p.yml`',
        '',
        '#### What is still needed',
        '',
        'Tick each box once its step is done; an item that needs more says so below.',
        '',
        '**4 open in 3 sections:** Build 2 · Deploy 1 · Verify 1',
        '',
        '**Build** · 2 open',
        '',
        '- ❌ **Build step 1** — no evidence <sub>line 3 · `build-1`</sub>',
        '  - ticked without evidence: needs a link to a GitHub Actions run',
        "  - **Fix:** Add a link to a GitHub Actions run on the item's line or in a bullet under it.",
        '- ☐ Build step 4 <sub>line 6</sub>',
        '',
        '**Deploy** · 1 open',
        '',
        '- ☐ Deploy step 2 <sub>line 17</sub>',
        '',
        '**Verify** · 1 open',
        '',
        '- ☐ Verify step 8 <sub>line 36</sub>',
        '',
        '<details><summary>✅ 24 done</summary>',
        '',
        '**Build**',
        '',
        ...[2, 3, 5, 6, 7, 8, 9, 10].map((n) => `- ☑ Build step ${n}`),
        '',
        '**Deploy**',
        '',
        ...[1, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `- ☑ Deploy step ${n}`),
        '',
        '**Verify**',
        '',
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => `- ☑ Verify step ${n}`),
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('counts the done items per section instead of listing them when the list would not fit', () => {
    const full = renderMarkdown(judge(body, policyOf(EVIDENCE_POLICY)));
    const markdown = renderMarkdown(judge(body, policyOf(EVIDENCE_POLICY)), { limit: 900 });
    expect(markdown.length).toBeLessThanOrEqual(900);
    expect(markdown).toBe(
      full.slice(0, full.indexOf('<details>')) +
        [
          '<details><summary>✅ 24 done</summary>',
          '',
          '- Build: 8 done',
          '- Deploy: 9 done',
          '- Verify: 7 done',
          '',
          '</details>',
          '',
        ].join('\n'),
    );
  });

  it('lists fewer open items per section, counting the rest with their lines, when even that would not fit', () => {
    const wide = checklist({ Build: 20, Deploy: 20 }, () => false);
    const markdown = renderMarkdown(judge(wide, policyOf('version: 1\n')), { limit: 900 });
    expect(markdown.length).toBeLessThanOrEqual(900);
    expect(markdown).toBe(
      [
        '### ❌ checklist-gate: 40 of 40 required items open',
        '',
        '**0 of 40 required done** `░░░░░░░░░░` 0% · policy `p.yml`',
        '',
        '#### What is still needed',
        '',
        'Tick each box once its step is done; an item that needs more says so below.',
        '',
        '**40 open in 2 sections:** Build 20 · Deploy 20',
        '',
        '**Build** · 20 open',
        '',
        ...[1, 2, 3, 4, 5].map((n) => `- ☐ Build step ${n} <sub>line ${n + 2}</sub>`),
        '- … and 15 more on lines 8–22',
        '',
        '**Deploy** · 20 open',
        '',
        ...[1, 2, 3, 4, 5].map((n) => `- ☐ Deploy step ${n} <sub>line ${n + 25}</sub>`),
        '- … and 15 more on lines 31–45',
        '',
      ].join('\n'),
    );
  });

  it('keeps the warning on a sign-off anyone can tick', () => {
    const body30 = checklist({ Release: 29 }, () => false) + '- [ ] Security sign-off\n';
    const markdown = renderMarkdown(
      judge(body30, policyOf('version: 1\nitems:\n  - text: Security sign-off\n')),
    );
    expect(markdown).toContain(
      '- ❌ **Security sign-off** — not ticked <sub>line 32 · anyone can tick this: the policy names no approvers</sub>',
    );
  });

  it('fits a checklist of the largest size GitHub takes (1,300 items) in one comment, every section named', () => {
    const sections = Object.fromEntries(Array.from({ length: 26 }, (_, n) => [`Part ${n + 1}`, 50]));
    const huge = checklist(sections, (name) => name.endsWith('0'));
    const markdown = renderMarkdown(judge(huge, policyOf('version: 1\n')));
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown).toContain('**1170 open in 26 sections:** Part 1 45 · Part 2 45 · ');
    for (const section of Object.keys(sections)) expect(markdown).toContain(`**${section}** · 45 open`);
    expect(markdown).not.toContain("cut to fit GitHub's size limit");
  });
});

describeWithSeeds('the comment on each seed checklist, adopted with init --from', () => {
  const seeds = readdirSync(SEEDS).sort();
  const adopted = seeds.map((name) => {
    const adoption = adoptChecklist(readFileSync(new URL(name, SEEDS), 'utf8'), name);
    if (adoption === null) throw new Error(`${name}: no checklist`);
    return { name, template: adoption.template, rules: policyOf(adoption.policy) };
  });

  it.each(adopted.map((seed) => [seed.name, seed] as const))(
    '%s: fits one comment; every open item is listed before the done ones, which are folded',
    (_name, { template, rules }) => {
      // Every third box left open.
      let n = 0;
      const body = template.replace(/\[ \]/g, (box) => (n++ % 3 === 0 ? box : '[x]'));
      const report = judge(body, rules);
      const markdown = renderMarkdown(report);
      expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
      const folded = markdown.indexOf('<details><summary>✅');
      const open = report.items.filter((item) => item.status === 'unchecked');
      expect(open.length).toBeGreaterThan(30);
      expect(markdown).toContain(`**${open.length} open in `);
      for (const item of open) {
        const at = markdown.search(new RegExp(`<sub>line ${item.line}\\b`));
        expect(at).toBeGreaterThan(0);
        expect(at).toBeLessThan(folded);
      }
    },
  );

  it('the 227-item checklist, nothing ticked: what is missing is named by section before the first item', () => {
    const seed = adopted.find((each) => each.rules.items.length === 227);
    expect(seed).toBeDefined();
    const markdown = renderMarkdown(judge(seed!.template, seed!.rules));
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const overview = markdown.split('\n').find((line) => line.startsWith('**227 open in '));
    expect(overview).toMatch(/^\*\*227 open in \d+ sections:\*\* Environment Setup 14 · /);
    expect(markdown.indexOf(overview!)).toBeLessThan(markdown.indexOf('- ☐ '));
  });
});
