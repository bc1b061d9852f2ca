import { failureLine } from '../src/action/annotations.js';
import { outcomeOf, policyUrl } from '../src/gate/outcome.js';
import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { Report } from '../src/report/report.js';
import { renderText } from '../src/report/text.js';

// Issue 16: every message says exactly what to do next, in the text a person reads.
function check(description: string, yaml: string): Report {
  const loaded = loadPolicy(yaml, 'p.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return evaluate(parseChecklist(description), loaded.policy, {
    event: 'pull_request',
    baseBranch: 'main',
    labels: [],
    changedPaths: null,
    description,
  });
}

const SMOKE = 'version: 1\nitems:\n  - id: smoke\n    text: Smoke test passed\n';
const lines = (text: string) => text.split('\n');

describe('almost-boxes: lines that look like a box but that GitHub does not draw as one', () => {
  it.each([
    ['- [ x ] Smoke test passed', '- [x]'],
    ['- [x ] Smoke test passed', '- [x]'],
    ['-[x] Smoke test passed', '- [x]'],
    ['* [✓] Smoke test passed', '- [x]'],
    ['[ ] Smoke test passed', '- [ ]'],
  ])('"%s" gets "write %s" instead of "deleted, reworded or never added"', (written, write) => {
    const text = renderText(check(`Intro\n\n- [x] Other\n\n${written}\n`, SMOKE));
    expect(text).not.toContain('deleted, reworded or never added');
    expect(lines(text)).toContain(
      '  missing   [ ] Smoke test passed (smoke): not a task item: line 5 looks like a box, but GitHub does not draw one there',
    );
    expect(lines(text)).toContain(
      `      fix: Line 5 looks like a box, but GitHub does not draw one here: write "${write}".`,
    );
  });

  it('"- [X]" in a table cell: write it on a line of its own, outside the table', () => {
    const description = '| Step | Done |\n| --- | --- |\n| - [X] Smoke test passed | yes |\n';
    const markdown = renderMarkdown(check(`- [x] Other\n\n${description}`, SMOKE));
    expect(lines(markdown)).toContain(
      '  - **Fix:** Line 5 looks like a box, but GitHub does not draw one here: write "- \\[x\\]" on a line of its own, outside the table.',
    );
  });

  it('a real box is never mistaken for one, and text that only names the item is left alone', () => {
    const report = check('- [ ] Smoke test passed\n\nWe ran [the smoke test] yesterday.\n', SMOKE);
    expect(report.items[0]).toMatchObject({ status: 'unchecked', line: 1 });
    const gone = check('- [x] Other\n\nSmoke test passed, see [notes]\n', SMOKE);
    expect(gone.items.find((item) => item.id === 'smoke')?.problems).toEqual([
      'not in the checklist: it was deleted, reworded or never added',
    ]);
  });
});

describe('a description whose every box is one GitHub does not draw', () => {
  it('lists each line to rewrite, in the text report and the comment', () => {
    const report = check('- [ x ] Smoke test passed\n-[x] Rollback ready\n', SMOKE);
    expect(renderText(report)).toContain(
      [
        '  Line 1 looks like a box, but GitHub does not draw one here: write "- [x]".',
        '  Line 2 looks like a box, but GitHub does not draw one here: write "- [x]".',
      ].join('\n'),
    );
    expect(lines(renderMarkdown(report))).toContain(
      '- Line 2 looks like a box, but GitHub does not draw one here: write "- \\[x\\]".',
    );
  });
});

describe('task items outside the checklist', () => {
  it('says how many there are, where they start, and where the policy looked', () => {
    const policy = 'version: 1\nchecklist:\n  heading: Release checklist\n';
    const description = 'Notes\n\n## Checklist\n\n- [x] Tests pass\n- [ ] Rollback plan\n';
    const report = check(description, policy);
    expect(renderText(report)).toContain(
      '  The description has 2 task items outside it, starting on line 5. Move them into the section under the heading "Release checklist", or change checklist in the policy to where they are.\n',
    );
    expect(lines(renderMarkdown(report))).toContain(
      'The description has 2 task items outside it, starting on line 5. Move them into the section under the heading "Release checklist", or change checklist in the policy to where they are.',
    );
    expect(report.checklist.elsewhere).toEqual({ items: 2, firstLine: 5 });
  });

  it('says nothing of the kind when the description has no task items at all', () => {
    const report = check('Just prose.\n', 'version: 1\nchecklist:\n  heading: Release checklist\n');
    expect(report.checklist.elsewhere).toBeUndefined();
    expect(renderText(report)).not.toContain('outside it');
  });
});

describe('evidence in the wrong place, and links without a scheme', () => {
  const policy =
    'version: 1\nitems:\n  - id: dash\n    text: Dashboards checked\n    evidence:\n      allow: ["https://grafana.acme.dev/**"]\n';

  it('a matching link on the next line, outside the item: indent it under the item', () => {
    const report = check('- [x] Dashboards checked\n\nhttps://grafana.acme.dev/d/1\n', policy);
    expect(report.items[0]?.fix).toBe(
      "The link on line 3 is not part of this item: indent it under the item, or put it on the item's line.",
    );
  });

  it('the same link indented under the item is its evidence', () => {
    const report = check('- [x] Dashboards checked\n\n  https://grafana.acme.dev/d/1\n', policy);
    expect(report.items[0]?.status).toBe('ok');
  });

  it('a link written without https:// gets "add https://", not "replace the link"', () => {
    const linked = check('- [x] Dashboards checked: [dashboard](grafana.acme.dev/d/1)\n', policy);
    expect(renderText(linked)).toContain(
      '      fix: Add "https://" in front of the link: https://grafana.acme.dev/d/1.\n',
    );
    const plain = check('- [x] Dashboards checked <!-- id: dash --> grafana.acme.dev/d/1\n', policy);
    expect(plain.items[0]?.fix).toBe(
      'Add "https://" in front of grafana.acme.dev/d/1: without it GitHub draws no link, so it is no evidence.',
    );
  });
});

describe('repeated advice and counts', () => {
  it("a plain unticked item's fix is given once, above the list", () => {
    const body = Array.from({ length: 30 }, (_, index) => `- [ ] Step ${index + 1}`).join('\n');
    const markdown = renderMarkdown(check(`${body}\n`, 'version: 1\n'));
    expect(markdown.split('Tick each box once its step is done').length - 1).toBe(1);
    expect(markdown).not.toContain('**Fix:**');
  });

  it('the text report counts what the JSON report counts', () => {
    const report = check(
      '- [x] Optional thing\n- [ ] Required thing\n',
      'version: 1\nitems:\n  - text: Optional thing\n    required: false\n  - text: Required thing\n',
    );
    expect(report.counts).toMatchObject({ required: 1, done: 0, open: 1, optional: 1, notRequired: 0 });
    expect(renderText(report)).toContain('Required: 1  Done: 0  Open: 1  Optional: 1  Not required: 0\n');
  });
});

describe("the job's error annotation", () => {
  it('names the failing items, the first few, then "and N more"', () => {
    expect(failureLine('checklist-gate', '2 of 3 required items open', ['tests', 'rollback'])).toBe(
      'checklist-gate: 2 of 3 required items open: tests, rollback',
    );
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(failureLine('gate', '7 of 7 required items open', seven)).toBe(
      'gate: 7 of 7 required items open: a, b, c, d, e and 2 more',
    );
  });
});

describe('the comment links the policy, the run, and says who ticked', () => {
  const yaml = 'version: 1\nitems:\n  - id: tests\n    text: Tests pass\n  - text: Rollback\n';
  const loaded = loadPolicy(yaml, '.github/checklist-gate.yml');

  it('links the policy file at the ref it was read from, and the workflow run', () => {
    const report = check('- [x] Tests pass\n- [ ] Rollback\n', yaml);
    const { markdown } = outcomeOf(report, 'checklist-gate', loaded, {
      policyUrl: policyUrl('https://github.com/acme/app', 'release/2.4', '.github/checklist-gate.yml'),
      runUrl: 'https://github.com/acme/app/actions/runs/42',
    });
    expect(markdown).toContain(
      'policy [p.yml](https://github.com/acme/app/blob/release/2.4/.github/checklist-gate.yml)',
    );
    expect(
      markdown.endsWith('\n<sub>[Workflow run](https://github.com/acme/app/actions/runs/42)</sub>\n'),
    ).toBe(true);
  });

  it('shows who ticked an item, as a mention that pings nobody', () => {
    const report = check('- [x] Tests pass\n- [ ] Rollback\n', yaml);
    const ticked = {
      ...report,
      items: report.items.map((item, index) => (index === 0 ? { ...item, tickedBy: 'alice' } : item)),
    };
    expect(renderMarkdown(ticked)).toContain(
      '- ☑ Tests pass <sub>line 1 · ticked by @\u200balice · `tests`</sub>',
    );
  });
});
