import { parseChecklist } from '../src/checklist/parse.js';
import type { EvaluationContext } from '../src/evaluate/context.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import {
  workflowFileKey,
  type EvidenceFacts,
  type LinkFacts,
  type SignoffFacts,
} from '../src/evaluate/facts.js';
import { parseGitHubLink } from '../src/evaluate/github-link.js';
import { factsNeeded } from '../src/evaluate/plan-facts.js';
import type { Report, ReportItem } from '../src/evaluate/report.js';
import { policyOf } from './helpers/policy-of.js';

const HOST = 'github.com';
const REPO = 'https://github.com/Codertocat/Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const OLD = '7638417db6d59f3c431d3e1f261cc637155684cd';

const PR: EvaluationContext = { event: 'pull_request', baseBranch: 'master', labels: [], changedPaths: [] };

function check(markdown: string, yaml: string, context: Partial<EvaluationContext> = {}): Report {
  return evaluate(parseChecklist(markdown), policyOf(yaml), { ...PR, ...context });
}

function only(report: Report, id: string): ReportItem {
  const found = report.items.filter((item) => item.id === id);
  expect(found).toHaveLength(1);
  return found[0] as ReportItem;
}

function key(url: string): string {
  const link = parseGitHubLink(url, HOST);
  if (!link) throw new Error(`not a GitHub link: ${url}`);
  return link.key;
}

/** Evidence facts as the action would gather them: what the API said, by link. */
function evidence(byUrl: [string, LinkFacts][], overrides: Partial<EvidenceFacts> = {}): EvidenceFacts {
  return {
    host: HOST,
    commit: HEAD,
    repository: 'Codertocat/Hello-World',
    links: new Map(byUrl.map(([url, facts]) => [key(url), facts])),
    maxLinks: 20,
    baseBranch: 'master',
    workflowFiles: new Map(),
    author: 'Codertocat',
    ...overrides,
  };
}

function signoffs(overrides: Partial<SignoffFacts> = {}): SignoffFacts {
  return { approvedBy: [], teams: new Map(), edit: null, history: null, ...overrides };
}

const completed = (
  kind: 'run' | 'job' | 'check-run',
  conclusion: string | null = 'success',
  headSha = HEAD,
): LinkFacts => ({ found: true, kind, status: 'completed', conclusion, headSha });

const VERIFY = `version: 1
items:
  - id: ci
    text: Evidence
    evidence:
      verify: true
`;
const SAME_COMMIT = VERIFY.replace('verify: true', 'verify: true\n      same-commit: true');

/** Judges one ticked item carrying one link, with what the API said of it. */
function judgeLink(
  url: string,
  facts: LinkFacts | null,
  yaml = VERIFY,
  commit: string | null = HEAD,
): ReportItem {
  const report = check(`- [x] Evidence: ${url}\n`, yaml, {
    evidence: evidence(facts ? [[url, facts]] : [], { commit }),
    signoffs: signoffs(),
  });
  return only(report, 'ci');
}

describe('verified evidence: every way a link passes', () => {
  it.each<[string, string, LinkFacts]>([
    ['a successful run', `${REPO}/actions/runs/11`, completed('run')],
    ['a successful attempt', `${REPO}/actions/runs/11/attempts/2`, completed('run')],
    ['a successful job', `${REPO}/actions/runs/11/job/77`, completed('job')],
    ['a successful check run', `${REPO}/runs/501`, completed('check-run')],
    ['a merged pull request', `${REPO}/pull/8`, { found: true, kind: 'pull', merged: true, state: 'closed' }],
    [
      'an issue closed as completed',
      `${REPO}/issues/30`,
      { found: true, kind: 'issue', state: 'closed', stateReason: 'completed', pullRequestMerged: null },
    ],
    [
      'an issue closed without a reason (closed before GitHub recorded reasons)',
      `${REPO}/issues/33`,
      { found: true, kind: 'issue', state: 'closed', stateReason: null, pullRequestMerged: null },
    ],
    ['a commit that exists', `${REPO}/commit/deadbeef`, { found: true, kind: 'commit' }],
    ['a published release', `${REPO}/releases/tag/v1.0`, { found: true, kind: 'release', draft: false }],
    [
      'a run on another commit without same-commit',
      `${REPO}/actions/runs/11`,
      completed('run', 'success', OLD),
    ],
  ])('%s', (_name, url, facts) => {
    const item = judgeLink(url, facts);
    expect([item.status, item.problems, item.fix]).toEqual(['ok', [], null]);
  });

  it('same-commit: a run on the commit under review, the sha compared without regard to case', () => {
    const item = judgeLink(
      `${REPO}/actions/runs/11`,
      completed('run', 'success', HEAD.toUpperCase()),
      SAME_COMMIT,
    );
    expect(item.status).toBe('ok');
  });
});

describe('verified evidence: every refusal, in words', () => {
  it.each<[string, string, LinkFacts, string]>([
    ['a run that failed', `${REPO}/actions/runs/11`, completed('run', 'failure'), 'run 11 concluded failure'],
    [
      'a cancelled job',
      `${REPO}/actions/runs/11/job/77`,
      completed('job', 'cancelled'),
      'job 77 concluded cancelled',
    ],
    [
      'a completed check run without a conclusion',
      `${REPO}/runs/501`,
      completed('check-run', null),
      'check run 501 concluded without a conclusion',
    ],
    [
      'a run still in progress',
      `${REPO}/actions/runs/11`,
      { found: true, kind: 'run', status: 'in_progress', conclusion: null, headSha: HEAD },
      'run 11 has not completed (it is in_progress)',
    ],
    [
      'a queued attempt',
      `${REPO}/actions/runs/11/attempts/3`,
      { found: true, kind: 'run', status: 'queued', conclusion: null, headSha: HEAD },
      'run 11 (attempt 3) has not completed (it is queued)',
    ],
    [
      'a pull request not merged',
      `${REPO}/pull/9`,
      { found: true, kind: 'pull', merged: false, state: 'closed' },
      'PR #9 is not merged',
    ],
    [
      'an open issue',
      `${REPO}/issues/32`,
      { found: true, kind: 'issue', state: 'open', stateReason: null, pullRequestMerged: null },
      'issue #32 is still open',
    ],
    [
      'an issue closed as not planned',
      `${REPO}/issues/31`,
      { found: true, kind: 'issue', state: 'closed', stateReason: 'not_planned', pullRequestMerged: null },
      'issue #31 was closed as not planned, not as completed',
    ],
    [
      'a draft release',
      `${REPO}/releases/tag/v1.1-rc`,
      { found: true, kind: 'release', draft: true },
      'release v1.1-rc is a draft, not published',
    ],
    [
      'a run that does not exist',
      `${REPO}/actions/runs/14`,
      { found: false, reason: 'not-found', detail: 'not found' },
      'no such run (run 14 in Codertocat/Hello-World), or this token cannot read that repository',
    ],
    [
      'a pull request that does not exist',
      `${REPO}/pull/404`,
      { found: false, reason: 'not-found', detail: 'not found' },
      'no such pull request (PR #404 in Codertocat/Hello-World), or this token cannot read that repository',
    ],
    [
      'a commit that does not exist',
      `${REPO}/commit/deadbee`,
      { found: false, reason: 'not-found', detail: 'not found' },
      'no such commit (commit deadbee in Codertocat/Hello-World), or this token cannot read that repository',
    ],
    [
      'a release that does not exist',
      `${REPO}/releases/tag/v9`,
      { found: false, reason: 'not-found', detail: 'not found' },
      'no such release (release v9 in Codertocat/Hello-World), or this token cannot read that repository',
    ],
    [
      'a run in a repository the token cannot read',
      'https://github.com/octo-org/secret/actions/runs/7',
      { found: false, reason: 'unreadable', detail: 'forbidden' },
      'run 7 in octo-org/secret cannot be read with this token, so it is unverifiable',
    ],
    [
      'a link whose check failed otherwise',
      `${REPO}/issues/34`,
      { found: false, reason: 'failed', detail: 'GitHub answered 500' },
      'issue #34 in Codertocat/Hello-World could not be checked: GitHub answered 500',
    ],
  ])('%s', (_name, url, facts, reason) => {
    const item = judgeLink(url, facts);
    expect(item.status).toBe('bad-evidence');
    expect(item.problems).toEqual([`${url} is not accepted: ${reason}`]);
    expect(item.fix).toBe('Replace the link with a link to the evidence (a full http(s) address).');
  });

  it('a check run that does not exist is named as a check run', () => {
    const item = judgeLink(`${REPO}/runs/502`, { found: false, reason: 'not-found', detail: 'not found' });
    expect(item.problems).toEqual([
      `${REPO}/runs/502 is not accepted: no such check run (check run 502 in Codertocat/Hello-World), or this token cannot read that repository`,
    ]);
  });

  it('same-commit: a run on another commit names both commits', () => {
    const item = judgeLink(`${REPO}/actions/runs/21`, completed('run', 'success', OLD), SAME_COMMIT);
    expect(item.status).toBe('bad-evidence');
    expect(item.problems).toEqual([
      `${REPO}/actions/runs/21 is not accepted: run 21 ran on 7638417, not on the commit under review (ec26c3e)`,
    ]);
  });

  it('same-commit applies to jobs and check runs too', () => {
    expect(
      judgeLink(`${REPO}/actions/runs/1/job/77`, completed('job', 'success', OLD), SAME_COMMIT).problems,
    ).toEqual([
      `${REPO}/actions/runs/1/job/77 is not accepted: job 77 ran on 7638417, not on the commit under review (ec26c3e)`,
    ]);
    expect(judgeLink(`${REPO}/runs/501`, completed('check-run', 'success', OLD), SAME_COMMIT).status).toBe(
      'bad-evidence',
    );
  });

  it('a link past the verification limit (no facts for it) is refused, naming the limit', () => {
    const url = `${REPO}/actions/runs/43`;
    const report = check(`- [x] Evidence: ${url}\n`, VERIFY, {
      evidence: evidence([], { maxLinks: 2 }),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'bad-evidence',
      problems: [`${url} is not accepted: not verified: one evaluation verifies at most 2 distinct links`],
    });
  });

  it('a link on another host is refused: verify asks for proof it cannot give', () => {
    const url = 'https://grafana.acme.dev/d/x';
    const report = check(`- [x] Evidence: ${url}\n`, VERIFY, {
      evidence: evidence([]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'bad-evidence',
      problems: [`${url} is not accepted: it is not on github.com, so it cannot be verified`],
    });
    expect(report.notes).toEqual([]);
  });

  it('a link the allow-list rejects is refused before any verification, with the allow-list reason', () => {
    const url = `${REPO}/pull/8`;
    const yaml = VERIFY.replace(
      'verify: true',
      'verify: true\n      allow: ["https://github.com/*/*/actions/runs/*"]',
    );
    const item = judgeLink(url, { found: true, kind: 'pull', merged: true, state: 'closed' }, yaml);
    expect(item).toMatchObject({
      status: 'bad-evidence',
      problems: [
        `${url} is not accepted: it does not match the allowed links (https://github.com/*/*/actions/runs/*)`,
      ],
      fix: 'Replace the link with a link to a GitHub Actions run.',
    });
  });

  it('one good link is enough when min is 1; the refused one is not held against the item', () => {
    const good = `${REPO}/actions/runs/11`;
    const bad = `${REPO}/actions/runs/12`;
    const report = check(`- [x] Evidence: ${bad} ${good}\n`, VERIFY, {
      evidence: evidence([
        [good, completed('run')],
        [bad, completed('run', 'failure')],
      ]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({ status: 'ok', problems: [] });
  });

  it('min 2 with one verified and one refused link: the refusal is the problem', () => {
    const good = `${REPO}/actions/runs/11`;
    const bad = `${REPO}/actions/runs/12`;
    const yaml = VERIFY.replace('verify: true', 'verify: true\n      min: 2');
    const report = check(`- [x] Evidence: ${good} ${bad}\n`, yaml, {
      evidence: evidence([
        [good, completed('run')],
        [bad, completed('run', 'failure')],
      ]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'bad-evidence',
      problems: [`${bad} is not accepted: run 12 concluded failure`],
      fix: 'Replace the link with 2 links to the evidence (a full http(s) address).',
    });
  });

  it('min 2 with one verified link and nothing refused: too few links', () => {
    const good = `${REPO}/actions/runs/11`;
    const yaml = VERIFY.replace('verify: true', 'verify: true\n      min: 2');
    const report = check(`- [x] Evidence: ${good}\n`, yaml, {
      evidence: evidence([[good, completed('run')]]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'no-evidence',
      problems: ['ticked with 1 acceptable link: needs 2 links to the evidence (a full http(s) address)'],
    });
  });

  it('an optional item keeps its problems but does not fail the gate', () => {
    const url = `${REPO}/actions/runs/12`;
    const yaml = VERIFY.replace('    text: Evidence', '    text: Evidence\n    required: false');
    const report = check(`- [x] Evidence: ${url}\n- [x] Other\n`, yaml, {
      evidence: evidence([[url, completed('run', 'failure')]]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'optional',
      problems: [`${url} is not accepted: run 12 concluded failure`],
    });
    expect(report.passed).toBe(true);
  });

  it('without verify, the API facts are not consulted at all', () => {
    const url = `${REPO}/actions/runs/12`;
    const yaml = 'version: 1\nitems:\n  - id: ci\n    text: Evidence\n    evidence: {}\n';
    const item = judgeLink(url, completed('run', 'failure'), yaml);
    expect(item.status).toBe('ok');
  });
});

describe('verified evidence that cannot be borrowed', () => {
  it.each([
    [`${REPO}/actions/runs/12ab`, 'its run id "12ab" is not a number'],
    [`${REPO}/actions/runs/%31%30%31`, 'its run id is percent-encoded; write it as plain digits'],
    [`${REPO}/actions/runs/${'9'.repeat(20)}`, 'its run id has more digits than a GitHub id can have'],
    [`${REPO}/runs/anything`, 'its check run id "anything" is not a number'],
    [`${REPO}/actions/runs/11/job/latest`, 'its job id "latest" is not a number'],
    [
      `${REPO}/blob/main/ci.log`,
      'it is not a link to an Actions run, job, check run, pull request, issue, commit or release on github.com',
    ],
  ])('%s is refused, with or without same-commit', (url, reason) => {
    for (const yaml of [VERIFY, SAME_COMMIT]) {
      const item = judgeLink(url, null, yaml);
      expect([item.status, item.problems]).toEqual([
        'bad-evidence',
        [`${url} is not accepted: ${reason}, so it cannot be verified`],
      ]);
    }
  });

  it('min counts distinct targets: runs/101 and runs/0101 are one run, a job and its check run one', () => {
    const yaml = VERIFY.replace('verify: true', 'verify: true\n      min: 2');
    const run = `${REPO}/actions/runs/101`;
    const padded = `${REPO}/actions/runs/0101`;
    const report = check(`- [x] Evidence: ${run} ${padded}\n`, yaml, {
      evidence: evidence([[run, completed('run')]]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'no-evidence',
      problems: [
        'ticked with 2 acceptable links, to 1 distinct target: needs 2 links to the evidence (a full http(s) address)',
      ],
    });
    const job = `${REPO}/actions/runs/7/job/501`;
    const check501 = `${REPO}/runs/501`;
    const same = check(`- [x] Evidence: ${job} ${check501}\n`, yaml, {
      evidence: evidence([
        [job, completed('job')],
        [check501, completed('check-run')],
      ]),
      signoffs: signoffs(),
    });
    expect(only(same, 'ci').status).toBe('no-evidence');
    const two = `${REPO}/actions/runs/102`;
    const distinct = check(`- [x] Evidence: ${run} ${two}\n`, yaml, {
      evidence: evidence([
        [run, completed('run')],
        [two, completed('run')],
      ]),
      signoffs: signoffs(),
    });
    expect(only(distinct, 'ci').status).toBe('ok');
  });

  it('same-commit: a run of the right commit in another repository is refused by default', () => {
    const url = 'https://github.com/mallory/scratch/actions/runs/5';
    const item = judgeLink(url, completed('run'), SAME_COMMIT);
    expect([item.status, item.problems]).toEqual([
      'bad-evidence',
      [
        `${url} is not accepted: run 5 is in mallory/scratch, not in the repository under review (Codertocat/Hello-World); name other repositories in evidence.repositories`,
      ],
    ]);
    // Without same-commit the rule asks only for a green run, wherever it is.
    expect(judgeLink(url, completed('run')).status).toBe('ok');
  });

  it('same-commit: a repository the rule names counts, compared without regard to case', () => {
    const yaml = SAME_COMMIT.replace(
      'same-commit: true',
      'same-commit: true\n      repositories: [Acme/CI-Runs]',
    );
    expect(judgeLink('https://github.com/acme/ci-runs/runs/9', completed('check-run'), yaml).status).toBe(
      'ok',
    );
    expect(judgeLink('https://github.com/acme/other/runs/9', completed('check-run'), yaml).status).toBe(
      'bad-evidence',
    );
    // The repository under review is compared without regard to case too.
    expect(
      judgeLink('https://github.com/codertocat/hello-world/actions/runs/11', completed('run'), yaml).status,
    ).toBe('ok');
  });
});

describe('the CLI: no API facts', () => {
  it('verify passes on the allow-list alone, with a note per item', () => {
    const url = `${REPO}/actions/runs/12`;
    const report = check(`- [x] Evidence: ${url}\n`, VERIFY, { evidence: null, signoffs: null });
    expect(report.passed).toBe(true);
    expect(only(report, 'ci').status).toBe('ok');
    expect(report.notes).toEqual(['ci: its links were not verified; the CLI does not call the GitHub API.']);
  });

  it('evidence and signoffs absent from the context count as the CLI', () => {
    const url = `${REPO}/actions/runs/12`;
    const yaml = `${VERIFY}    approvers: [alice]\n`;
    const report = check(`- [x] Evidence: ${url}\n`, yaml);
    expect(only(report, 'ci').status).toBe('ok');
    expect(report.notes).toEqual([
      'ci: its links were not verified; the CLI does not call the GitHub API.',
      'ci: its approvers were not checked; the CLI does not call the GitHub API.',
    ]);
  });

  it('approvers pass unchecked, with a note', () => {
    const yaml = 'version: 1\nitems:\n  - id: signoff\n    text: QA sign-off\n    approvers: [alice]\n';
    const report = check('- [x] QA sign-off\n', yaml, { evidence: null, signoffs: null });
    expect(report.passed).toBe(true);
    expect(report.notes).toEqual([
      'signoff: its approvers were not checked; the CLI does not call the GitHub API.',
    ]);
  });

  it('the CLI still refuses what the allow-list refuses', () => {
    const report = check('- [x] Evidence: https://example.com/run\n', VERIFY, {
      evidence: null,
      signoffs: null,
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'bad-evidence',
      problems: ['https://example.com/run is not accepted: it is a placeholder address'],
    });
  });
});

const SIGNOFF = `version: 1
items:
  - id: qa
    text: QA sign-off
    approvers: [alice, acme/release]
  - id: notes
    text: Release notes written
`;
const SIGNED = '- [x] QA sign-off\n- [x] Release notes written\n';

describe('approvers', () => {
  it('an approving review on the head commit by a listed login passes (logins compared without case)', () => {
    const report = check(SIGNED, SIGNOFF.replace('[alice,', '[Alice,'), {
      evidence: evidence([]),
      signoffs: signoffs({ approvedBy: ['alice'], teams: new Map([['acme/release', { members: [] }]]) }),
    });
    expect(only(report, 'qa')).toMatchObject({ status: 'ok', problems: [] });
    expect(report.summary).toBe('All 2 required items done');
  });

  it('an approving review by a member of a listed team passes', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({ approvedBy: ['bob'], teams: new Map([['acme/release', { members: ['bob'] }]]) }),
    });
    expect(only(report, 'qa').status).toBe('ok');
  });

  it('no approval: unapproved, counted as open, named in the summary and the fix', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        approvedBy: ['mallory'],
        teams: new Map([['acme/release', { members: ['bob'] }]]),
      }),
    });
    expect(only(report, 'qa')).toEqual(
      expect.objectContaining({
        status: 'unapproved',
        required: true,
        problems: ['no approval from @alice or a member of @acme/release'],
        fix: 'Ask @alice or a member of @acme/release to approve the pull request (a review on its current head commit), or to tick the box themselves.',
      }),
    );
    expect(report.passed).toBe(false);
    expect(report.conclusion).toBe('fail');
    expect(report.summary).toBe('1 of 2 required items open');
    expect(report.counts).toEqual({ total: 2, required: 2, done: 1, open: 1, optional: 0, notRequired: 0 });
  });

  it('an unreadable team: the problem says which permission is missing', () => {
    const error =
      'cannot read the members of acme/release: the token needs the organization permission "Members: read" (a GitHub App or a fine-grained token; the workflow token cannot read teams), or the team does not exist';
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({ approvedBy: ['bob'], teams: new Map([['acme/release', { error }]]) }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['no approval from @alice or a member of @acme/release', error],
    });
  });

  it('a team whose members were not read at all is named', () => {
    const report = check(SIGNED, SIGNOFF, { signoffs: signoffs({ approvedBy: ['bob'] }) });
    expect(only(report, 'qa').problems).toEqual([
      'no approval from @alice or a member of @acme/release',
      'the members of acme/release were not read',
    ]);
  });

  it('an unreadable team does not matter when a listed login approved', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({ approvedBy: ['alice'], teams: new Map([['acme/release', { error: 'nope' }]]) }),
    });
    expect(only(report, 'qa')).toMatchObject({ status: 'ok', problems: [] });
  });

  it('three approvers are listed with commas and "or"', () => {
    const yaml =
      'version: 1\nitems:\n  - id: qa\n    text: QA sign-off\n    approvers: [alice, bob, carol]\n';
    const report = check('- [x] QA sign-off\n', yaml, { signoffs: signoffs() });
    expect(only(report, 'qa').problems).toEqual(['no approval from @alice, @bob or @carol']);
  });

  const UNSIGNED = '- [ ] QA sign-off\n- [x] Release notes written\n';
  const revisions = (...entries: [string, string | null][]) =>
    entries.map(([editor, body]) => ({ editor, body }));

  it('the revision that ticked it, made by an approver, passes', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        history: revisions(['Codertocat', UNSIGNED], ['ALICE', SIGNED]),
        teams: new Map([['acme/release', { members: [] }]]),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({ status: 'ok', problems: [] });
    expect(report.passed).toBe(true);
  });

  it('the revision that added it already ticked, made by a team member, passes', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        history: revisions(['Codertocat', '- [x] Release notes written\n'], ['bob', SIGNED]),
        teams: new Map([['acme/release', { members: ['bob'] }]]),
      }),
    });
    expect(only(report, 'qa').status).toBe('ok');
  });

  it('the revision that ticked it, made by someone else, fails naming who ticked it', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        history: revisions(['alice', UNSIGNED], ['carol', SIGNED]),
        teams: new Map([['acme/release', { members: ['bob'] }]]),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @carol, who is not an approver'],
    });
  });

  it("the triggering edit's sender is not credited without the edit history", () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        edit: { sender: 'alice', previousBody: UNSIGNED, body: SIGNED },
        teams: new Map([['acme/release', { members: [] }]]),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['no approval from @alice or a member of @acme/release'],
    });
  });

  it('a replayed edit: its sender is not credited when the history shows a later revision by someone else', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        edit: { sender: 'alice', previousBody: UNSIGNED, body: SIGNED },
        history: revisions(
          ['Codertocat', UNSIGNED],
          ['alice', SIGNED],
          ['carol', UNSIGNED],
          ['carol', SIGNED],
        ),
        teams: new Map([['acme/release', { members: [] }]]),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @carol, who is not an approver'],
    });
    expect(report.notes).toContain(
      "The edit by @alice that triggered this run is not the description's latest revision (a re-run replays an old event), so who ticked each box is read from the edit history alone.",
    );
  });

  it('a current edit by an approver agrees with the latest revision: credited, with no note', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        edit: { sender: 'alice', previousBody: UNSIGNED, body: SIGNED },
        history: revisions(['Codertocat', UNSIGNED], ['alice', SIGNED]),
        teams: new Map([['acme/release', { members: [] }]]),
      }),
    });
    expect(only(report, 'qa').status).toBe('ok');
    expect(report.notes).toEqual([]);
  });

  it('a revision that did not tick the item proves nothing about it, whoever made it', () => {
    const report = check(SIGNED, SIGNOFF, {
      signoffs: signoffs({
        history: revisions(
          ['Codertocat', '- [x] QA sign-off\n- [ ] Release notes written\n'],
          ['alice', SIGNED],
        ),
        teams: new Map([['acme/release', { members: [] }]]),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @Codertocat, who is not an approver'],
    });
  });

  it('a reworded item is a new item: whoever reworded it ticked it', () => {
    const yaml = 'version: 1\nitems:\n  - id: qa\n    approvers: [alice]\n';
    const report = check('- [x] QA signed off by the lead <!-- id: qa -->\n', yaml, {
      signoffs: signoffs({
        history: revisions(
          ['alice', '- [x] QA sign-off <!-- id: qa -->\n'],
          ['bob', '- [x] QA signed off by the lead <!-- id: qa -->\n'],
        ),
      }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unapproved',
      problems: ['ticked by @bob, who is not an approver'],
    });
  });

  it('evidence is judged before the sign-off', () => {
    const yaml = `${VERIFY}    approvers: [alice]\n`;
    const url = `${REPO}/actions/runs/12`;
    const report = check(`- [x] Evidence: ${url}\n`, yaml, {
      evidence: evidence([[url, completed('run', 'failure')]]),
      signoffs: signoffs(),
    });
    expect(only(report, 'ci')).toMatchObject({
      status: 'bad-evidence',
      problems: [`${url} is not accepted: run 12 concluded failure`],
    });
  });

  it('an unticked item with approvers says who must vouch for it', () => {
    const report = check('- [ ] QA sign-off\n- [x] Release notes written\n', SIGNOFF, {
      signoffs: signoffs(),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'unchecked',
      problems: ['not ticked'],
      fix: 'Tick the box once this is done. It counts once @alice or a member of @acme/release approves the pull request or ticks it.',
    });
  });

  it('an optional item that is not approved stays optional', () => {
    const yaml = SIGNOFF.replace('    approvers:', '    required: false\n    approvers:');
    const report = check(SIGNED, yaml, {
      signoffs: signoffs({ teams: new Map([['acme/release', { members: [] }]]) }),
    });
    expect(only(report, 'qa')).toMatchObject({
      status: 'optional',
      problems: ['no approval from @alice or a member of @acme/release'],
    });
    expect(report.passed).toBe(true);
    expect(report.counts).toMatchObject({ required: 1, open: 0, optional: 1 });
  });
});

describe('factsNeeded', () => {
  const doc = (markdown: string) => parseChecklist(markdown);

  it('only the links of ticked items whose rule verifies, and only those the allow-list accepts', () => {
    const yaml = `version: 1
items:
  - id: ci
    text: CI green
    evidence:
      verify: true
      allow: ["https://github.com/*/*/actions/runs/*"]
  - id: docs
    text: Docs merged
    evidence: {}
  - id: perf
    text: Perf checked
    evidence:
      verify: true
`;
    const markdown = [
      `- [x] CI green: ${REPO}/actions/runs/11 ${REPO}/pull/5 https://grafana.acme.dev/d/x`,
      `- [x] Docs merged: ${REPO}/pull/6`,
      `- [ ] Perf checked: ${REPO}/actions/runs/12`,
      `- [x] Unlisted: ${REPO}/actions/runs/13`,
      '',
    ].join('\n');
    const needed = factsNeeded(doc(markdown), policyOf(yaml), HOST, PR);
    expect(needed.links.map((link) => link.key)).toEqual(['run:codertocat/hello-world:11']);
    expect(needed.overLimit).toBe(0);
    expect(needed).toMatchObject({ changedFiles: false, reviews: false, teams: [] });
  });

  it('links are found on the item line and in bullets under it, on any host that is the given one', () => {
    const markdown = `- [x] Evidence: ${REPO}/issues/3\n  - [the job](${REPO}/actions/runs/4/job/5)\n`;
    expect(factsNeeded(doc(markdown), policyOf(VERIFY), HOST, PR).links.map((link) => link.key)).toEqual([
      'issue:codertocat/hello-world:3',
      'job:codertocat/hello-world:5',
    ]);
    expect(factsNeeded(doc(markdown), policyOf(VERIFY), 'ghe.acme.dev', PR).links).toEqual([]);
  });

  it('one link per target: repeats within an item and across items are fetched once', () => {
    const yaml = `version: 1
items:
  - id: a
    text: A
    evidence: { verify: true }
  - id: b
    text: B
    evidence: { verify: true }
`;
    const markdown = [
      `- [x] A: ${REPO}/actions/runs/11 ${REPO}/actions/runs/11?check_suite_focus=true`,
      `- [x] B: ${REPO}/actions/runs/11#logs ${REPO}/pull/9 ${REPO}/pull/9/files`,
      '',
    ].join('\n');
    const needed = factsNeeded(doc(markdown), policyOf(yaml), HOST, PR);
    expect(needed.links.map((link) => link.key)).toEqual([
      'run:codertocat/hello-world:11',
      'pull:codertocat/hello-world:9',
    ]);
  });

  it('the limit: at most max-links distinct links, the rest counted in overLimit', () => {
    const yaml = `version: 1
verification:
  max-links: 2
items:
  - match: "^Run"
    evidence: { verify: true }
`;
    const markdown = [11, 12, 13, 14, 13]
      .map((id) => `- [x] Run ${id}: ${REPO}/actions/runs/${id}`)
      .join('\n');
    const needed = factsNeeded(doc(markdown), policyOf(yaml), HOST, PR);
    expect(needed.links.map((link) => link.key)).toEqual([
      'run:codertocat/hello-world:11',
      'run:codertocat/hello-world:12',
    ]);
    expect(needed.overLimit).toBe(2);
  });

  it('the default limit is 20', () => {
    const markdown = Array.from(
      { length: 25 },
      (_, id) => `- [x] Evidence: ${REPO}/actions/runs/${id + 1}`,
    ).join('\n');
    const needed = factsNeeded(doc(markdown), policyOf(VERIFY), HOST, PR);
    expect(needed.links).toHaveLength(20);
    expect(needed.overLimit).toBe(5);
  });

  it('links are taken in description order, so the limit cuts the last ones in the description', () => {
    const yaml = `version: 1
verification:
  max-links: 1
items:
  - id: second
    text: Second
    evidence: { verify: true }
  - id: first
    text: First
    evidence: { verify: true }
`;
    const markdown = `- [x] First: ${REPO}/actions/runs/1\n- [x] Second: ${REPO}/actions/runs/2\n`;
    const needed = factsNeeded(doc(markdown), policyOf(yaml), HOST, PR);
    expect(needed.links.map((link) => link.key)).toEqual(['run:codertocat/hello-world:1']);
  });

  it('changed files only when an item or a section has a paths condition', () => {
    const markdown = '## Database\n- [x] Migration reviewed\n';
    const labelsOnly =
      'version: 1\nitems:\n  - text: Migration reviewed\n    when: { labels: [db], branches: [main] }\n';
    const itemPaths = 'version: 1\nitems:\n  - text: Migration reviewed\n    when: { paths: ["db/**"] }\n';
    const sectionPaths = 'version: 1\nsections:\n  - heading: Database\n    when: { paths: ["db/**"] }\n';
    const untickedPaths =
      'version: 1\nitems:\n  - text: Not in the checklist\n    when: { paths: ["db/**"] }\n';
    expect(factsNeeded(doc(markdown), policyOf(labelsOnly), HOST, PR).changedFiles).toBe(false);
    expect(factsNeeded(doc(markdown), policyOf(itemPaths), HOST, PR).changedFiles).toBe(true);
    expect(factsNeeded(doc(markdown), policyOf(sectionPaths), HOST, PR).changedFiles).toBe(true);
    expect(factsNeeded(doc(markdown), policyOf(untickedPaths), HOST, PR).changedFiles).toBe(true);
  });

  it('reviews and teams only for ticked items with approvers; teams in lower case, once each', () => {
    const yaml = `version: 1
items:
  - text: QA sign-off
    approvers: [alice, Acme/Release]
  - text: Security sign-off
    approvers: [acme/release, acme/security]
  - text: Legal sign-off
    approvers: [acme/legal]
`;
    const ticked = '- [x] QA sign-off\n- [x] Security sign-off\n- [ ] Legal sign-off\n';
    expect(factsNeeded(doc(ticked), policyOf(yaml), HOST, PR)).toMatchObject({
      reviews: true,
      teams: ['acme/release', 'acme/security'],
      links: [],
    });
    const none = '- [ ] QA sign-off\n- [ ] Security sign-off\n- [ ] Legal sign-off\n';
    expect(factsNeeded(doc(none), policyOf(yaml), HOST, PR)).toMatchObject({ reviews: false, teams: [] });
  });

  it('only the checklist block is read', () => {
    const yaml = `version: 1\nchecklist:\n  heading: Release\n${VERIFY.replace('version: 1\n', '')}`;
    const markdown = `- [x] Evidence: ${REPO}/actions/runs/1\n## Release\n- [x] Evidence: ${REPO}/actions/runs/2\n`;
    expect(factsNeeded(doc(markdown), policyOf(yaml), HOST, PR).links.map((link) => link.key)).toEqual([
      'run:codertocat/hello-world:2',
    ]);
  });
});

describe('verified evidence: the workflow a run belongs to, and who closed an issue or merged a pull request', () => {
  const CI = '.github/workflows/ci.yml';
  const NAMED = VERIFY.replace('verify: true', 'verify: true\n      workflows: [CI]');
  const onBase = new Map([
    [
      workflowFileKey('Codertocat/Hello-World', CI),
      { found: true as const, name: 'CI', changedAt: [] as string[] },
    ],
    [
      workflowFileKey('Codertocat/Hello-World', '.github/workflows/lint.yml'),
      { found: true as const, name: 'Lint', changedAt: [] as string[] },
    ],
  ]);
  const run = (path: string, name = 'CI', event = 'push'): LinkFacts =>
    ({
      ...completed('run'),
      kind: 'run',
      workflow: { path, name, event },
    }) as LinkFacts;
  const judged = (facts: LinkFacts, yaml = NAMED, overrides: Partial<EvidenceFacts> = {}) => {
    const url = `${REPO}/actions/runs/11`;
    const report = check(`- [x] Evidence: ${url}\n`, yaml, {
      evidence: evidence([[url, facts]], { workflowFiles: onBase, ...overrides }),
      signoffs: signoffs(),
    });
    return only(report, 'ci');
  };

  it.each<[string, LinkFacts, string[]]>([
    ['a run of the named workflow, by the name on the base branch', run(CI, 'Renamed in the head'), []],
    ['the same, with the ref GitHub may append', run(`${CI}@refs/heads/main`), []],
    [
      'a run of another workflow',
      run('.github/workflows/lint.yml', 'CI'),
      ['run 11 is a run of "Lint" (.github/workflows/lint.yml), not of CI'],
    ],
    [
      'a run of a workflow file the base branch does not have',
      run('.github/workflows/new.yml'),
      [
        'run 11 is a run of .github/workflows/new.yml, which is not on the base branch (master): a workflow the pull request adds proves nothing',
      ],
    ],
    [
      "a run of no workflow file (GitHub's dynamic ones)",
      run('dynamic/pages/pages-build-deployment'),
      [
        'run 11 is a run of dynamic/pages/pages-build-deployment, not of a workflow file in the repository (CI)',
      ],
    ],
    [
      'a run whose workflow was not read',
      completed('run'),
      ['run 11 names no workflow (a check run does not); link the Actions run or job of CI'],
    ],
  ])('%s', (_name, facts, problems) => {
    const item = judged(facts);
    expect(item.problems.map((problem) => problem.replace(/^.* is not accepted: /, ''))).toEqual(problems);
  });

  it('a run of the workflow as a commit that changes it has it never counts', () => {
    const changed = new Map(onBase);
    changed.set(workflowFileKey('Codertocat/Hello-World', CI), {
      found: true as const,
      name: 'CI',
      changedAt: [HEAD],
    });
    const item = judged(run(CI, 'CI', 'pull_request'), NAMED, { workflowFiles: changed });
    expect(item.status).toBe('bad-evidence');
    expect(item.problems.join('\n')).toContain(
      `run 11 is a run of ${CI} as commit ${HEAD.slice(0, 7)} has it, which differs from the base branch's`,
    );
    // The same file unchanged on that commit counts.
    expect(judged(run(CI, 'CI', 'pull_request')).status).toBe('ok');
  });

  it('a workflow named by its path counts only as that file', () => {
    const byPath = VERIFY.replace('verify: true', `verify: true\n      workflows: [./${CI}]`);
    expect(judged(run(CI, 'Whatever'), byPath).status).toBe('ok');
    expect(judged(run('.github/workflows/lint.yml', 'CI'), byPath).status).toBe('bad-evidence');
  });

  it('the report names the workflow (as the base branch names it), its file and the event', () => {
    expect(judged(run(`${CI}@refs/heads/main`, 'Head name', 'pull_request')).runs).toEqual([
      { url: `${REPO}/actions/runs/11`, workflow: 'CI', path: CI, event: 'pull_request' },
    ]);
  });

  const closedIssue = (closedBy: string | null): LinkFacts => ({
    found: true,
    kind: 'issue',
    state: 'closed',
    stateReason: 'completed',
    pullRequestMerged: null,
    closedBy,
  });
  it.each<[string, string, LinkFacts, Partial<EvidenceFacts>, string[]]>([
    ['closed by someone else', 'not-author', closedIssue('alice'), {}, []],
    [
      'closed by the author',
      'not-author',
      closedIssue('codertocat'),
      {},
      ['issue #30 was closed by @codertocat, the author under review; someone else must close it'],
    ],
    [
      'closed by no one GitHub names',
      'not-author',
      closedIssue(null),
      {},
      ['GitHub does not say who closed issue #30, so it cannot show who did'],
    ],
    [
      'an author that is not known',
      'not-author',
      closedIssue('alice'),
      { author: null },
      ['the author under review is not known, so issue #30 cannot be shown closed by someone else'],
    ],
    ['closed by a named login', '[Alice, bob]', closedIssue('alice'), {}, []],
    [
      'closed by someone not named',
      '[bob]',
      closedIssue('alice'),
      {},
      ['issue #30 was closed by @alice, who is not @bob'],
    ],
  ])('closed-by: an issue %s', (_name, closedBy, facts, overrides, problems) => {
    const yaml = VERIFY.replace('verify: true', `verify: true\n      closed-by: ${closedBy}`);
    const url = `${REPO}/issues/30`;
    const report = check(`- [x] Evidence: ${url}\n`, yaml, {
      evidence: evidence([[url, facts]], overrides),
      signoffs: signoffs(),
    });
    expect(
      only(report, 'ci').problems.map((problem) => problem.replace(/^.* is not accepted: /, '')),
    ).toEqual(problems);
  });

  it("plans the extra reads only when a rule asks: the job's run, who merged, the closers' teams", () => {
    const doc = parseChecklist(`- [x] Evidence: ${REPO}/issues/30\n`);
    const plain = factsNeeded(doc, policyOf(VERIFY), HOST, PR);
    expect([plain.workflows, plain.closers, plain.teams]).toEqual([false, false, []]);
    const asked = factsNeeded(
      doc,
      policyOf(
        VERIFY.replace(
          'verify: true',
          'verify: true\n      workflows: [CI]\n      closed-by: [acme/Release]',
        ),
      ),
      HOST,
      PR,
    );
    expect([asked.workflows, asked.closers, asked.teams]).toEqual([true, true, ['acme/release']]);
  });
});
