import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fitReport } from '../src/report/fit-report.js';
import { gitBlobSha, recordOf, sha256 } from '../src/evaluate/record.js';
import type { Report } from '../src/evaluate/report.js';
import { GATE_VERSION } from '../src/version.js';
import { reportSchemaErrors } from './helpers/report-schema.js';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

const CLI = new URL('../dist/cli/index.js', import.meta.url).pathname;

function report(items: number): Report {
  return {
    version: 1,
    passed: false,
    conclusion: 'fail',
    summary: `${items} of ${items} required items open`,
    counts: { total: items, required: items, done: 0, open: items, optional: 0, notRequired: 0 },
    checklist: { found: true, where: 'the whole description', items },
    policy: { source: 'default', path: null },
    items: Array.from({ length: items }, (_, index) => ({
      id: null,
      text: `Item ${index} ${'x'.repeat(80)}`,
      checked: false,
      required: true,
      status: 'unchecked' as const,
      line: index + 1,
      depth: 0,
      section: null,
      links: [],
      problems: ['not ticked'],
      fix: 'Tick it',
    })),
    sections: [],
    errors: [],
    notes: [],
  };
}

describe('the record', () => {
  it('names the policy by the blob id git gives the same text', () => {
    const text = 'version: 1\n';
    const git = execFileSync('git', ['hash-object', '--stdin'], { input: text }).toString().trim();
    expect(gitBlobSha(text)).toBe(git);
    expect(gitBlobSha('é\n')).toBe(
      execFileSync('git', ['hash-object', '--stdin'], { input: 'é\n' }).toString().trim(),
    );
  });

  it("carries the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(GATE_VERSION).toBe(pkg.version);
  });

  it('records the default policy as no file and a description by its hash', () => {
    const record = recordOf({
      repository: null,
      headSha: null,
      policy: null,
      policyPath: '.github/checklist-gate.yml',
      policyRef: 'main',
      description: 'abc',
      labels: ['x'],
      event: 'check',
      now: new Date('2026-12-01T00:00:00Z'),
      version: '1.2.3',
      postedAs: null,
    });
    expect(record.description).toEqual({ sha256: sha256('abc'), characters: 3 });
    expect(record.description.sha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(record.policy).toEqual({
      path: '.github/checklist-gate.yml',
      ref: 'main',
      blob: null,
      extends: [],
    });
    expect(record.evaluatedAt).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('fitting a report into a limit', () => {
  it('leaves a report that fits as it is', () => {
    const small = report(3);
    expect(fitReport(small, 65_535, null)).toBe(JSON.stringify(small));
  });

  it('leaves items out, says how many and where the whole report is, and stays valid', () => {
    const big = report(2000);
    const text = fitReport(big, 65_535, 'https://github.com/o/r/actions/runs/1');
    expect(text.length).toBeLessThanOrEqual(65_535);
    const cut = JSON.parse(text) as Report;
    expect(cut.truncated).toEqual({
      items: 2000 - cut.items.length,
      whole: 'https://github.com/o/r/actions/runs/1',
    });
    expect(cut.items.length).toBeGreaterThan(200);
    expect(reportSchemaErrors(cut)).toEqual([]);
  });

  it('keeps the verdict and counts even when no item fits', () => {
    const big = { ...report(10), notes: ['n'.repeat(100_000)] };
    const cut = JSON.parse(fitReport(big, 65_535, null)) as Report;
    expect(cut).toMatchObject({
      passed: false,
      summary: '10 of 10 required items open',
      items: [],
      notes: [],
    });
    expect(reportSchemaErrors(cut)).toEqual([]);
  });
});

describe('check --format json', () => {
  let outside: string;
  beforeAll(() => {
    outside = scratchFolder('record');
  });
  afterAll(() => removeFolder(outside));

  it('prints a report with its record that the published schema accepts', () => {
    const out = execFileSync(
      process.execPath,
      [CLI, 'check', '--body', '-', '--format', 'json', '--label', 'release'],
      {
        input: '- [x] Tests pass\n',
        env: { PATH: process.env.PATH ?? '' },
        // Outside any repository: check would otherwise judge by this repository's own policy.
        cwd: outside,
      },
    ).toString();
    const parsed = JSON.parse(out) as Report;
    expect(reportSchemaErrors(parsed)).toEqual([]);
    expect(parsed.record).toMatchObject({
      repository: null,
      labels: ['release'],
      event: 'check',
      policy: { path: null, blob: null },
      gate: { version: GATE_VERSION, postedAs: null },
    });
  });
});
