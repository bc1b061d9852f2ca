import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate, policyErrorReport } from '../src/evaluate/evaluate.js';
import { defaultPolicy } from '../src/policy/default-policy.js';
import type { Report, ReportItem } from '../src/evaluate/report.js';
import { check, PULL_REQUEST as PR } from './helpers/check-description.js';

/** The one report entry with this text. */
function entry(report: Report, text: string): ReportItem {
  const found = report.items.filter((item) => item.text === text);
  expect(found).toHaveLength(1);
  return found[0] as ReportItem;
}

function statuses(report: Report): [string, string][] {
  return report.items.map((item) => [item.text, item.status]);
}

/** A ticked item with its evidence link in a bullet under it. */
function withLink(text: string, url: string): string {
  return `- [x] ${text}\n  - [evidence](${url})\n`;
}

const CI_RUN = [
  'version: 1',
  'items:',
  '  - id: ci',
  '    text: CI green',
  '    evidence:',
  '      allow: ["https://github.com/*/*/actions/runs/*"]',
  '',
].join('\n');

const ANY_LINK = 'version: 1\nitems:\n  - text: Done\n    evidence: {}\n';

describe('evaluate: item statuses', () => {
  it('ok: a ticked required item passes', () => {
    const report = check('- [x] Run tests\n', 'version: 1\nitems:\n  - text: Run tests\n');
    expect(report.items).toEqual([
      {
        id: null,
        text: 'Run tests',
        checked: true,
        required: true,
        status: 'ok',
        problems: [],
        fix: null,
        line: 1,
        depth: 0,
        section: null,
        links: [],
      },
    ]);
    expect(report.passed).toBe(true);
    expect(report.conclusion).toBe('pass');
    expect(report.summary).toBe('All 1 required item done');
  });

  it('unchecked: an unticked required item fails, with a fix', () => {
    const report = check('- [ ] Run tests\n', 'version: 1\nitems:\n  - text: Run tests\n');
    expect(entry(report, 'Run tests')).toMatchObject({
      checked: false,
      required: true,
      status: 'unchecked',
      problems: ['not ticked'],
      fix: 'Tick the box once this is done.',
      line: 1,
    });
    expect(report.passed).toBe(false);
    expect(report.conclusion).toBe('fail');
    expect(report.summary).toBe('1 of 1 required item open');
  });

  it('unchecked: the fix of an item that needs evidence asks for the link too', () => {
    const report = check('- [ ] CI green\n', CI_RUN);
    expect(entry(report, 'CI green')).toMatchObject({
      id: 'ci',
      status: 'unchecked',
      fix: 'Tick the box and add a link to a GitHub Actions run to the item.',
    });
  });

  it('missing: a deleted required item fails, with the line to add back', () => {
    const report = check(
      '- [x] Run tests\n- [x] Changelog\n',
      'version: 1\nitems:\n  - text: Run tests\n  - id: lt\n    text: Load test\n  - text: Changelog\n',
    );
    expect(report.passed).toBe(false);
    expect(entry(report, 'Load test')).toEqual({
      id: 'lt',
      text: 'Load test',
      checked: false,
      required: true,
      status: 'missing',
      problems: ['not in the checklist: it was deleted, reworded or never added'],
      fix: 'Add it back: - [ ] Load test <!-- id: lt -->',
      line: null,
      depth: null,
      section: null,
      links: [],
    });
    expect(report.summary).toBe('1 of 3 required items open');
  });

  it('missing: deleting an item never passes, whatever unlisted says', () => {
    for (const unlisted of ['required', 'optional', 'ignored']) {
      const report = check(
        '- [x] Other\n',
        `version: 1\nunlisted: ${unlisted}\nitems:\n  - text: Run tests\n`,
      );
      expect(report.passed).toBe(false);
      expect(entry(report, 'Run tests').status).toBe('missing');
    }
  });

  it('missing: a deleted item found by regex or only by id says what to add back', () => {
    const report = check(
      '- [x] other\n',
      'version: 1\nitems:\n  - match: "^rollback"\n  - id: onlyid\n  - text: Load test\n    section: QA\n',
    );
    expect(report.items.slice(1)).toEqual([
      expect.objectContaining({
        text: 'an item matching /^rollback/',
        status: 'missing',
        fix: 'Add back a task item matching /^rollback/.',
      }),
      expect.objectContaining({
        id: 'onlyid',
        text: 'onlyid',
        status: 'missing',
        fix: 'Add it back: - [ ] onlyid <!-- id: onlyid -->',
      }),
      expect.objectContaining({
        text: 'Load test',
        section: 'QA',
        status: 'missing',
        problems: ['not in the checklist under "QA": it was deleted, reworded or never added'],
        fix: 'Add it back under "QA": - [ ] Load test',
      }),
    ]);
  });

  it('missing: rewording an item so its text no longer matches fails', () => {
    const report = check(
      '- [x] Run some of the tests\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: run the tests\n',
    );
    expect(statuses(report)).toEqual([['run the tests', 'missing']]);
    expect(report.passed).toBe(false);
  });

  it('no-evidence: a ticked item without a link fails', () => {
    const report = check('- [x] CI green\n', CI_RUN);
    expect(entry(report, 'CI green')).toMatchObject({
      status: 'no-evidence',
      required: true,
      problems: ['ticked without evidence: needs a link to a GitHub Actions run'],
      fix: "Add a link to a GitHub Actions run on the item's line or in a bullet under it.",
    });
    expect(report.passed).toBe(false);
  });

  it('no-evidence: a hint names what the link should point to', () => {
    const report = check(
      '- [x] Load test\n',
      'version: 1\nitems:\n  - text: Load test\n    evidence:\n      hint: the load-test report\n',
    );
    expect(entry(report, 'Load test').problems).toEqual([
      'ticked without evidence: needs a link to the load-test report',
    ]);
  });

  it('no-evidence: min 2 is not met by the same link twice', () => {
    const yaml = 'version: 1\nitems:\n  - text: Done\n    evidence:\n      min: 2\n';
    const twice = check('- [x] Done\n  - [a](https://ci.corp/1) [b](https://ci.corp/1)\n', yaml);
    expect(entry(twice, 'Done').status).toBe('no-evidence');
    const two = check('- [x] Done\n  - [a](https://ci.corp/1) [b](https://ci.corp/2)\n', yaml);
    expect(entry(two, 'Done').status).toBe('ok');
  });

  it("ok: evidence on the item's own line, as the fix advises, still finds the item by its text", () => {
    const report = check('- [x] CI green: [run](https://github.com/o/r/actions/runs/7)\n', CI_RUN);
    expect(report.items).toEqual([
      expect.objectContaining({ id: 'ci', status: 'ok', links: ['https://github.com/o/r/actions/runs/7'] }),
    ]);
    expect(report.passed).toBe(true);
  });

  it('ok: evidence min 0 needs no link', () => {
    const report = check('- [x] Done\n', 'version: 1\nitems:\n  - text: Done\n    evidence:\n      min: 0\n');
    expect(entry(report, 'Done').status).toBe('ok');
  });

  it('ok: evidence may be given through a link reference definition', () => {
    const report = check(
      '- [x] Done [run][1]\n\n[1]: https://ci.corp/runs/9\n',
      'version: 1\nitems:\n  - match: "^done"\n    evidence: {}\n',
    );
    expect(entry(report, 'Done run')).toMatchObject({ status: 'ok', links: ['https://ci.corp/runs/9'] });
  });

  it('a link on a nested task item is not evidence for its parent', () => {
    const report = check(
      '- [x] Done\n  - [x] child [run](https://ci.corp/runs/9)\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: Done\n    evidence: {}\n',
    );
    expect(entry(report, 'Done').status).toBe('no-evidence');
  });

  it.each([
    ['a placeholder host example.com', 'https://example.com/x', 'it is a placeholder address'],
    ['a subdomain of example.com', 'https://staging.example.com/a', 'it is a placeholder address'],
    ['a one-word host https://todo', 'https://todo', 'it is a placeholder address'],
    ['localhost', 'http://localhost:3000/r', 'it is a placeholder address'],
    ['a TODO path segment', 'https://github.com/o/r/TODO', 'it is a placeholder'],
    ['an xxx path segment', 'https://ci.corp/xxx', 'it is a placeholder'],
    ['a <run-id> path segment', 'https://ci.corp/<run-id>', 'it is a placeholder'],
    ['a javascript: link', 'javascript:alert(1)', 'javascript: links are not evidence'],
    ['a mailto: link', 'mailto:a@b.c', 'mailto: links are not evidence'],
    ['a relative link', '/relative/path', 'it is not a full web address'],
    ['a fragment-only link', '#', 'the link has no target'],
  ])('bad-evidence: rejects %s', (_name, url, reason) => {
    const report = check(withLink('Done', url), ANY_LINK);
    expect(entry(report, 'Done')).toMatchObject({
      status: 'bad-evidence',
      required: true,
      problems: [`${url} is not accepted: ${reason}`],
      fix: 'Replace the link with a link to the evidence (a full http(s) address).',
    });
    expect(report.passed).toBe(false);
  });

  it('bad-evidence: rejects an empty link target [x]()', () => {
    const report = check('- [x] Done\n  - [x]()\n', ANY_LINK);
    const done = entry(report, 'Done');
    expect(done.status).toBe('bad-evidence');
    expect(done.problems).toHaveLength(1);
    expect(done.problems[0]).toMatch(/the link has no target$/);
    expect(report.passed).toBe(false);
  });

  it('ok: a full https link to anything real is evidence when there is no allow-list', () => {
    expect(entry(check(withLink('Done', 'https://ci.corp/runs/42'), ANY_LINK), 'Done').status).toBe('ok');
  });

  it('bad-evidence: one placeholder beside one good link does not make two', () => {
    const report = check(
      '- [x] Done\n  - [a](https://ci.corp/1) [b](https://todo)\n',
      'version: 1\nitems:\n  - text: Done\n    evidence:\n      min: 2\n      hint: the two reports\n',
    );
    expect(entry(report, 'Done')).toMatchObject({
      status: 'bad-evidence',
      problems: ['https://todo is not accepted: it is a placeholder address'],
      fix: 'Replace the link with 2 links to the two reports.',
    });
  });

  it('optional: an unticked item with required: false does not fail', () => {
    const report = check(
      '- [ ] Nice to have\n',
      'version: 1\nitems:\n  - text: Nice to have\n    required: false\n',
    );
    expect(entry(report, 'Nice to have')).toMatchObject({
      status: 'optional',
      required: false,
      problems: [],
      fix: null,
    });
    expect(report.passed).toBe(true);
    expect(report.summary).toBe('All 0 required items done');
    expect(report.counts).toEqual({ total: 1, required: 0, done: 0, open: 0, optional: 1, notRequired: 0 });
  });

  it('optional: a missing optional item does not fail', () => {
    const report = check('- [x] a\n', 'version: 1\nitems:\n  - text: gone\n    required: false\n');
    expect(entry(report, 'gone')).toMatchObject({ status: 'optional', required: false, line: null });
    expect(report.passed).toBe(true);
  });

  it('optional: an optional item with a placeholder link stays optional but says what is wrong', () => {
    const report = check(
      withLink('Done', 'https://todo'),
      'version: 1\nitems:\n  - text: Done\n    required: false\n    evidence: {}\n',
    );
    expect(entry(report, 'Done')).toMatchObject({
      status: 'optional',
      required: false,
      problems: ['https://todo is not accepted: it is a placeholder address'],
    });
    expect(report.passed).toBe(true);
  });
});

describe('evaluate: conditions (when)', () => {
  const perf = (when: string) => `version: 1\nunlisted: ignored\nitems:\n  - text: Perf\n    when:\n${when}`;

  it.each([
    ['labels', '      labels: [perf]\n', { labels: ['other'] }],
    ['paths', '      paths: ["src/**"]\n', { changedPaths: ['docs/a.md'] }],
    ['branches', '      branches: ["release/*"]\n', { baseBranch: 'main' }],
    ['events', '      events: [release]\n', { event: 'pull_request' as const }],
  ])('not-required: an item whose %s condition is false', (_name, when, context) => {
    const report = check('- [ ] Perf\n', perf(when), context);
    expect(entry(report, 'Perf')).toMatchObject({
      status: 'not-required',
      required: false,
      problems: [],
      fix: null,
    });
    expect(report.passed).toBe(true);
    expect(report.counts).toEqual({ total: 1, required: 0, done: 0, open: 0, optional: 0, notRequired: 1 });
    expect(report.notes).toEqual([]);
  });

  it.each([
    ['labels (case-insensitive)', '      labels: [perf]\n', { labels: ['bug', 'PERF'] }],
    ['paths (dot files too)', '      paths: ["src/**"]\n', { changedPaths: ['docs/a.md', 'src/x/.y.ts'] }],
    ['branches', '      branches: ["release/*"]\n', { baseBranch: 'release/1.2' }],
    ['events', '      events: [release]\n', { event: 'release' as const }],
  ])('required: an item whose %s condition holds', (_name, when, context) => {
    const report = check('- [ ] Perf\n', perf(when), context);
    expect(entry(report, 'Perf')).toMatchObject({ status: 'unchecked', required: true });
    expect(report.passed).toBe(false);
  });

  it('needs every list of a condition to hold', () => {
    const yaml = perf('      labels: [perf]\n      branches: ["release/*"]\n');
    expect(entry(check('- [ ] Perf\n', yaml, { labels: ['perf'], baseBranch: 'main' }), 'Perf').status).toBe(
      'not-required',
    );
    expect(
      entry(check('- [ ] Perf\n', yaml, { labels: ['perf'], baseBranch: 'release/2' }), 'Perf').status,
    ).toBe('unchecked');
  });

  it('not-required: a missing item whose condition is false does not fail', () => {
    const report = check('- [x] a\n', perf('      labels: [perf]\n'));
    expect(entry(report, 'Perf')).toMatchObject({ status: 'not-required', line: null });
    expect(report.passed).toBe(true);
  });

  it('unknown changed paths (null) make a path condition hold, with a note', () => {
    const report = check('- [ ] Perf\n', perf('      paths: ["src/**"]\n'), { changedPaths: null });
    expect(entry(report, 'Perf').status).toBe('unchecked');
    expect(report.passed).toBe(false);
    expect(report.notes).toEqual([
      '"Perf": the changed files are unknown, so its path condition was taken to hold.',
    ]);
  });

  it('a capped list of changed paths makes a path condition hold, with a note', () => {
    const report = check('- [ ] Perf\n', perf('      paths: ["src/**"]\n'), {
      changedPaths: ['docs/a.md'],
      changedPathsCapped: true,
    });
    expect(entry(report, 'Perf').status).toBe('unchecked');
    expect(report.notes).toEqual([
      '"Perf": GitHub lists at most 3,000 changed files, so its path condition was taken to hold.',
    ]);
  });

  it('an unknown base branch makes a branch condition hold, with a note', () => {
    const report = check('- [ ] Perf\n', perf('      branches: ["release/*"]\n'), { baseBranch: null });
    expect(entry(report, 'Perf').status).toBe('unchecked');
    expect(report.notes).toEqual([
      '"Perf": the base branch is unknown, so its branch condition was taken to hold.',
    ]);
  });

  it('a deleted item whose path condition is unknown is still missing', () => {
    const report = check(
      '- [x] a\n',
      'version: 1\nunlisted: ignored\nitems:\n  - id: perf\n    text: Perf\n    when:\n      paths: ["src/**"]\n',
      { changedPaths: null },
    );
    expect(entry(report, 'Perf').status).toBe('missing');
    expect(report.passed).toBe(false);
    expect(report.notes).toEqual([
      'perf: the changed files are unknown, so its path condition was taken to hold.',
    ]);
  });
});

describe('evaluate: finding the task item of a policy item', () => {
  it('by id marker and by text together: a ticked decoy carrying the id cannot stand in for the unticked item', () => {
    const report = check(
      '- [ ] Run the tests\n- [x] Tests pass now <!-- id: tests -->\n',
      'version: 1\nunlisted: ignored\nitems:\n  - id: tests\n    text: Run the tests\n',
    );
    expect(report.items.map((item) => [item.id, item.text, item.status, item.line])).toEqual([
      ['tests', 'Run the tests', 'unchecked', 1],
      ['tests', 'Tests pass now', 'ok', 2],
    ]);
    expect(report.passed).toBe(false);
  });

  it('by id marker when the item was reworded', () => {
    const report = check(
      '- [x] Tests pass now <!-- id: tests -->\n',
      'version: 1\nunlisted: ignored\nitems:\n  - id: tests\n    text: Run the tests\n',
    );
    expect(report.items).toEqual([
      expect.objectContaining({ id: 'tests', text: 'Tests pass now', status: 'ok', line: 1 }),
    ]);
    expect(report.passed).toBe(true);
  });

  it('by id marker, ignoring case', () => {
    const report = check('- [x] whatever <!-- id: Tests -->\n', 'version: 1\nitems:\n  - id: tests\n');
    expect(report.items).toEqual([expect.objectContaining({ id: 'tests', text: 'whatever', status: 'ok' })]);
  });

  it('by text when no item carries the id marker', () => {
    const report = check(
      '- [ ] Run the tests\n',
      'version: 1\nitems:\n  - id: tests\n    text: Run the tests\n',
    );
    expect(report.items).toEqual([
      expect.objectContaining({ id: 'tests', text: 'Run the tests', status: 'unchecked' }),
    ]);
  });

  it('by text, ignoring case, markup and spacing', () => {
    const report = check('- [x] **Run**   the  _TESTS_\n', 'version: 1\nitems:\n  - text: run the tests\n');
    expect(report.items).toEqual([
      expect.objectContaining({ text: 'Run the TESTS', status: 'ok', required: true }),
    ]);
    expect(report.passed).toBe(true);
  });

  it('by text, ignoring the markup of the policy text too, as copied from the template', () => {
    const report = check(
      '- [x] Run `npm test`\n- [x] **Security** review\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: "Run `npm test`"\n  - text: "**Security** review"\n',
    );
    expect(statuses(report)).toEqual([
      ['Run npm test', 'ok'],
      ['Security review', 'ok'],
    ]);
    expect(report.passed).toBe(true);
  });

  it('by regular expression, ignoring case', () => {
    const report = check(
      '- [x] Deployed to STAGING on 2024-01-01\n',
      'version: 1\nitems:\n  - match: "^deployed to staging"\n',
    );
    expect(statuses(report)).toEqual([['Deployed to STAGING on 2024-01-01', 'ok']]);
    expect(report.counts.required).toBe(1);
  });

  it('only under the heading named by section:', () => {
    const report = check(
      '## A\n\n- [ ] Smoke\n\n## B\n\n- [x] Smoke\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: smoke\n    section: A\n',
    );
    expect(report.items).toEqual([
      expect.objectContaining({ text: 'Smoke', section: 'A', line: 3, status: 'unchecked' }),
    ]);
    expect(report.passed).toBe(false);
  });

  it('under section: at any depth of sub-heading', () => {
    const report = check(
      '## A\n\n### Sub\n\n- [x] Smoke\n',
      'version: 1\nitems:\n  - text: smoke\n    section: A\n',
    );
    expect(report.items).toEqual([expect.objectContaining({ text: 'Smoke', section: 'Sub', status: 'ok' })]);
  });

  it('fails when an item is in the description but outside the section', () => {
    const report = check(
      '## B\n\n- [x] Smoke\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: smoke\n    section: A\n',
    );
    expect(statuses(report)).toEqual([['smoke', 'missing']]);
  });

  it('judges every task item a policy item matches: a ticked copy does not hide an unticked one', () => {
    const report = check(
      '- [x] Run tests\n- [ ] Run tests\n',
      'version: 1\nunlisted: ignored\nitems:\n  - text: Run tests\n',
    );
    expect(report.items.map((item) => [item.line, item.status])).toEqual([
      [1, 'ok'],
      [2, 'unchecked'],
    ]);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('1 of 2 required items open');
  });

  it('judges every task item carrying the same id marker', () => {
    const report = check(
      '- [x] a <!-- id: t -->\n- [ ] b <!-- id: t -->\n',
      'version: 1\nunlisted: ignored\nitems:\n  - id: t\n',
    );
    expect(statuses(report)).toEqual([
      ['a', 'ok'],
      ['b', 'unchecked'],
    ]);
    expect(report.passed).toBe(false);
  });

  it('judges every task item a regular expression matches', () => {
    const report = check(
      '- [x] Deploy to eu\n- [ ] Deploy to us\n',
      'version: 1\nunlisted: ignored\nitems:\n  - match: "^deploy to"\n',
    );
    expect(statuses(report)).toEqual([
      ['Deploy to eu', 'ok'],
      ['Deploy to us', 'unchecked'],
    ]);
    expect(report.passed).toBe(false);
  });
});

describe('evaluate: task items no policy item names (unlisted)', () => {
  const md = '- [x] listed\n- [ ] extra\n- [x] extra2\n';
  const yaml = (unlisted: string) => `version: 1\nunlisted: ${unlisted}\nitems:\n  - text: listed\n`;

  it('required (the default): an unticked extra item fails', () => {
    const report = check(md, 'version: 1\nitems:\n  - text: listed\n');
    expect(report.items.map((item) => [item.text, item.status, item.required])).toEqual([
      ['listed', 'ok', true],
      ['extra', 'unchecked', true],
      ['extra2', 'ok', true],
    ]);
    expect(report.passed).toBe(false);
    expect(check(md, yaml('required')).items).toEqual(report.items);
  });

  it('optional: extra items are listed but do not fail', () => {
    const report = check(md, yaml('optional'));
    expect(report.items.map((item) => [item.text, item.status, item.required])).toEqual([
      ['listed', 'ok', true],
      ['extra', 'optional', false],
      ['extra2', 'ok', false],
    ]);
    expect(report.passed).toBe(true);
    expect(report.counts).toEqual({ total: 3, required: 1, done: 1, open: 0, optional: 2, notRequired: 0 });
  });

  it('ignored: extra items are left out of the report', () => {
    const report = check(md, yaml('ignored'));
    expect(statuses(report)).toEqual([['listed', 'ok']]);
    expect(report.passed).toBe(true);
    expect(report.checklist.items).toBe(3);
  });
});

describe('evaluate: section rules', () => {
  const md = [
    '# Release',
    '',
    '## Testing',
    '',
    '- [x] unit',
    '- [ ] e2e',
    '',
    '### Manual',
    '',
    '- [ ] smoke',
    '',
    '## Docs',
    '',
    '- [ ] changelog',
    '- [x] readme',
    '',
  ].join('\n');
  const section = (require: string, extra = '') =>
    `version: 1\nunlisted: ignored\nsections:\n  - heading: Testing\n    require: ${require}\n${extra}`;

  it('all: every item under the heading, sub-headings included, is required', () => {
    const report = check(md, section('all'));
    expect(report.items.map((item) => [item.text, item.status, item.required])).toEqual([
      ['unit', 'ok', true],
      ['e2e', 'unchecked', true],
      ['smoke', 'unchecked', true],
    ]);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('2 of 3 required items open');
    expect(report.sections).toEqual([
      {
        heading: 'Testing',
        require: 'all',
        total: 3,
        ticked: 1,
        status: 'ok',
        problem: null,
        fix: null,
        unticked: [],
      },
    ]);
  });

  it('any: one tick is enough, and the others are optional', () => {
    const report = check(md, section('any'));
    expect(report.passed).toBe(true);
    expect(report.summary).toBe('All 1 required item done');
    expect(report.items.map((item) => [item.text, item.status])).toEqual([
      ['unit', 'ok'],
      ['e2e', 'optional'],
      ['smoke', 'optional'],
    ]);
    expect(report.sections[0]).toMatchObject({ status: 'ok', total: 3, ticked: 1 });
  });

  it('any: no tick fails the section', () => {
    const report = check(md.replace('- [x] unit', '- [ ] unit'), section('any'));
    expect(report.passed).toBe(false);
    expect(report.sections[0]).toEqual({
      heading: 'Testing',
      require: 'any',
      total: 3,
      ticked: 0,
      status: 'failing',
      problem: '0 of 3 items under "Testing" ticked; at least 1 must be',
      fix: 'Tick at least 1 more of the items under "Testing".',
      unticked: [
        { text: 'unit', line: 5 },
        { text: 'e2e', line: 6 },
        { text: 'smoke', line: 10 },
      ],
    });
    expect(report.summary).toBe('1 of 1 required item open');
  });

  it('none: every item under the heading is optional', () => {
    const report = check(md, section('none'));
    expect(report.passed).toBe(true);
    expect(report.items.map((item) => [item.text, item.status, item.required])).toEqual([
      ['unit', 'ok', false],
      ['e2e', 'optional', false],
      ['smoke', 'optional', false],
    ]);
    expect(report.counts).toEqual({ total: 3, required: 0, done: 0, open: 0, optional: 3, notRequired: 0 });
  });

  it('N: fewer than N ticks fail, and the unticked items say how many more', () => {
    const report = check(md, section('2'));
    expect(report.passed).toBe(false);
    expect(report.sections[0]).toMatchObject({
      status: 'failing',
      problem: '1 of 3 items under "Testing" ticked; at least 2 must be',
      fix: 'Tick at least 1 more of the items under "Testing".',
    });
    expect(entry(report, 'e2e')).toMatchObject({
      status: 'unchecked',
      required: false,
      fix: 'Tick at least 1 more of the items under "Testing".',
    });
    // Only the ticked item counts as optional: the unticked ones are what the section still lacks.
    expect(report.counts).toEqual({ total: 3, required: 1, done: 0, open: 1, optional: 1, notRequired: 0 });
  });

  it('N: N ticks pass', () => {
    const report = check(md.replace('- [ ] smoke', '- [x] smoke'), section('2'));
    expect(report.passed).toBe(true);
    expect(report.sections[0]).toMatchObject({ status: 'ok', ticked: 2 });
    expect(report.summary).toBe('All 1 required item done');
  });

  it('a rule for a sub-heading governs its items over the rule of the heading above', () => {
    const report = check(
      md,
      'version: 1\nunlisted: optional\nsections:\n  - heading: Testing\n    require: none\n  - heading: Manual\n',
    );
    expect(report.items.map((item) => [item.text, item.status, item.required])).toEqual([
      ['unit', 'ok', false],
      ['e2e', 'optional', false],
      ['smoke', 'unchecked', true],
      ['changelog', 'optional', false],
      ['readme', 'ok', false],
    ]);
    expect(report.passed).toBe(false);
  });

  it('a required section whose heading was deleted fails', () => {
    const report = check(md, 'version: 1\nunlisted: ignored\nsections:\n  - heading: Security\n');
    expect(report.passed).toBe(false);
    expect(report.sections).toEqual([
      {
        heading: 'Security',
        require: 'all',
        total: 0,
        ticked: 0,
        status: 'failing',
        problem: 'the section "Security" is not in the checklist',
        fix: 'Add the heading "Security" back, with its task items.',
        unticked: [],
      },
    ]);
    expect(report.summary).toBe('1 of 1 required item open');
  });

  it.each(['any', '2'])('a section with require %s whose heading was deleted fails', (require) => {
    const report = check(
      md,
      `version: 1\nunlisted: ignored\nsections:\n  - heading: Security\n    require: ${require}\n`,
    );
    expect(report.passed).toBe(false);
    expect(report.sections[0]?.problem).toBe('the section "Security" is not in the checklist');
  });

  it('an "all" section with zero items fails', () => {
    const report = check(
      '## Testing\n\nnothing here\n\n## Docs\n\n- [x] a\n',
      'version: 1\nsections:\n  - heading: Testing\n',
    );
    expect(report.passed).toBe(false);
    expect(report.sections[0]).toMatchObject({
      status: 'failing',
      total: 0,
      problem: 'the section "Testing" has no task items',
      fix: 'Add the task items of "Testing" back under its heading.',
    });
    expect(report.summary).toBe('1 of 2 required items open');
  });

  it('matches section headings ignoring case, numbering and emoji', () => {
    const report = check(
      '## 1. Testing ✅\n\n- [ ] a\n',
      'version: 1\nsections:\n  - heading: testing\n    require: any\n',
    );
    expect(report.sections[0]).toMatchObject({ heading: 'testing', status: 'failing', total: 1 });
  });

  it('a section whose when is false is not required, nor are its items', () => {
    const report = check(md, section('all', '    when:\n      labels: [needs-qa]\n'));
    expect(report.passed).toBe(true);
    expect(report.sections[0]).toMatchObject({ status: 'not-required', problem: null });
    expect(report.items.map((item) => item.status)).toEqual(['not-required', 'not-required', 'not-required']);
    expect(report.counts.notRequired).toBe(3);
  });

  it('a section whose when holds is judged', () => {
    const report = check(md, section('all', '    when:\n      labels: [Needs-QA]\n'), {
      labels: ['needs-qa'],
    });
    expect(report.passed).toBe(false);
    expect(report.items.map((item) => item.status)).toEqual(['ok', 'unchecked', 'unchecked']);
  });

  it('a deleted section whose when is false does not fail', () => {
    const report = check(
      md,
      'version: 1\nunlisted: ignored\nsections:\n  - heading: Security\n    when:\n      paths: ["auth/**"]\n',
      { changedPaths: ['docs/x.md'] },
    );
    expect(report.passed).toBe(true);
    expect(report.sections[0]?.status).toBe('not-required');
  });

  it('a section condition on unknown paths holds, with a note', () => {
    const report = check(md, section('any', '    when:\n      paths: ["src/**"]\n'), { changedPaths: null });
    expect(report.sections[0]?.status).toBe('ok');
    expect(report.notes).toEqual([
      'section "Testing": the changed files are unknown, so its path condition was taken to hold.',
    ]);
  });

  it('a policy item inside a section is judged by its own rule', () => {
    const report = check(
      md,
      'version: 1\nunlisted: ignored\nsections:\n  - heading: Testing\n    require: none\nitems:\n  - text: e2e\n',
    );
    expect(entry(report, 'e2e')).toMatchObject({ status: 'unchecked', required: true });
    expect(report.passed).toBe(false);
  });
});

describe('evaluate: where the checklist is', () => {
  const md = [
    'Intro',
    '',
    '- [ ] not in block',
    '',
    '## Release checklist',
    '',
    '- [x] one',
    '- [ ] two',
    '',
    '## Notes',
    '',
    '- [ ] after',
    '',
  ].join('\n');

  it('by heading: only the items under it, until the next heading of the same level', () => {
    const report = check(md, 'version: 1\nchecklist:\n  heading: release CHECKLIST\n');
    expect(report.items.map((item) => [item.text, item.line])).toEqual([
      ['one', 7],
      ['two', 8],
    ]);
    expect(report.checklist).toEqual({
      found: true,
      where: 'the section under the heading "release CHECKLIST"',
      items: 2,
    });
  });

  it('by heading: a heading not found fails, naming where it looked', () => {
    const report = check(md, 'version: 1\nchecklist:\n  heading: QA\n');
    expect(report).toMatchObject({
      passed: false,
      conclusion: 'fail',
      summary: 'No checklist found: the section under the heading "QA" was not found',
      checklist: { found: false, where: 'the section under the heading "QA"', items: 0 },
      counts: { total: 0, required: 1, done: 0, open: 1, optional: 0, notRequired: 0 },
      items: [],
      sections: [],
    });
  });

  const markers = 'version: 1\nchecklist:\n  start: "<!-- cl:start -->"\n  end: "<!-- cl:end -->"\n';

  it('by start and end markers, ignoring markers inside a code fence', () => {
    const body = [
      '- [ ] before',
      '',
      '```',
      '<!-- cl:start -->',
      '- [x] fenced',
      '<!-- cl:end -->',
      '```',
      '',
      '<!-- cl:start -->',
      '- [x] inside',
      '<!-- cl:end -->',
      '',
      '- [ ] after',
      '',
    ].join('\n');
    const report = check(body, markers);
    expect(report.items.map((item) => [item.text, item.line])).toEqual([['inside', 10]]);
    expect(report.passed).toBe(true);
    expect(report.checklist).toEqual({
      found: true,
      where: 'the text between <!-- cl:start --> and <!-- cl:end -->',
      items: 1,
    });
  });

  it('a marker only inside a code fence is no marker: no checklist found', () => {
    const report = check(
      '```\n<!-- cl:start -->\n```\n\n- [x] x\n',
      'version: 1\nchecklist:\n  start: "<!-- cl:start -->"\n',
    );
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('No checklist found: the text after <!-- cl:start --> was not found');
    expect(report.checklist.found).toBe(false);
  });

  it('a marker only inside a code fence does not close the block early', () => {
    const body = '<!-- cl:start -->\n\n```\n<!-- cl:end -->\n```\n\n- [ ] inside\n\n<!-- cl:end -->\n';
    const report = check(body, markers);
    expect(statuses(report)).toEqual([['inside', 'unchecked']]);
  });

  it('an end marker written in inline code does not close the block early', () => {
    const body = [
      '<!-- cl:start -->',
      '',
      '- [x] one',
      '',
      'The list ends at `<!-- cl:end -->`.',
      '',
      '- [ ] two',
      '',
      '<!-- cl:end -->',
      '',
    ].join('\n');
    const report = check(body, markers);
    expect(statuses(report)).toEqual([
      ['one', 'ok'],
      ['two', 'unchecked'],
    ]);
    expect(report.passed).toBe(false);
  });

  it('a start marker without its end marker fails', () => {
    const report = check('<!-- cl:start -->\n\n- [x] x\n', markers);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe(
      'No checklist found: the text between <!-- cl:start --> and <!-- cl:end --> was not found',
    );
  });

  it('a start marker alone runs to the end of the description', () => {
    const report = check(
      '- [ ] pre\n\n<!-- cl:start -->\n\n- [x] x\n',
      'version: 1\nchecklist:\n  start: "<!-- cl:start -->"\n',
    );
    expect(report.items.map((item) => [item.text, item.line])).toEqual([['x', 5]]);
    expect(report.checklist.where).toBe('the text after <!-- cl:start -->');
    expect(report.passed).toBe(true);
  });

  it('checklist.required: false passes when no checklist is found, with a note', () => {
    const report = check(md, 'version: 1\nchecklist:\n  heading: QA\n  required: false\n');
    expect(report).toMatchObject({
      passed: true,
      conclusion: 'pass',
      summary: 'No checklist, and none is required',
      counts: { total: 0, required: 0, done: 0, open: 0, optional: 0, notRequired: 0 },
      notes: [
        'No checklist found (the section under the heading "QA" was not found); the policy does not require one.',
      ],
    });
  });

  it.each([
    ['an empty description', ''],
    ['a description of only white space', '  \n\n'],
    ['a description without task items', 'Just a paragraph.\n\n- a plain bullet\n'],
  ])('%s fails', (_name, body) => {
    const report = check(body, 'version: 1\n');
    expect(report).toMatchObject({
      passed: false,
      conclusion: 'fail',
      summary: 'No checklist found: no task items in the whole description',
      checklist: { found: false, where: 'the whole description', items: 0 },
      counts: { total: 0, required: 1, done: 0, open: 1, optional: 0, notRequired: 0 },
    });
  });

  it('an empty description passes only when no checklist is required', () => {
    const report = check('', 'version: 1\nchecklist:\n  required: false\n');
    expect(report.passed).toBe(true);
    expect(report.notes).toEqual([
      'No checklist found (no task items in the whole description); the policy does not require one.',
    ]);
  });
});

describe('evaluate: the evidence allow-list', () => {
  it('accepts a link under an allowed prefix: a job of an allowed run', () => {
    const report = check(withLink('CI green', 'https://github.com/o/r/actions/runs/1/job/2'), CI_RUN);
    expect(entry(report, 'CI green')).toMatchObject({
      status: 'ok',
      links: ['https://github.com/o/r/actions/runs/1/job/2'],
    });
    expect(report.passed).toBe(true);
  });

  it('accepts an allowed link with a query and fragment', () => {
    const report = check(withLink('CI green', 'https://github.com/o/r/actions/runs/1?pr=3#summary'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('ok');
  });

  it('rejects a host that only starts with the allowed host', () => {
    const report = check(withLink('CI green', 'https://github.com.evil.com/o/r/actions/runs/1'), CI_RUN);
    expect(entry(report, 'CI green')).toMatchObject({
      status: 'bad-evidence',
      problems: [
        'https://github.com.evil.com/o/r/actions/runs/1 is not accepted: it does not match the allowed links (https://github.com/*/*/actions/runs/*)',
      ],
      fix: 'Replace the link with a link to a GitHub Actions run.',
    });
  });

  it('rejects https://github.com.evil.example/...', () => {
    const report = check(withLink('CI green', 'https://github.com.evil.example/o/r/actions/runs/1'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('bad-evidence');
    expect(report.passed).toBe(false);
  });

  it('rejects user info that puts another host behind github.com', () => {
    const report = check(withLink('CI green', 'https://github.com@evil.com/o/r/actions/runs/1'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('bad-evidence');
  });

  it('rejects a link of another kind on the allowed host', () => {
    const report = check(withLink('CI green', 'https://github.com/o/r/pull/1'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('bad-evidence');
  });

  it('rejects the list of runs, which is no run', () => {
    const report = check(withLink('CI green', 'https://github.com/o/r/actions/runs'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('bad-evidence');
  });

  it('rejects the list of runs written with a trailing slash', () => {
    const report = check(withLink('CI green', 'https://github.com/o/r/actions/runs/'), CI_RUN);
    expect(entry(report, 'CI green').status).toBe('bad-evidence');
    expect(report.passed).toBe(false);
  });

  it('describes an allow-list it has no name for by its patterns', () => {
    const report = check(
      '- [x] Deployed\n',
      'version: 1\nitems:\n  - text: Deployed\n    evidence:\n      min: 2\n      allow: ["https://deploy.corp/*", "https://github.com/*/*/actions/runs/*"]\n',
    );
    expect(entry(report, 'Deployed').problems).toEqual([
      'ticked without evidence: needs 2 links matching https://deploy.corp/* or https://github.com/*/*/actions/runs/*',
    ]);
  });

  it('names the kinds of the allowed links it knows', () => {
    const report = check(
      '- [x] Reviewed\n',
      'version: 1\nitems:\n  - text: Reviewed\n    evidence:\n      allow: ["https://github.com/*/*/pull/*", "https://github.com/*/*/issues/*"]\n',
    );
    expect(entry(report, 'Reviewed').problems).toEqual([
      'ticked without evidence: needs a link to a pull request or an issue',
    ]);
  });
});

describe('evaluate: counts, summary, order and notes', () => {
  it('sorts items by line, and puts missing ones last in policy order', () => {
    const report = check(
      '- [ ] z\n- [x] y\n- [ ] x\n',
      'version: 1\nitems:\n  - text: gone1\n  - text: x\n  - text: gone2\n  - text: z\n',
    );
    expect(report.items.map((item) => [item.text, item.line, item.status])).toEqual([
      ['z', 1, 'unchecked'],
      ['y', 2, 'ok'],
      ['x', 3, 'unchecked'],
      ['gone1', null, 'missing'],
      ['gone2', null, 'missing'],
    ]);
    expect(report.summary).toBe('4 of 5 required items open');
    expect(report.counts).toEqual({ total: 5, required: 5, done: 1, open: 4, optional: 0, notRequired: 0 });
  });

  it('gives the same report for the same input every time', () => {
    const body = '## A\n\n- [ ] one\n- [x] two\n\n## B\n\n- [ ] three\n';
    const yaml =
      'version: 1\nsections:\n  - heading: A\n    require: any\n  - heading: C\nitems:\n  - text: three\n  - text: gone\n';
    const first = check(body, yaml);
    expect(check(body, yaml)).toEqual(first);
    expect(JSON.stringify(check(body, yaml))).toBe(JSON.stringify(first));
  });

  it('counts required items and group sections, with a summary to match', () => {
    const body = '## A\n\n- [ ] one\n- [x] two\n\n## B\n\n- [ ] three\n- [x] four\n';
    const report = check(
      body,
      'version: 1\nunlisted: optional\nsections:\n  - heading: A\n    require: any\nitems:\n  - text: three\n  - text: Perf\n    when:\n      labels: [perf]\n',
    );
    expect(report.counts).toEqual({ total: 5, required: 2, done: 1, open: 1, optional: 3, notRequired: 1 });
    expect(report.summary).toBe('1 of 2 required items open');
    expect(report.passed).toBe(false);
  });

  it('reports the policy file it used', () => {
    const report = check('- [x] a\n', 'version: 1\n');
    expect(report.policy).toEqual({ source: 'file', path: 'p.yml' });
    expect(report.version).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('with the default policy every task item is required, with a note', () => {
    const report = evaluate(parseChecklist('- [x] a\n- [ ] b\n'), defaultPolicy(), PR);
    expect(report.policy).toEqual({ source: 'default', path: null });
    expect(report.notes).toEqual(['No policy file: every task item in the description is required.']);
    expect(statuses(report)).toEqual([
      ['a', 'ok'],
      ['b', 'unchecked'],
    ]);
    expect(report.summary).toBe('1 of 2 required items open');
  });

  it('does not repeat a note', () => {
    const report = check(
      '- [ ] A\n- [ ] A\n',
      'version: 1\nitems:\n  - text: A\n    when:\n      paths: ["src/**"]\n',
      { changedPaths: null },
    );
    expect(report.notes).toEqual([
      '"A": the changed files are unknown, so its path condition was taken to hold.',
    ]);
  });
});

describe('policyErrorReport', () => {
  it('fails closed with conclusion error and every error kept', () => {
    const errors = [
      {
        file: 'p.yml',
        line: 2,
        column: 11,
        message: 'unlisted must be one of: required, optional, ignored.',
      },
      { file: 'p.yml', line: null, column: null, message: 'cannot read the policy: gone' },
    ];
    expect(policyErrorReport(errors, 'p.yml')).toEqual({
      version: 1,
      passed: false,
      conclusion: 'error',
      summary: 'The policy p.yml has 2 errors; the gate fails until it is fixed',
      counts: { total: 0, required: 0, done: 0, open: 0, optional: 0, notRequired: 0 },
      checklist: { found: false, where: 'not evaluated', items: 0 },
      policy: { source: 'file', path: 'p.yml' },
      items: [],
      sections: [],
      errors,
      notes: [],
    });
  });

  it('says "1 error" for one', () => {
    const report = policyErrorReport(
      [{ file: 'p.yml', line: 1, column: 10, message: 'version must be 1.' }],
      'p.yml',
    );
    expect(report.summary).toBe('The policy p.yml has 1 error; the gate fails until it is fixed');
  });

  it('copies the errors, so later changes to the input do not change the report', () => {
    const errors = [{ file: 'p.yml', line: 1, column: 10, message: 'version must be 1.' }];
    const report = policyErrorReport(errors, 'p.yml');
    (errors[0] as { message: string }).message = 'changed';
    expect(report.errors[0]?.message).toBe('version must be 1.');
  });
});
