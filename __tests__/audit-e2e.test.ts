import { GATE, merged, POLICY, sha, shop, SHOP_JULY } from './emulator/audit-shop.js';
import { OrgEmulator } from './emulator/org-emulator.js';
import { runAudit } from './emulator/run-audit.js';
import { auditSchemaErrors } from './helpers/report-schema.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';

// Issue 26: `checklist-gate audit` through the bundled CLI against an emulated organisation.

const audit = runAudit;

let emulator: OrgEmulator;
stopAfterEach(() => emulator);

describe('checklist-gate audit', () => {
  it('classifies each merged pull request and release by the verdict at the moment it went out', async () => {
    emulator = shop();
    const apiUrl = await emulator.start();
    const run = await audit(apiUrl, [...SHOP_JULY, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as Record<string, any>[];
    expect(auditSchemaErrors(entries)).toEqual([]);
    expect(entries.map((entry) => [entry.number ?? entry.tag, entry.classification, entry.by])).toEqual([
      [1, 'passed', 'alice'],
      [2, 'bypassed', 'root-admin'],
      [3, 'bypassed', 'alice'],
      [4, 'foreign', 'alice'],
      [5, 'exception', 'alice'],
      [6, 'policy-changed', 'alice'],
      [8, 'bypassed', 'alice'],
      ['v1.0', 'passed', 'bob'],
    ]);
    const byNumber = new Map(entries.map((entry) => [entry.number ?? entry.tag, entry]));
    expect(byNumber.get(1)).toMatchObject({
      repository: 'acme/shop',
      kind: 'pull_request',
      url: 'https://github.com/acme/shop/pull/1',
      at: '2026-07-05T12:00:00Z',
      mergeCommit: sha(1001),
      headSha: sha(1),
      verdict: {
        kind: 'status',
        state: 'success',
        postedBy: 'github-actions[bot]',
        url: 'https://github.com/acme/shop/actions/runs/1',
      },
    });
    expect(byNumber.get(2)?.reason).toBe(
      "merged while the gate's latest status said failure: 1 of 1 required items open",
    );
    expect(byNumber.get(3)?.reason).toBe(`merged with no verdict from the gate on ${sha(3).slice(0, 7)}`);
    expect(byNumber.get(4)?.verdict).toMatchObject({ postedBy: 'mallory', state: 'success' });
    expect(byNumber.get(5)?.exceptions).toEqual([
      { item: 'rollback', reason: 'no schema change', approvedBy: ['carol'] },
    ]);
    expect(byNumber.get(8)?.verdict).toMatchObject({ state: 'failure', createdAt: '2026-07-09T11:00:00Z' });
    expect(byNumber.get('v1.0')).toMatchObject({
      kind: 'release',
      verdict: { kind: 'check run', postedBy: 'github-actions[bot]' },
    });
    // Only reads.
    expect(
      emulator.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql'),
    ).toEqual([]);
  });

  it('exits 0 when nothing shown was bypassed or foreign, and filters with --only', async () => {
    emulator = shop();
    const apiUrl = await emulator.start();
    const passed = await audit(apiUrl, [...SHOP_JULY, '--format', 'csv', '--only', 'passed']);
    expect(passed.code).toBe(0);
    const lines = passed.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'repository,change,merged or published at,by,head,verdict at the time,posted by,classification,reason,change url,verdict url',
    );
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['#1', 'release v1.0']);
    const bypassed = await audit(apiUrl, [...SHOP_JULY, '--format', 'csv', '--only', 'bypassed,foreign']);
    expect(bypassed.code).toBe(1);
    expect(bypassed.stdout.trimEnd().split('\r\n')).toHaveLength(5);
  });

  it('takes the gate identity from --gate-identity, never from the token', async () => {
    emulator = shop();
    emulator.repository('shop').postCheckRun(sha(3), {
      conclusion: 'success',
      app: 'release-gate',
      completedAt: '2026-07-06T12:30:00Z',
      title: 'All 1 required items done',
    });
    const apiUrl = await emulator.start();
    const args = [
      '--repo',
      'acme/shop',
      '--since',
      '2026-07-06',
      '--until',
      '2026-07-06',
      '--format',
      'json',
    ];
    const byDefault = JSON.parse((await audit(apiUrl, args)).stdout) as Record<string, any>[];
    expect(byDefault.find((entry) => entry.number === 3)?.classification).toBe('foreign');
    const app = JSON.parse(
      (await audit(apiUrl, [...args, '--gate-identity', 'release-gate[bot]'])).stdout,
    ) as Record<string, any>[];
    expect(app.find((entry) => entry.number === 3)?.classification).toBe('passed');
    // The gate's own statuses are now another identity's.
    expect(app.find((entry) => entry.number === 2)?.classification).toBe('bypassed');
    expect(emulator.requests.some((request) => request.path === '/user')).toBe(false);
  });

  it("reads further pages of a commit's statuses only until the gate's verdict before the merge", async () => {
    emulator = shop();
    for (let index = 0; index < 120; index++)
      emulator.repository('shop').postStatus(sha(1), {
        state: 'success',
        context: `ci/job-${index}`,
        creator: GATE,
        createdAt: '2026-07-04T12:00:00Z',
      });
    const apiUrl = await emulator.start();
    const run = await audit(apiUrl, [
      '--repo',
      'acme/shop',
      '--since',
      '2026-07-05',
      '--until',
      '2026-07-05',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(
      (JSON.parse(run.stdout) as { classification: string }[]).map((entry) => entry.classification),
    ).toEqual(['passed']);
    expect(
      emulator.requests.filter((request) => request.path.endsWith(`/commits/${sha(1)}/statuses`)),
    ).toHaveLength(2);
  });

  it('prints a table, Markdown and a self-contained HTML page', async () => {
    emulator = shop();
    const apiUrl = await emulator.start();
    const args = SHOP_JULY;
    const table = await audit(apiUrl, args);
    expect(table.stdout.split('\n')[0]).toBe(
      '8 merged pull requests and releases: 2 passed, 3 bypassed, 1 foreign, 1 with exceptions, 1 changed the policy',
    );
    expect(table.stdout).toMatch(
      /^acme\/shop\s+#4\s+2026-07-07T12:00:00Z\s+alice\s+ccccccc\s+success \(status\)\s+mallory\s+foreign\s+the latest success/m,
    );
    const markdown = await audit(apiUrl, [...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain(
      '](https://github.com/acme/shop/pull/2) | 2026-07-06T12:00:00Z | root-admin |',
    );
    expect(markdown.stdout).toContain('| **bypassed** |');
    const html = await audit(apiUrl, [...args, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain("default-src 'none'");
    expect(html.stdout.match(/<tr class="alarm"/g)).toHaveLength(4);
    expect(html.stdout).not.toMatch(/<(link|img)\b|src=/);
  });

  it('exits 2 on a usage mistake and on a repository it cannot read', async () => {
    emulator = shop();
    const apiUrl = await emulator.start();
    const usage = await audit(apiUrl, ['--repo', 'acme/shop']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('audit needs --since DATE or --since Nd');
    const since = await audit(apiUrl, ['--repo', 'acme/shop', '--since', 'last week']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since must be a date such as 2026-07-01');
    const missing = await audit(apiUrl, ['--repo', 'acme/nothing', '--since', '90d']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('checklist-gate audit:');
  });

  it('audits an organisation across pages of repositories and pull requests within its request budget', async () => {
    const busy = Array.from({ length: 230 }, (_, index) =>
      merged(index + 1, new Date(Date.UTC(2026, 6, 1, 0, index)).toISOString()),
    );
    emulator = new OrgEmulator({
      org: 'acme',
      repositories: [
        {
          name: 'busy',
          defaultBranch: 'main',
          policyHistory: [{ sha: sha(900), date: '2026-01-01T00:00:00Z', text: POLICY }],
          pulls: busy,
        },
        ...Array.from({ length: 104 }, (_, index) => ({
          name: `quiet-${index}`,
          defaultBranch: 'main',
          policyHistory:
            index % 2 === 0 ? [{ sha: sha(900), date: '2026-01-01T00:00:00Z', text: POLICY }] : [],
          pulls: [merged(1, '2026-07-02T00:00:00Z')],
        })),
      ],
    });
    for (const pull of busy)
      emulator.repository('busy').postStatus(pull.headSha, {
        state: 'success',
        creator: GATE,
        createdAt: '2026-06-30T00:00:00Z',
        description: 'All 1 required items done',
      });
    const apiUrl = await emulator.start();
    const run = await audit(apiUrl, [
      '--org',
      'acme',
      '--since',
      '2026-07-01',
      '--until',
      '2026-07-31',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    const entries = JSON.parse(run.stdout) as Record<string, any>[];
    // 230 passed in busy; 52 quiet repositories with a policy, whose one pull request has no verdict.
    expect(
      entries.filter((entry) => entry.repository === 'acme/busy' && entry.classification === 'passed'),
    ).toHaveLength(230);
    expect(entries.filter((entry) => entry.classification === 'bypassed')).toHaveLength(52);
    expect(run.code).toBe(1);
    const listings = emulator.requests.filter((request) => request.path === '/orgs/acme/repos');
    const queries = emulator.requests.filter((request) => request.path === '/graphql');
    const verdicts = emulator.requests.filter((request) =>
      /\/commits\/[0-9a-f]{40}\/(statuses|check-runs)$/.test(request.path),
    );
    // The budget: one listing per 100 repositories, one query per repository per 100 merged pull
    // requests, two reads per audited pull request; nothing else.
    expect(listings).toHaveLength(2);
    expect(queries).toHaveLength(105 + 2);
    expect(verdicts).toHaveLength(2 * (230 + 52));
    expect(emulator.requests).toHaveLength(listings.length + queries.length + verdicts.length);
  }, 180_000);
});
