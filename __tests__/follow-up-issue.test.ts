import type { EmergencyException, Report } from '../src/evaluate/report.js';
import { resolveTarget } from '../src/gate/target.js';
import { followUpMarker } from '../src/read/follow-up-issue.js';
import { followUpDue, followUpIssue } from '../src/report/follow-up-issue.js';

const REPOSITORY = { owner: 'acme', repo: 'shop' };

const EMERGENCY: EmergencyException = {
  kind: 'emergency',
  label: 'emergency',
  approvers: ['carol'],
  approvedBy: { login: 'carol', by: 'review' },
  state: 'accepted',
  followUp: 'issue',
  deferred: [
    {
      kind: 'item',
      id: 'canary',
      text: 'Canary @everyone #12',
      line: 4,
      section: null,
      problem: 'not ticked',
    },
    { kind: 'section', id: null, text: 'Database', line: null, section: 'Database', problem: 'failing' },
  ],
};

const reportWith = (emergency: EmergencyException) => ({ exceptions: [emergency] }) as unknown as Report;

describe('the follow-up issue', () => {
  it('is owed only for an approved emergency release whose policy asks for one', () => {
    expect(followUpDue(reportWith(EMERGENCY))).toBe(EMERGENCY);
    expect(followUpDue(reportWith({ ...EMERGENCY, state: 'needs-approval', approvedBy: null }))).toBeNull();
    expect(followUpDue(reportWith({ ...EMERGENCY, followUp: 'none' }))).toBeNull();
    expect(followUpDue({ exceptions: [] } as unknown as Report)).toBeNull();
  });

  it('starts with the marker, names the pull request and lists each deferred item with a link, pinging no one', () => {
    const marker = followUpMarker(REPOSITORY, 42);
    expect(marker).toBe('<!-- checklist-gate:follow-up acme/shop#42 -->');
    const issue = followUpIssue(
      EMERGENCY,
      {
        number: 42,
        title: 'Hotfix',
        htmlUrl: 'https://github.com/acme/shop/pull/42',
        headSha: 'a'.repeat(40),
      },
      marker,
    );
    expect(issue.title).toBe('Follow up the emergency release #42: 2 deferred items');
    const lines = issue.body.split('\n');
    expect(lines[0]).toBe(marker);
    expect(lines[1]).toContain('Pull request #42 (Hotfix) was merged as an emergency release');
    expect(lines[1]).toContain('approved by @\u200bcarol');
    expect(lines).toContain(
      "- [ ] **Canary @\u200beveryone \\#\u200b12** `canary`: not ticked ([line 4 of the pull request's description](https://github.com/acme/shop/pull/42))",
    );
    expect(lines).toContain(
      '- [ ] **section Database**: failing ([the pull request](https://github.com/acme/shop/pull/42))',
    );
  });
});

describe('the closed event', () => {
  const input = (pr: Record<string, unknown>) => ({
    eventName: 'pull_request_target',
    payload: {
      action: 'closed',
      pull_request: { number: 42, base: { ref: 'main' }, head: { sha: 'b'.repeat(40) }, ...pr },
    },
    repository: REPOSITORY,
    sha: 'f'.repeat(40),
    body: null,
    prNumber: null,
  });

  it('merged: the follow-up of the pull request, from when it was merged', () => {
    expect(resolveTarget(input({ merged: true, merged_at: '2026-11-20T11:00:00Z' }))).toEqual({
      kind: 'merged',
      repository: REPOSITORY,
      number: 42,
      payloadBase: 'main',
      payloadHeadSha: 'b'.repeat(40),
      defaultBranch: 'main',
      mergedAt: '2026-11-20T11:00:00Z',
    });
  });

  it('closed without merging: nothing', () => {
    expect(resolveTarget(input({ merged: false, merged_at: null }))).toMatchObject({ kind: 'nothing' });
  });
});
