import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy, PolicyError } from '../src/policy/policy.js';

const FILE = '.github/checklist-gate.yml';

/** Loads a policy that must be valid, failing the test with its errors otherwise. */
function policyOf(text: string): Policy {
  const loaded = loadPolicy(text, FILE);
  if (!loaded.ok) throw new Error(`expected a valid policy, got ${JSON.stringify(loaded.errors, null, 2)}`);
  return loaded.policy;
}

/** Loads a policy that must be invalid and returns its errors. */
function errorsOf(text: string): PolicyError[] {
  const loaded = loadPolicy(text, FILE);
  if (loaded.ok) throw new Error('expected the policy to be rejected, but it loaded');
  return loaded.errors;
}

/** The one error of a policy with exactly one problem. */
function onlyError(text: string): PolicyError {
  const errors = errorsOf(text);
  expect(errors).toHaveLength(1);
  return errors[0] as PolicyError;
}

function err(line: number, column: number, message: string): PolicyError {
  return { file: FILE, line, column, message };
}

const TOP_LEVEL_KEYS =
  'version, extends, gate, checklist, unlisted, verification, not-applicable, emergency, policy-owners, sections, items';

describe('loadPolicy: accepted policies and their defaults', () => {
  it('fills every default for the smallest policy, "version: 1"', () => {
    const policy = policyOf('version: 1\n');
    expect(policy).toEqual({
      source: { kind: 'file', path: FILE },
      gate: { branches: null, releases: true, pullRequests: null, ignoreAuthors: [] },
      checklist: { required: true },
      unlisted: 'required',
      verification: { maxLinks: 20 },
      notApplicable: { rule: 'never', approvers: null },
      emergency: null,
      policyOwners: null,
      sections: [],
      items: [],
    });
    expect(Object.keys(policy.checklist)).toEqual(['required']);
  });

  it('accepts a policy that sets every key of the schema, and keeps each value', () => {
    const policy = policyOf(
      [
        'version: 1',
        'gate:',
        '  branches: [main, "release/*"]',
        '  releases: false',
        '  pull-requests:',
        '    head-branches: ["release/**"]',
        '    labels: [release]',
        "    title: '^Release '",
        "    ignore-authors: ['dependabot[bot]']",
        'checklist:',
        '  heading: Release checklist',
        '  required: false',
        'unlisted: optional',
        'verification:',
        '  max-links: 50',
        'not-applicable: with-reason',
        'emergency: { label: emergency, approvers: [carol, acme/sre], follow-up: issue }',
        'sections:',
        '  - heading: Testing',
        '    require: 2',
        '    when:',
        '      labels: [needs-qa]',
        '      paths: ["src/**"]',
        '      branches: ["release/*"]',
        '      events: [pull_request, release]',
        'items:',
        '  - id: load-test',
        '    text: Load test passed',
        '    section: Testing',
        '    required: false',
        '    approvers: [alice, acme/release-managers]',
        '    not-applicable: { rule: with-approval, approvers: [acme/sre] }',
        '    evidence:',
        '      min: 2',
        '      allow: ["https://grafana.example.org/d/*"]',
        '      hint: the load-test dashboard',
        '      verify: true',
        '      same-commit: true',
        '      repositories: [Acme/ci-runs]',
        '      workflows: [CI, .github/workflows/load.yml]',
        '      closed-by: not-author',
        '    when:',
        '      labels: [perf]',
        '      paths: ["db/**", "src/db/**"]',
        '      branches: [main]',
        '      events: [release]',
        '  - match: "^rollback plan"',
        'policy-owners: [acme/platform, alice]',
        '',
      ].join('\n'),
    );
    expect(policy).toEqual({
      source: { kind: 'file', path: FILE },
      gate: {
        branches: ['main', 'release/*'],
        releases: false,
        pullRequests: { headBranches: ['release/**'], labels: ['release'], title: '^Release ' },
        ignoreAuthors: ['dependabot[bot]'],
      },
      checklist: { heading: 'Release checklist', required: false },
      unlisted: 'optional',
      verification: { maxLinks: 50 },
      notApplicable: { rule: 'with-reason', approvers: null },
      emergency: { label: 'emergency', approvers: ['carol', 'acme/sre'], followUp: 'issue' },
      policyOwners: ['acme/platform', 'alice'],
      sections: [
        {
          heading: 'Testing',
          require: 2,
          when: {
            labels: ['needs-qa'],
            paths: ['src/**'],
            branches: ['release/*'],
            events: ['pull_request', 'release'],
          },
          line: 19,
        },
      ],
      items: [
        {
          id: 'load-test',
          text: 'Load test passed',
          match: null,
          section: 'Testing',
          required: false,
          evidence: {
            min: 2,
            allow: ['https://grafana.example.org/d/*'],
            hint: 'the load-test dashboard',
            verify: true,
            sameCommit: true,
            repositories: ['acme/ci-runs'],
            workflows: ['CI', '.github/workflows/load.yml'],
            closedBy: 'not-author',
          },
          when: { labels: ['perf'], paths: ['db/**', 'src/db/**'], branches: ['main'], events: ['release'] },
          approvers: ['alice', 'acme/release-managers'],
          notApplicable: { rule: 'with-approval', approvers: ['acme/sre'] },
          line: 27,
        },
        {
          id: null,
          text: null,
          match: '^rollback plan',
          section: null,
          required: true,
          evidence: null,
          when: null,
          approvers: null,
          notApplicable: { rule: 'with-reason', approvers: null },
          line: 47,
        },
      ],
    });
  });

  it('accepts checklist start and end markers', () => {
    const policy = policyOf(
      'version: 1\nchecklist:\n  start: "<!-- checklist:start -->"\n  end: "<!-- checklist:end -->"\n',
    );
    expect(policy.checklist).toEqual({
      start: '<!-- checklist:start -->',
      end: '<!-- checklist:end -->',
      required: true,
    });
  });

  it('accepts a start marker without an end marker', () => {
    expect(policyOf('version: 1\nchecklist:\n  start: "<!-- go -->"\n').checklist).toEqual({
      start: '<!-- go -->',
      required: true,
    });
  });

  it('fills the defaults of gate and checklist when they are given empty', () => {
    const policy = policyOf('version: 1\ngate: {}\nchecklist: {}\n');
    expect(policy.gate).toEqual({ branches: null, releases: true, pullRequests: null, ignoreAuthors: [] });
    expect(policy.checklist).toEqual({ required: true });
  });

  it.each(['required', 'optional', 'ignored'] as const)('accepts unlisted: %s', (value) => {
    expect(policyOf(`version: 1\nunlisted: ${value}\n`).unlisted).toBe(value);
  });

  it('defaults a section to require all, no condition, with its line', () => {
    const policy = policyOf('version: 1\nsections:\n  - heading: Docs\n');
    expect(policy.sections).toEqual([{ heading: 'Docs', require: 'all', when: null, line: 3 }]);
  });

  it.each([
    ['all', 'all'],
    ['any', 'any'],
    ['none', 'none'],
    ['1', 1],
    ['12', 12],
  ] as const)('accepts require: %s', (written, expected) => {
    const policy = policyOf(`version: 1\nsections:\n  - heading: Docs\n    require: ${written}\n`);
    expect(policy.sections[0]?.require).toBe(expected);
  });

  it('defaults an item found by text: no id, match, section, evidence or condition; required', () => {
    const policy = policyOf('version: 1\nitems:\n  - text: Changelog updated\n');
    expect(policy.items).toEqual([
      {
        id: null,
        text: 'Changelog updated',
        match: null,
        section: null,
        required: true,
        evidence: null,
        when: null,
        approvers: null,
        notApplicable: { rule: 'never', approvers: null },
        line: 3,
      },
    ]);
  });

  it('accepts an item found by its id alone', () => {
    expect(policyOf('version: 1\nitems:\n  - id: sec.review_2\n').items[0]).toMatchObject({
      id: 'sec.review_2',
      text: null,
      match: null,
    });
  });

  it('fills evidence defaults: min 1, any http(s) link, no hint, not verified', () => {
    const policy = policyOf('version: 1\nitems:\n  - text: CI green\n    evidence: {}\n');
    expect(policy.items[0]?.evidence).toEqual({
      min: 1,
      allow: null,
      hint: null,
      verify: false,
      sameCommit: false,
      repositories: [],
      workflows: null,
      closedBy: null,
    });
  });

  it('accepts evidence min 0', () => {
    const policy = policyOf('version: 1\nitems:\n  - text: CI green\n    evidence:\n      min: 0\n');
    expect(policy.items[0]?.evidence).toEqual({
      min: 0,
      allow: null,
      hint: null,
      verify: false,
      sameCommit: false,
      repositories: [],
      workflows: null,
      closedBy: null,
    });
  });

  it.each([
    ['labels: [perf]', { labels: ['perf'] }],
    ['paths: ["src/**"]', { paths: ['src/**'] }],
    ['branches: ["release/*"]', { branches: ['release/*'] }],
    ['events: [pull_request]', { events: ['pull_request'] }],
    ['events: [release]', { events: ['release'] }],
  ])('accepts an item condition with only %s', (written, expected) => {
    const policy = policyOf(`version: 1\nitems:\n  - text: a\n    when:\n      ${written}\n`);
    expect(policy.items[0]?.when).toEqual(expected);
  });

  it('records the line of each item and section for messages', () => {
    const policy = policyOf(
      'version: 1\n\nsections:\n  - heading: A\n\n  - heading: B\nitems:\n  - text: one\n\n\n  - text: two\n',
    );
    expect(policy.sections.map((section) => section.line)).toEqual([4, 6]);
    expect(policy.items.map((item) => item.line)).toEqual([8, 11]);
  });

  it('reads version 1 written in flow style and with comments', () => {
    expect(policyOf('# policy\n{version: 1, unlisted: ignored} # end\n').unlisted).toBe('ignored');
  });
});

describe('loadPolicy: YAML that cannot be read', () => {
  it('reports a syntax error at its line and column', () => {
    expect(errorsOf('version: 1\nitems: [{text: a}, {text: b,, }]\n')).toEqual([
      err(2, 29, 'not valid YAML: Unexpected , in flow map'),
    ]);
  });

  it('reports tab indentation', () => {
    expect(errorsOf('version: 1\nitems:\n\t- text: a\n')).toEqual([
      err(3, 1, 'not valid YAML: a tab indents this line; YAML allows only spaces for indentation.'),
    ]);
  });

  it('reports an unclosed quote', () => {
    expect(errorsOf('version: 1\nunlisted: "required\nitems: []\n')).toEqual([
      err(
        4,
        1,
        'not valid YAML: a quoted value is not closed: end it with the quote it starts with, on the same line.',
      ),
    ]);
  });

  it('reports every YAML error, not just the first', () => {
    expect(errorsOf('version: 1\nunlisted: [\nitems: {\n')).toEqual([
      err(
        3,
        1,
        'not valid YAML: a list written [a, b] is not closed: end it with ] (or write one `- ` item per line).',
      ),
      err(4, 1, 'not valid YAML: a mapping written {a: b} is not closed: end it with }.'),
    ]);
  });

  it('rejects a duplicate key, pointing at the second one', () => {
    expect(errorsOf('version: 1\nunlisted: required\nunlisted: optional\n')).toEqual([
      err(3, 1, 'the key "unlisted" appears twice in the same mapping; keep one.'),
    ]);
  });

  it('rejects a duplicate key inside an item', () => {
    expect(errorsOf('version: 1\nitems:\n  - text: a\n    required: true\n    required: false\n')).toEqual([
      err(5, 5, 'the key "required" appears twice in the same mapping; keep one.'),
    ]);
  });

  it('rejects several documents in one file', () => {
    expect(errorsOf('version: 1\n---\nversion: 1\n')).toEqual([
      err(
        2,
        1,
        'not valid YAML: a line "---" starts a second YAML document, and a policy is one document: remove the "---".',
      ),
    ]);
  });
});

describe('loadPolicy: the shape of the file', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n   \n\n'],
    ['a file of comments only', '# nothing yet\n# still nothing\n'],
  ])('rejects %s, asking for version: 1', (_name, text) => {
    expect(errorsOf(text)).toEqual([err(1, 1, 'the policy file is empty; it needs at least "version: 1".')]);
  });

  it('rejects a top-level list', () => {
    expect(errorsOf('- version: 1\n- items: []\n')).toEqual([
      err(1, 1, 'the policy must be a mapping of keys to values, starting with "version: 1".'),
    ]);
  });

  it('rejects a top-level scalar', () => {
    expect(errorsOf('\nversion 1\n')).toEqual([
      err(2, 1, 'the policy must be a mapping of keys to values, starting with "version: 1".'),
    ]);
  });

  it('rejects a policy without version', () => {
    expect(errorsOf('unlisted: required\n')).toEqual([err(1, 1, 'the policy needs the key "version".')]);
  });

  it.each([
    ['2', 'version: 2\n'],
    ['empty', 'version:\n'],
  ])('rejects version %s, saying it must be 1', (_name, text) => {
    const error = onlyError(text);
    expect(error).toEqual(err(1, text === 'version:\n' ? 9 : 10, 'version must be 1.'));
  });

  it('rejects version "1" as text, saying to write the number', () => {
    expect(onlyError('version: "1"\n')).toEqual(err(1, 10, 'write `version: 1` (a number, not a string).'));
    expect(onlyError("version: 'v1'\n")).toEqual(
      err(1, 10, 'version must be the number 1; got the text "v1".'),
    );
  });

  it('rejects an unknown top-level key at the key, suggesting the near one and listing the allowed keys', () => {
    expect(errorsOf('version: 1\nitmes:\n  - text: a\n')).toEqual([
      err(2, 1, `unknown key "itmes" in the policy. Did you mean "items"? Allowed keys: ${TOP_LEVEL_KEYS}.`),
    ]);
  });

  it('does not suggest a key that is nothing like the unknown one', () => {
    expect(errorsOf('version: 1\nzzzzzzzz: 1\n')).toEqual([
      err(2, 1, `unknown key "zzzzzzzz" in the policy. Allowed keys: ${TOP_LEVEL_KEYS}.`),
    ]);
  });

  it('rejects an unknown key in gate, with the keys gate allows', () => {
    expect(errorsOf('version: 1\ngate:\n  brnches: [main]\n')).toEqual([
      err(
        3,
        3,
        'unknown key "brnches" in gate. Did you mean "branches"? Allowed keys: branches, releases, pull-requests.',
      ),
    ]);
  });

  it('rejects an unknown key in checklist, with the keys checklist allows', () => {
    expect(errorsOf('version: 1\nchecklist:\n  headng: Release\n')).toEqual([
      err(
        3,
        3,
        'unknown key "headng" in checklist. Did you mean "heading"? Allowed keys: heading, start, end, required.',
      ),
    ]);
  });
});

describe('loadPolicy: unknown keys inside items, sections, evidence and when', () => {
  const itemKey = 'version: 1\nitems:\n  - text: a\n    requird: true\n';
  const evidenceKey = 'version: 1\nitems:\n  - text: a\n    evidence:\n      mins: 1\n';
  const whenKey = 'version: 1\nitems:\n  - text: a\n    when:\n      label: [perf]\n';
  const sectionKey = 'version: 1\nsections:\n  - heading: A\n    requires: all\n';

  it('points at the unknown key of an item itself', () => {
    expect(onlyError(itemKey)).toMatchObject({ file: FILE, line: 4, column: 5 });
  });

  it('points at the unknown key inside evidence itself', () => {
    expect(onlyError(evidenceKey)).toMatchObject({ file: FILE, line: 5, column: 7 });
  });

  it('points at the unknown key inside when itself', () => {
    expect(onlyError(whenKey)).toMatchObject({ file: FILE, line: 5, column: 7 });
  });

  it('points at the unknown key of a section itself', () => {
    expect(onlyError(sectionKey)).toMatchObject({ file: FILE, line: 4, column: 5 });
  });

  it('names the keys an item allows and suggests the one meant', () => {
    expect(onlyError(itemKey).message).toBe(
      'unknown key "requird" in items.0. Did you mean "required"? Allowed keys: id, text, match, section, required, approvers, not-applicable, evidence, when.',
    );
  });

  it('names the keys evidence allows and suggests the one meant', () => {
    expect(onlyError(evidenceKey).message).toBe(
      'unknown key "mins" in items.0.evidence. Did you mean "min"? Allowed keys: min, allow, hint, verify, same-commit, repositories, workflows, closed-by.',
    );
  });

  it('names the keys when allows and suggests the one meant', () => {
    expect(onlyError(whenKey).message).toBe(
      'unknown key "label" in items.0.when. Did you mean "labels"? Allowed keys: labels, paths, branches, events.',
    );
  });

  it('names the keys a section allows and suggests the one meant', () => {
    expect(onlyError(sectionKey).message).toBe(
      'unknown key "requires" in sections.0. Did you mean "require"? Allowed keys: heading, require, when.',
    );
  });
});

describe('loadPolicy: values of the wrong type or form', () => {
  it.each([
    [
      'a string for a boolean',
      'version: 1\nitems:\n  - text: a\n    required: "yes"\n',
      4,
      15,
      'items.0.required must be true or false.',
    ],
    [
      'a quoted "false" for checklist.required',
      'version: 1\nchecklist:\n  required: "false"\n',
      3,
      13,
      'checklist.required must be true or false.',
    ],
    ['a number for a list', 'version: 1\ngate:\n  branches: 5\n', 3, 13, 'gate.branches must be a list.'],
    [
      'a string for a list',
      'version: 1\nitems:\n  - text: a\n    evidence:\n      allow: "https://x/*"\n',
      5,
      14,
      'items.0.evidence.allow must be a list.',
    ],
    [
      'a number for when.paths',
      'version: 1\nitems:\n  - text: a\n    when:\n      paths: 3\n',
      5,
      14,
      'items.0.when.paths must be a list.',
    ],
    [
      'a word for a whole number',
      'version: 1\nitems:\n  - text: a\n    evidence:\n      min: two\n',
      5,
      12,
      'items.0.evidence.min must be a whole number.',
    ],
    [
      'a negative evidence.min',
      'version: 1\nitems:\n  - text: a\n    evidence:\n      min: -1\n',
      5,
      12,
      'items.0.evidence.min must be at least 0.',
    ],
    ['a number for an id', 'version: 1\nitems:\n  - id: 12\n', 3, 9, 'items.0.id must be text.'],
    ['a mapping for items', 'version: 1\nitems:\n  text: a\n', 3, 3, 'items must be a list.'],
    ['nothing for items', 'version: 1\nitems:\n', 2, 7, 'items must be a list.'],
    ['a list for gate', 'version: 1\ngate: [main]\n', 2, 7, 'gate must be a mapping of keys to values.'],
    [
      'a section without heading',
      'version: 1\nsections:\n  - require: all\n',
      3,
      5,
      'sections.0 needs the key "heading".',
    ],
  ])('rejects %s', (_name, text, line, column, message) => {
    expect(errorsOf(text)).toEqual([err(line, column, message)]);
  });

  it('rejects unlisted: sometimes, listing the allowed values', () => {
    expect(errorsOf('version: 1\nunlisted: sometimes\n')).toEqual([
      err(2, 11, 'unlisted must be one of: required, optional, ignored.'),
    ]);
  });

  it.each([
    ['most', 'most'],
    ['0', '0'],
    ['1.5', '1.5'],
    ['a list', '[all]'],
  ])('rejects require: %s once, with the words of the oneOf', (_name, written) => {
    const errors = errorsOf(`version: 1\nsections:\n  - heading: A\n    require: ${written}\n`);
    expect(errors).toEqual([
      err(4, 14, 'sections.0.require must be all, any, none, or a whole number of at least 1.'),
    ]);
    const all = errors.map((error) => error.message).join('\n');
    expect(all.split('all, any, none, or a whole number of at least 1')).toHaveLength(2);
  });

  it.each([
    ['empty', '""'],
    ['only spaces', '"   "'],
  ])('rejects an item text that is %s', (_name, written) => {
    expect(errorsOf(`version: 1\nitems:\n  - text: ${written}\n`)).toEqual([
      err(3, 11, 'items.0.text must not be empty.'),
    ]);
  });

  it('rejects an empty checklist heading', () => {
    expect(errorsOf('version: 1\nchecklist:\n  heading: ""\n')).toEqual([
      err(3, 12, 'checklist.heading must not be empty.'),
    ]);
  });

  it.each([
    ['-bad', '-bad'],
    ['with a space', '"bad id"'],
    ['with a slash', 'a/b'],
  ])('rejects an id %s, saying what an id may hold', (_name, written) => {
    expect(errorsOf(`version: 1\nitems:\n  - id: ${written}\n    text: a\n`)).toEqual([
      err(
        3,
        9,
        'items.0.id must start with a letter or digit and hold only letters, digits, ".", "_" and "-".',
      ),
    ]);
  });

  it.each([
    ['gate.branches', 'version: 1\ngate:\n  branches: []\n', 3, 13],
    ['items.0.when.branches', 'version: 1\nitems:\n  - text: a\n    when:\n      branches: []\n', 5, 17],
    ['items.0.when.labels', 'version: 1\nitems:\n  - text: a\n    when:\n      labels: []\n', 5, 15],
    ['items.0.when.events', 'version: 1\nitems:\n  - text: a\n    when:\n      events: []\n', 5, 15],
    ['items.0.evidence.allow', 'version: 1\nitems:\n  - text: a\n    evidence:\n      allow: []\n', 5, 14],
  ])('rejects an empty list for %s (minItems)', (name, text, line, column) => {
    expect(errorsOf(text)).toEqual([err(line, column, `${name} must list at least 1 entry.`)]);
  });

  it('rejects an unknown event, at the event, listing the events allowed', () => {
    expect(errorsOf('version: 1\nitems:\n  - text: a\n    when:\n      events: [push]\n')).toEqual([
      err(5, 16, 'items.0.when.events.0 must be one of: pull_request, release.'),
    ]);
  });
});

describe('loadPolicy: rules beyond the schema', () => {
  it('rejects an item with none of text, match or id', () => {
    expect(errorsOf('version: 1\nitems:\n  - required: false\n')).toEqual([
      err(3, 5, 'items.0 needs "text", "match" or "id" to find its task item.'),
    ]);
  });

  it('rejects an item with both text and match, at the match key', () => {
    expect(errorsOf('version: 1\nitems:\n  - text: a\n    match: b\n')).toEqual([
      err(4, 5, 'items.0 takes either "text" or "match", not both.'),
    ]);
  });

  it('rejects a match that is not a valid regular expression, at its value', () => {
    const error = onlyError('version: 1\nitems:\n  - match: "a("\n');
    expect(error).toMatchObject({ file: FILE, line: 3, column: 12 });
    expect(error.message).toMatch(
      /^items\.0\.match is not a valid regular expression: .*Unterminated group\.$/,
    );
  });

  it('rejects an id used twice, at the second one, naming the first', () => {
    expect(errorsOf('version: 1\nitems:\n  - id: a\n    text: x\n  - id: a\n    text: y\n')).toEqual([
      err(5, 9, 'items.1.id "a" is already used by items.0; ids must be unique.'),
    ]);
  });

  it('rejects checklist heading and start together, at start', () => {
    expect(errorsOf('version: 1\nchecklist:\n  heading: Release\n  start: "<!-- s -->"\n')).toEqual([
      err(4, 3, 'checklist takes either "heading" or "start" (with "end"), not both.'),
    ]);
  });

  it('rejects checklist end without start, at end', () => {
    expect(errorsOf('version: 1\nchecklist:\n  end: "<!-- e -->"\n')).toEqual([
      err(3, 3, 'checklist.end needs checklist.start.'),
    ]);
  });
});

describe('loadPolicy: several errors at once', () => {
  const schemaErrors = [
    'version: 1',
    'unlisted: sometimes',
    'itmes: []',
    'sections:',
    '  - heading: A',
    '    require: most',
    'gate:',
    '  branches: 5',
    '',
  ].join('\n');

  const semanticErrors = [
    'version: 1',
    'checklist:',
    '  end: E',
    'items:',
    '  - match: "("',
    '  - id: a',
    '    text: x',
    '  - id: a',
    '    text: y',
    '  - section: Testing',
    '',
  ].join('\n');

  const byPlace = (errors: PolicyError[]) =>
    [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

  it('reports every schema error, each at its place', () => {
    const errors = errorsOf(schemaErrors);
    expect(byPlace(errors)).toEqual([
      err(2, 11, 'unlisted must be one of: required, optional, ignored.'),
      err(3, 1, `unknown key "itmes" in the policy. Did you mean "items"? Allowed keys: ${TOP_LEVEL_KEYS}.`),
      err(6, 14, 'sections.0.require must be all, any, none, or a whole number of at least 1.'),
      err(8, 13, 'gate.branches must be a list.'),
    ]);
  });

  it('reports every rule the schema cannot express, each at its place', () => {
    const errors = errorsOf(semanticErrors);
    expect(errors).toHaveLength(4);
    expect(byPlace(errors)).toEqual([
      err(3, 3, 'checklist.end needs checklist.start.'),
      expect.objectContaining({
        line: 5,
        column: 12,
        message: expect.stringMatching(/^items\.0\.match is not a valid/),
      }),
      err(8, 9, 'items.2.id "a" is already used by items.1; ids must be unique.'),
      err(10, 5, 'items.3 needs "text", "match" or "id" to find its task item.'),
    ]);
  });

  it('gives the errors in the same order every time', () => {
    for (const text of [schemaErrors, semanticErrors]) {
      const first = errorsOf(text);
      expect(errorsOf(text)).toEqual(first);
      expect(errorsOf(text)).toEqual(first);
    }
  });

  it('loses no error when schema errors and other rule errors come together', () => {
    const errors = errorsOf('version: 1\nunlisted: sometimes\nchecklist:\n  end: E\n');
    expect(byPlace(errors)).toEqual([
      err(2, 11, 'unlisted must be one of: required, optional, ignored.'),
      err(4, 3, 'checklist.end needs checklist.start.'),
    ]);
  });

  it('loses no error when an item has a wrong type and an invalid regular expression', () => {
    const errors = errorsOf('version: 1\nitems:\n  - match: "("\n    required: maybe\n');
    expect(byPlace(errors)).toEqual([
      expect.objectContaining({
        line: 3,
        column: 12,
        message: expect.stringMatching(/^items\.0\.match is not a valid/),
      }),
      err(4, 15, 'items.0.required must be true or false.'),
    ]);
  });

  it('names the file given in every error', () => {
    const loaded = loadPolicy(schemaErrors, 'other/policy.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((error) => error.file)).toEqual(loaded.errors.map(() => 'other/policy.yaml'));
  });
});

describe('loadPolicy: evidence verification and approvers', () => {
  it('rejects same-commit without verify, at the key', () => {
    expect(errorsOf('version: 1\nitems:\n  - text: CI\n    evidence:\n      same-commit: true\n')).toEqual([
      err(5, 7, 'items.0.evidence.same-commit needs verify: true.'),
    ]);
  });

  it('rejects workflows and closed-by without verify, and a closed-by that is neither not-author nor logins', () => {
    expect(
      errorsOf(
        'version: 1\nitems:\n  - text: CI\n    evidence:\n      workflows: [CI]\n      closed-by: not-author\n',
      ),
    ).toEqual([
      err(5, 7, 'items.0.evidence.workflows needs verify: true.'),
      err(6, 7, 'items.0.evidence.closed-by needs verify: true.'),
    ]);
    const errors = errorsOf(
      'version: 1\nitems:\n  - text: CI\n    evidence:\n      verify: true\n      closed-by: anyone\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6 });
    expect(errors[0]?.message).toContain('closed-by');
  });

  it('rejects repositories without same-commit, and a repository that is not owner/repo', () => {
    expect(
      errorsOf(
        'version: 1\nitems:\n  - text: CI\n    evidence:\n      verify: true\n      repositories: [acme/ci]\n',
      ),
    ).toEqual([
      err(
        6,
        7,
        'items.0.evidence.repositories needs same-commit: true (it names whose runs prove the commit).',
      ),
    ]);
    const errors = errorsOf(
      'version: 1\nitems:\n  - text: CI\n    evidence:\n      verify: true\n      same-commit: true\n      repositories: ["https://github.com/acme/ci"]\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^items\.0\.evidence\.repositories\.0 /);
  });

  it('rejects an approver that is neither a login nor org/team', () => {
    const errors = errorsOf('version: 1\nitems:\n  - text: Security sign-off\n    approvers: ["@alice"]\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 17 });
    expect(errors[0]?.message).toMatch(/^items\.0\.approvers\.0 /);
  });

  it('rejects an empty approver list and a verification limit out of range', () => {
    const errors = errorsOf(
      'version: 1\nverification:\n  max-links: 500\nitems:\n  - text: a\n    approvers: []\n',
    );
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [3, 'verification.max-links must be at most 200.'],
      [6, 'items.0.approvers must list at least 1 entry.'],
    ]);
  });
});
