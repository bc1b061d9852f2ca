import { commentBody, COMMENT_LIMIT } from '../src/write/sticky-comment.js';
import { stampOf } from '../src/read/comment-stamp.js';
import { reportOutput } from '../src/main.js';
import type { Report, ReportItem } from '../src/report/report.js';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';

function bigReport(items: number): Report {
  const item = (index: number): ReportItem => ({
    id: `item-${index}`,
    text: `A long item text ${'x'.repeat(200)} ${index}`,
    checked: false,
    required: true,
    status: 'unchecked',
    line: index + 1,
    depth: 0,
    section: 'Section',
    links: [],
    problems: ['not ticked'],
    fix: 'Tick the box once this is done.',
  });
  return {
    version: 1,
    passed: false,
    conclusion: 'fail',
    summary: `${items} of ${items} required items open`,
    counts: { total: items, required: items, done: 0, open: items, optional: 0, notRequired: 0 },
    checklist: { found: true, where: 'the whole description', items },
    policy: { source: 'default', path: null },
    items: Array.from({ length: items }, (_, index) => item(index)),
    sections: [],
    errors: [],
    notes: [],
  };
}

describe("GitHub's size limits", () => {
  it('keeps the report output under 1 MB, saying how many items were left out', () => {
    const report = bigReport(5000);
    expect(JSON.stringify(report).length).toBeGreaterThan(1_000_000);
    const output = reportOutput(report);
    expect(output.length).toBeLessThanOrEqual(1_000_000);
    const parsed = JSON.parse(output) as Report & { truncated: { items: number } };
    expect(parsed.truncated.items).toBe(5000 - parsed.items.length);
    expect(parsed.items.length).toBeGreaterThan(1000);
    expect(parsed.summary).toBe('5000 of 5000 required items open');
  });

  it('leaves a report that fits as it is', () => {
    const report = bigReport(3);
    expect(reportOutput(report)).toBe(JSON.stringify(report));
    expect(reportOutput(null)).toBe('null');
  });

  it('cuts a comment to 65,536 characters, keeping its marker and verdict stamp', () => {
    const stamp = { evaluated: '2026-11-20T10:00:00Z', state: 'failure' as const, description: 'a -- b' };
    const body = commentBody('checklist-gate', stamp, 'x'.repeat(200_000));
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- checklist-gate:checklist-gate -->\n')).toBe(true);
    expect(body).toContain("… and more, cut to fit GitHub's size limit.");
    expect(stampOf({ id: 1, body, authorLogin: 'bot', authorIsBot: true })).toEqual(stamp);
  });

  it('posts a status description of at most 140 characters however long the summary', async () => {
    const heading = 'Release checklist '.repeat(20);
    const emulator = new GitHubEmulator({
      files: {
        master: { '.github/checklist-gate.yml': `version: 1\nchecklist:\n  heading: "${heading}"\n` },
      },
      pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: '- [x] a\n' }],
    });
    const apiUrl = await emulator.start();
    try {
      const run = await runAction({
        apiUrl,
        eventName: 'pull_request',
        payload: pullRequestEvent('opened', ''),
      });
      expect(run.code).toBe(1);
      const description = emulator.statuses[0]?.description ?? '';
      expect(description.length).toBe(140);
      expect(description.startsWith('No checklist found: the section under the heading')).toBe(true);
      expect(description.endsWith('…')).toBe(true);
    } finally {
      await emulator.stop();
    }
  });
});
