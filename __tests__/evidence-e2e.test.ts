import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import type { Report } from '../src/evaluate/report.js';
import { stopAfterEach, type EmulatorFixture } from './helpers/emulator-per-test.js';

const REPO = 'https://github.com/Codertocat/Hello-World';
const API = '/repos/Codertocat/Hello-World';
const OLD_SHA = '7638417db6d59f3c431d3e1f261cc637155684cd';

type Fixture = NonNullable<EmulatorFixture>;
type PullFixture = NonNullable<Fixture['pulls']>[number];

let emulator: GitHubEmulator;

stopAfterEach(() => emulator);

interface GateRun {
  code: number;
  report: Report | null;
  /** The statuses posted: [state, description]. */
  statuses: [string, string][];
  /** Each report item as [id, status, problems]. */
  items: [string | null, string, string[]][];
  /** Reads beyond the gate's own (the pull request, its policy and its comments), sorted. */
  reads: string[];
}

/**
 * Runs the bundled action on PR #2 of Codertocat/Hello-World, whose description on GitHub (what the
 * gate reads fresh) is `body`, under `policy` on master.
 */
async function gate(
  policy: string,
  body: string,
  options: {
    fixture?: Fixture;
    pull?: Partial<PullFixture>;
    otherPulls?: PullFixture[];
    payload?: Record<string, any>;
  } = {},
): Promise<GateRun> {
  emulator = new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': policy } },
    pulls: [
      {
        number: 2,
        base: 'master',
        headSha: HEAD_SHA,
        body,
        updatedAt: '2026-11-20T10:00:00Z',
        ...options.pull,
      },
      ...(options.otherPulls ?? []),
    ],
    ...options.fixture,
  });
  const apiUrl = await emulator.start();
  const run = await runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: options.payload ?? pullRequestEvent('opened', body),
  });
  // Null when the gate could not finish (it then posts an error status).
  const report = JSON.parse(run.outputs['report'] ?? 'null') as Report | null;
  const own = [`${API}/pulls/2`, `${API}/issues/2/comments`];
  return {
    code: run.code,
    report,
    statuses: emulator.statuses.map((status) => [status.state, status.description]),
    items: (report?.items ?? []).map((item) => [item.id, item.status, item.problems]),
    // The evaluation's reads: those after the first write confirm the verdict (docs/behaviour.md).
    reads: emulator.requests
      .slice(0, firstWrite(emulator))
      .filter((request) => request.method === 'GET')
      .filter((request) => !own.includes(request.path) && !request.path.startsWith(`${API}/contents/`))
      // The open pull requests (shared heads) and posted verdicts: the gate's own reads, not evidence.
      .filter((request) => request.path !== `${API}/pulls`)
      .filter((request) => !/\/commits\/[0-9a-f]{40}\/(pulls|statuses|check-runs)$/.test(request.path))
      .map((request) => request.path + (request.query['page'] ? `?page=${request.query['page']}` : ''))
      .sort(),
  };
}

/**
 * Where the evaluation's reads end in the emulator's requests: at the gate's first write, or at
 * its fresh read of the facts (a run slowed past two seconds by a loaded machine reads its facts
 * again before writing: the GraphQL query that asks for the policy's blob), whichever comes first.
 */
function firstWrite(emulator: GitHubEmulator): number {
  const freshRead = emulator.requests.findIndex(
    (request) => request.path === '/graphql' && JSON.stringify(request.body).includes('policy: object('),
  );
  const ends = [
    emulator.requests.findIndex((request) => request.method !== 'GET' && request.path !== '/graphql'),
    freshRead,
  ].filter((index) => index !== -1);
  return ends.length === 0 ? emulator.requests.length : Math.min(...ends);
}

/** A policy of items that each need one verified link: `- id: X / text: X`. */
function verifying(ids: string[], options: { sameCommit?: string[]; top?: string } = {}): string {
  const items = ids.map((id) =>
    [
      `  - id: ${id}`,
      `    text: ${id}`,
      '    evidence:',
      '      verify: true',
      ...(options.sameCommit?.includes(id) ? ['      same-commit: true'] : []),
    ].join('\n'),
  );
  return `version: 1\ngate:\n  branches: [master]\n${options.top ?? ''}items:\n${items.join('\n')}\n`;
}

/** A description with each item ticked, carrying its link on its line. */
function ticked(entries: [string, string][]): string {
  return `## Release checklist\n${entries.map(([id, url]) => `- [x] ${id}: ${url}`).join('\n')}\n`;
}

const workflowRun = (id: number, status: string, conclusion: string | null, headSha = HEAD_SHA) => ({
  json: { id, status, conclusion, head_sha: headSha },
});
const NOT_FOUND = { status: 404, json: { message: 'Not Found' } };
const FORBIDDEN = { status: 403, json: { message: 'Resource not accessible by integration' } };

describe('verified evidence: Actions runs, jobs and check runs', () => {
  it('a run that completed with success passes, read once from the API', async () => {
    const result = await gate(verifying(['ci']), ticked([['ci', `${REPO}/actions/runs/11`]]), {
      fixture: { resources: { [`${API}/actions/runs/11`]: workflowRun(11, 'completed', 'success') } },
    });
    expect(result.code).toBe(0);
    expect(result.statuses).toEqual([['success', 'All 1 required item done']]);
    expect(result.items).toEqual([['ci', 'ok', []]]);
    expect(result.reads).toEqual([`${API}/actions/runs/11`]);
  });

  it('a failed run, a run in progress and a missing run fail, each saying why', async () => {
    const result = await gate(
      verifying(['failed', 'running', 'missing']),
      ticked([
        ['failed', `${REPO}/actions/runs/11`],
        ['running', `${REPO}/actions/runs/12`],
        ['missing', `${REPO}/actions/runs/13`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/actions/runs/11`]: workflowRun(11, 'completed', 'failure'),
            [`${API}/actions/runs/12`]: workflowRun(12, 'in_progress', null),
            [`${API}/actions/runs/13`]: NOT_FOUND,
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '3 of 3 required items open']]);
    expect(result.items).toEqual([
      ['failed', 'bad-evidence', [`${REPO}/actions/runs/11 is not accepted: run 11 concluded failure`]],
      [
        'running',
        'bad-evidence',
        [`${REPO}/actions/runs/12 is not accepted: run 12 has not completed (it is in_progress)`],
      ],
      [
        'missing',
        'bad-evidence',
        [
          `${REPO}/actions/runs/13 is not accepted: no such run (run 13 in Codertocat/Hello-World), or this token cannot read that repository`,
        ],
      ],
    ]);
    expect(result.reads).toEqual([
      `${API}/actions/runs/11`,
      `${API}/actions/runs/12`,
      `${API}/actions/runs/13`,
    ]);
  });

  it('a run attempt is read at its attempt and a job at the jobs endpoint', async () => {
    const result = await gate(
      verifying(['attempt', 'job', 'attempt-failed', 'job-failed']),
      ticked([
        ['attempt', `${REPO}/actions/runs/11/attempts/2`],
        ['job', `${REPO}/actions/runs/11/job/77`],
        ['attempt-failed', `${REPO}/actions/runs/12/attempts/1`],
        ['job-failed', `${REPO}/actions/runs/12/job/78`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/actions/runs/11/attempts/2`]: workflowRun(11, 'completed', 'success'),
            [`${API}/actions/jobs/77`]: workflowRun(77, 'completed', 'success'),
            [`${API}/actions/runs/12/attempts/1`]: workflowRun(12, 'completed', 'timed_out'),
            [`${API}/actions/jobs/78`]: workflowRun(78, 'completed', 'failure'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 4 required items open']]);
    expect(result.items).toEqual([
      ['attempt', 'ok', []],
      ['job', 'ok', []],
      [
        'attempt-failed',
        'bad-evidence',
        [`${REPO}/actions/runs/12/attempts/1 is not accepted: run 12 (attempt 1) concluded timed_out`],
      ],
      [
        'job-failed',
        'bad-evidence',
        [`${REPO}/actions/runs/12/job/78 is not accepted: job 78 concluded failure`],
      ],
    ]);
    expect(result.reads).toEqual([
      `${API}/actions/jobs/77`,
      `${API}/actions/jobs/78`,
      `${API}/actions/runs/11/attempts/2`,
      `${API}/actions/runs/12/attempts/1`,
    ]);
  });

  it('same-commit: a run on the head commit passes, a run on another commit fails naming both', async () => {
    const result = await gate(
      verifying(['on-head', 'elsewhere', 'elsewhere-allowed'], { sameCommit: ['on-head', 'elsewhere'] }),
      ticked([
        ['on-head', `${REPO}/actions/runs/21`],
        ['elsewhere', `${REPO}/actions/runs/22`],
        ['elsewhere-allowed', `${REPO}/actions/runs/22`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/actions/runs/21`]: workflowRun(21, 'completed', 'success', HEAD_SHA),
            [`${API}/actions/runs/22`]: workflowRun(22, 'completed', 'success', OLD_SHA),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 3 required items open']]);
    expect(result.items).toEqual([
      ['on-head', 'ok', []],
      [
        'elsewhere',
        'bad-evidence',
        [
          `${REPO}/actions/runs/22 is not accepted: run 22 ran on 7638417, not on the commit under review (ec26c3e)`,
        ],
      ],
      ['elsewhere-allowed', 'ok', []],
    ]);
    expect(result.reads).toEqual([`${API}/actions/runs/21`, `${API}/actions/runs/22`]);
  });

  it('a check run link (/owner/repo/runs/<id>) is read from the check-runs endpoint', async () => {
    const result = await gate(
      verifying(['check-ok', 'check-failed']),
      ticked([
        ['check-ok', `${REPO}/runs/501?check_suite_focus=true`],
        ['check-failed', `${REPO}/runs/502`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/check-runs/501`]: workflowRun(501, 'completed', 'success'),
            [`${API}/check-runs/502`]: workflowRun(502, 'completed', 'failure'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['check-ok', 'ok', []],
      ['check-failed', 'bad-evidence', [`${REPO}/runs/502 is not accepted: check run 502 concluded failure`]],
    ]);
    expect(result.reads).toEqual([`${API}/check-runs/501`, `${API}/check-runs/502`]);
  });
});

describe('verified evidence: pull requests, issues, commits and releases', () => {
  it('a merged pull request passes; one not merged fails', async () => {
    const result = await gate(
      verifying(['merged', 'unmerged']),
      ticked([
        ['merged', `${REPO}/pull/8/files`],
        ['unmerged', `${REPO}/pull/9`],
      ]),
      {
        otherPulls: [
          { number: 8, base: 'master', headSha: OLD_SHA, state: 'closed', merged: true },
          { number: 9, base: 'master', headSha: OLD_SHA, state: 'closed', merged: false },
        ],
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['merged', 'ok', []],
      ['unmerged', 'bad-evidence', [`${REPO}/pull/9 is not accepted: PR #9 is not merged`]],
    ]);
    expect(result.reads).toEqual([`${API}/pulls/8`, `${API}/pulls/9`]);
  });

  it('an issue closed as completed passes; closed as not planned, or open, fails', async () => {
    const issue = (number: number, state: string, stateReason: string | null) => ({
      json: { number, state, state_reason: stateReason },
    });
    const result = await gate(
      verifying(['fixed', 'wontfix', 'open']),
      ticked([
        ['fixed', `${REPO}/issues/30`],
        ['wontfix', `${REPO}/issues/31`],
        ['open', `${REPO}/issues/32`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/issues/30`]: issue(30, 'closed', 'completed'),
            [`${API}/issues/31`]: issue(31, 'closed', 'not_planned'),
            [`${API}/issues/32`]: issue(32, 'open', null),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 3 required items open']]);
    expect(result.items).toEqual([
      ['fixed', 'ok', []],
      [
        'wontfix',
        'bad-evidence',
        [`${REPO}/issues/31 is not accepted: issue #31 was closed as not planned, not as completed`],
      ],
      ['open', 'bad-evidence', [`${REPO}/issues/32 is not accepted: issue #32 is still open`]],
    ]);
    expect(result.reads).toEqual([`${API}/issues/30`, `${API}/issues/31`, `${API}/issues/32`]);
  });

  it('an issue link to a pull request closed without merging is not accepted', async () => {
    // GitHub serves every pull request at /issues/<n> too; closed unmerged, it has no state_reason.
    const result = await gate(verifying(['fix']), ticked([['fix', `${REPO}/issues/9`]]), {
      fixture: {
        resources: {
          [`${API}/issues/9`]: {
            json: { number: 9, state: 'closed', state_reason: null, pull_request: { merged_at: null } },
          },
        },
      },
    });
    expect(result.reads).toEqual([`${API}/issues/9`]);
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items[0]?.[1]).toBe('bad-evidence');
  });

  it('a commit that exists passes; one that does not fails', async () => {
    const result = await gate(
      verifying(['exists', 'gone']),
      ticked([
        ['exists', `${REPO}/commit/${OLD_SHA}`],
        ['gone', `${REPO}/commit/deadbee`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/commits/${OLD_SHA}`]: { json: { sha: OLD_SHA } },
            [`${API}/commits/deadbee`]: NOT_FOUND,
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['exists', 'ok', []],
      [
        'gone',
        'bad-evidence',
        [
          `${REPO}/commit/deadbee is not accepted: no such commit (commit deadbee in Codertocat/Hello-World), or this token cannot read that repository`,
        ],
      ],
    ]);
    expect(result.reads).toEqual([`${API}/commits/${OLD_SHA}`, `${API}/commits/deadbee`]);
  });

  it('a commit GitHub cannot find (422) or a deleted issue (410) fails its item, not the whole gate', async () => {
    const result = await gate(
      verifying(['commit', 'issue']),
      ticked([
        ['commit', `${REPO}/commit/deadbee`],
        ['issue', `${REPO}/issues/35`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/commits/deadbee`]: {
              status: 422,
              json: { message: 'No commit found for SHA: deadbee' },
            },
            [`${API}/issues/35`]: { status: 410, json: { message: 'This issue was deleted' } },
          },
        },
      },
    );
    expect(result.reads).toEqual([`${API}/commits/deadbee`, `${API}/issues/35`]);
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 2 required items open']]);
    expect(result.items.map(([id, status]) => [id, status])).toEqual([
      ['commit', 'bad-evidence'],
      ['issue', 'bad-evidence'],
    ]);
  });

  it('a published release passes; a draft or a missing tag fails', async () => {
    const result = await gate(
      verifying(['published', 'draft', 'missing']),
      ticked([
        ['published', `${REPO}/releases/tag/v1.0`],
        ['draft', `${REPO}/releases/tag/v1.1-rc`],
        ['missing', `${REPO}/releases/tag/v9`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/releases/tags/v1.0`]: { json: { tag_name: 'v1.0', draft: false } },
            [`${API}/releases/tags/v1.1-rc`]: { json: { tag_name: 'v1.1-rc', draft: true } },
            [`${API}/releases/tags/v9`]: NOT_FOUND,
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 3 required items open']]);
    expect(result.items).toEqual([
      ['published', 'ok', []],
      [
        'draft',
        'bad-evidence',
        [`${REPO}/releases/tag/v1.1-rc is not accepted: release v1.1-rc is a draft, not published`],
      ],
      [
        'missing',
        'bad-evidence',
        [
          `${REPO}/releases/tag/v9 is not accepted: no such release (release v9 in Codertocat/Hello-World), or this token cannot read that repository`,
        ],
      ],
    ]);
    expect(result.reads).toEqual([
      `${API}/releases/tags/v1.0`,
      `${API}/releases/tags/v1.1-rc`,
      `${API}/releases/tags/v9`,
    ]);
  });
});

describe('verified evidence: links elsewhere', () => {
  it('a link on another host is refused under verify, without a request', async () => {
    const result = await gate(
      verifying(['dashboards']),
      ticked([['dashboards', 'https://grafana.acme.dev/d/x']]),
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items).toEqual([
      [
        'dashboards',
        'bad-evidence',
        ['https://grafana.acme.dev/d/x is not accepted: it is not on github.com, so it cannot be verified'],
      ],
    ]);
    expect(result.reads).toEqual([]);
  });

  it('another repository on github.com: readable passes; not found or forbidden fails', async () => {
    const result = await gate(
      verifying(['tools', 'private', 'secret']),
      ticked([
        ['tools', 'https://github.com/octo-org/tools/actions/runs/5'],
        ['private', 'https://github.com/octo-org/private/actions/runs/6'],
        ['secret', 'https://github.com/octo-org/secret/actions/runs/7'],
      ]),
      {
        fixture: {
          resources: {
            '/repos/octo-org/tools/actions/runs/5': workflowRun(5, 'completed', 'success', OLD_SHA),
            '/repos/octo-org/private/actions/runs/6': NOT_FOUND,
            '/repos/octo-org/secret/actions/runs/7': FORBIDDEN,
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 3 required items open']]);
    expect(result.items).toEqual([
      ['tools', 'ok', []],
      [
        'private',
        'bad-evidence',
        [
          'https://github.com/octo-org/private/actions/runs/6 is not accepted: no such run (run 6 in octo-org/private), or this token cannot read that repository',
        ],
      ],
      [
        'secret',
        'bad-evidence',
        [
          'https://github.com/octo-org/secret/actions/runs/7 is not accepted: run 7 in octo-org/secret cannot be read with this token, so it is unverifiable',
        ],
      ],
    ]);
    // Neither answer is retried.
    expect(result.reads).toEqual([
      '/repos/octo-org/private/actions/runs/6',
      '/repos/octo-org/secret/actions/runs/7',
      '/repos/octo-org/tools/actions/runs/5',
    ]);
  });
});

describe('verified evidence that cannot be borrowed', () => {
  it('links the allow-list accepts but that name no verifiable object are refused, even with same-commit', async () => {
    const ids = ['letters', 'encoded', 'digits', 'check'];
    const urls = [
      `${REPO}/actions/runs/12ab`,
      `${REPO}/actions/runs/%31%30%31`,
      `${REPO}/actions/runs/${'1'.repeat(25)}`,
      `${REPO}/runs/anything`,
    ];
    const result = await gate(
      verifying(ids, {
        sameCommit: ids,
        top: '',
      }).replace(/verify: true/g, "allow: ['https://github.com/*/*/**']\n      verify: true"),
      ticked(ids.map((id, index) => [id, urls[index] ?? ''])),
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '4 of 4 required items open']]);
    expect(result.items).toEqual([
      [
        'letters',
        'bad-evidence',
        [`${urls[0]} is not accepted: its run id "12ab" is not a number, so it cannot be verified`],
      ],
      [
        'encoded',
        'bad-evidence',
        [
          `${urls[1]} is not accepted: its run id is percent-encoded; write it as plain digits, so it cannot be verified`,
        ],
      ],
      [
        'digits',
        'bad-evidence',
        [
          `${urls[2]} is not accepted: its run id has more digits than a GitHub id can have, so it cannot be verified`,
        ],
      ],
      [
        'check',
        'bad-evidence',
        [`${urls[3]} is not accepted: its check run id "anything" is not a number, so it cannot be verified`],
      ],
    ]);
    expect(result.reads).toEqual([]);
  });

  it("an id beyond JavaScript's safe integers is fetched digit for digit, not rounded into another run", async () => {
    const id = '9007199254740993';
    const result = await gate(
      verifying(['ci'], { sameCommit: ['ci'] }),
      ticked([['ci', `${REPO}/actions/runs/${id}`]]),
      {
        fixture: {
          resources: {
            // Number('9007199254740993') is 9007199254740992: another run, green on the head commit.
            [`${API}/actions/runs/9007199254740992`]: {
              json: { id: 1, status: 'completed', conclusion: 'success', head_sha: HEAD_SHA },
            },
            [`${API}/actions/runs/${id}`]: {
              json: { id: 2, status: 'completed', conclusion: 'failure', head_sha: HEAD_SHA },
            },
          },
        },
      },
    );
    expect(result.reads).toEqual([`${API}/actions/runs/${id}`]);
    expect(result.code).toBe(1);
    expect(result.items).toEqual([
      ['ci', 'bad-evidence', [`${REPO}/actions/runs/${id} is not accepted: run ${id} concluded failure`]],
    ]);
  });

  it('evidence.min counts distinct runs: runs/101 and runs/0101 are one, fetched once', async () => {
    const policy = verifying(['ci']).replace('verify: true', 'verify: true\n      min: 2');
    const result = await gate(
      policy,
      ticked([['ci', `${REPO}/actions/runs/101 ${REPO}/actions/runs/0101`]]),
      {
        fixture: { resources: { [`${API}/actions/runs/101`]: workflowRun(101, 'completed', 'success') } },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items).toEqual([
      [
        'ci',
        'no-evidence',
        [
          'ticked with 2 acceptable links, to 1 distinct target: needs 2 links to the evidence (a full http(s) address)',
        ],
      ],
    ]);
    expect(result.reads).toEqual([`${API}/actions/runs/101`]);
  });

  it('same-commit: a green run of the head commit in another repository is refused; one the policy names counts', async () => {
    // Both rules take runs of the head commit; only the first names another repository.
    const policy = verifying(['ci', 'fork'], { sameCommit: ['ci', 'fork'] }).replace(
      'same-commit: true',
      'same-commit: true\n      repositories: [octo-org/ci-runs]',
    );
    const result = await gate(
      policy,
      ticked([
        ['ci', 'https://github.com/octo-org/ci-runs/actions/runs/5'],
        ['fork', 'https://github.com/mallory/scratch/actions/runs/6'],
      ]),
      {
        fixture: {
          resources: {
            '/repos/octo-org/ci-runs/actions/runs/5': workflowRun(5, 'completed', 'success'),
            '/repos/mallory/scratch/actions/runs/6': workflowRun(6, 'completed', 'success'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['ci', 'ok', []],
      [
        'fork',
        'bad-evidence',
        [
          'https://github.com/mallory/scratch/actions/runs/6 is not accepted: run 6 is in mallory/scratch, not in the repository under review (Codertocat/Hello-World); name other repositories in evidence.repositories',
        ],
      ],
    ]);
  });

  it("same-commit under the README's allow-list: a scratch fork's green run of the head commit fails the gate", async () => {
    const policy = verifying(['ci'], { sameCommit: ['ci'] }).replace(
      'verify: true',
      "allow: ['https://github.com/*/*/actions/runs/*']\n      verify: true",
    );
    const result = await gate(policy, ticked([['ci', 'https://github.com/mallory/scratch/actions/runs/6']]), {
      fixture: {
        resources: { '/repos/mallory/scratch/actions/runs/6': workflowRun(6, 'completed', 'success') },
      },
    });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items[0]?.[1]).toBe('bad-evidence');
  });
});

describe('evidence in the comment', () => {
  it('a verified run is a live link in the comment, shown by its address; a refused one is not', async () => {
    const result = await gate(
      verifying(['ci', 'e2e']),
      ticked([
        ['ci', `${REPO}/actions/runs/11`],
        ['e2e', `${REPO}/actions/runs/12`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/actions/runs/11`]: workflowRun(11, 'completed', 'success'),
            [`${API}/actions/runs/12`]: workflowRun(12, 'completed', 'failure'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    const body = emulator.gateComments(2)[0]?.body ?? '';
    const address = `${REPO}/actions/runs/11`.replace(/^https:\/\//, '');
    expect(body).toContain(`evidence [\`${address}\`](${REPO}/actions/runs/11)`);
    expect(result.report?.items.find((item) => item.id === 'ci')?.evidence).toEqual([
      `${REPO}/actions/runs/11`,
    ]);
    // The failed run is named in the reason, as code, and links nowhere.
    expect(body).not.toContain(`](${REPO}/actions/runs/12)`);
    expect(body).toContain(`\`${REPO}/actions/runs/12\``);
  });
});

describe('verification: the cache and the bound', () => {
  it('the same run linked from three items, and twice in one, is fetched once', async () => {
    const url = `${REPO}/actions/runs/11`;
    const body = [
      '## Release checklist',
      `- [x] unit: ${url}`,
      `- [x] e2e: ${url}?check_suite_focus=true`,
      `  - [the same run](${url}#summary)`,
      `- [x] lint: [run](${url})`,
      '',
    ].join('\n');
    const result = await gate(verifying(['unit', 'e2e', 'lint']), body, {
      fixture: { resources: { [`${API}/actions/runs/11`]: workflowRun(11, 'completed', 'success') } },
    });
    expect(result.code).toBe(0);
    expect(result.statuses).toEqual([['success', 'All 3 required items done']]);
    expect(result.items).toEqual([
      ['unit', 'ok', []],
      ['e2e', 'ok', []],
      ['lint', 'ok', []],
    ]);
    expect(result.reads).toEqual([`${API}/actions/runs/11`]);
  });

  it('max-links 2 with three distinct runs: two are read, the third item fails naming the limit', async () => {
    const result = await gate(
      verifying(['a', 'b', 'c'], { top: 'verification:\n  max-links: 2\n' }),
      ticked([
        ['a', `${REPO}/actions/runs/41`],
        ['b', `${REPO}/actions/runs/42`],
        ['c', `${REPO}/actions/runs/43`],
      ]),
      {
        fixture: {
          resources: {
            [`${API}/actions/runs/41`]: workflowRun(41, 'completed', 'success'),
            [`${API}/actions/runs/42`]: workflowRun(42, 'completed', 'success'),
            [`${API}/actions/runs/43`]: workflowRun(43, 'completed', 'success'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 3 required items open']]);
    expect(result.items).toEqual([
      ['a', 'ok', []],
      ['b', 'ok', []],
      [
        'c',
        'bad-evidence',
        [
          `${REPO}/actions/runs/43 is not accepted: not verified: one evaluation verifies at most 2 distinct links`,
        ],
      ],
    ]);
    expect(result.reads).toEqual([`${API}/actions/runs/41`, `${API}/actions/runs/42`]);
  });
});

describe('when conditions, from the pull request', () => {
  it('labels, the base branch and the event; the changed files are not read when no rule needs them', async () => {
    const policy = `version: 1
items:
  - id: migration
    text: Migration rehearsed
    when: { labels: [database] }
  - id: pentest
    text: Pen test done
    when: { labels: [security] }
  - id: master-only
    text: Changelog updated
    when: { branches: ["mast*"] }
  - id: backport
    text: Backport planned
    when: { branches: ["release/*"] }
  - id: announce
    text: Announcement sent
    when: { events: [release] }
`;
    const body = [
      '- [ ] Migration rehearsed',
      '- [ ] Pen test done',
      '- [x] Changelog updated',
      '- [ ] Backport planned',
      '- [ ] Announcement sent',
      '',
    ].join('\n');
    const result = await gate(policy, body, { pull: { labels: ['Database', 'needs-qa'] } });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['migration', 'unchecked', ['not ticked']],
      ['pentest', 'not-required', []],
      ['master-only', 'ok', []],
      ['backport', 'not-required', []],
      ['announce', 'not-required', []],
    ]);
    expect(result.report?.counts).toMatchObject({ required: 2, open: 1, notRequired: 3 });
    expect(result.reads).toEqual([]);
  });

  it('paths: the changed files are read page by page and matched', async () => {
    const files = Array.from({ length: 150 }, (_, index) => `src/module-${index}.ts`);
    files[120] = 'db/migrations/0042_add_index.sql';
    const policy = `version: 1
items:
  - id: migration
    text: Migration rehearsed
    when: { paths: ["db/migrations/**"] }
  - id: docs
    text: Docs updated
    when: { paths: ["docs/**"] }
`;
    const result = await gate(policy, '- [ ] Migration rehearsed\n- [ ] Docs updated\n', { pull: { files } });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items).toEqual([
      ['migration', 'unchecked', ['not ticked']],
      ['docs', 'not-required', []],
    ]);
    expect(result.reads).toEqual([`${API}/pulls/2/files`, `${API}/pulls/2/files?page=2`]);
    expect(
      emulator.requests.filter((request) => request.path.endsWith('/files')).map((r) => r.query),
    ).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }]);
  });

  it('paths: a pull request with 3,000 changed files counts as matching, with a note', async () => {
    const files = Array.from({ length: 3000 }, (_, index) => `src/generated/file-${index}.ts`);
    const policy = `version: 1
items:
  - id: docs
    text: Docs updated
    when: { paths: ["docs/**"] }
  - id: notes
    text: Release notes written
`;
    const result = await gate(policy, '- [ ] Docs updated\n- [x] Release notes written\n', {
      pull: { files },
    });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 2 required items open']]);
    expect(result.items).toEqual([
      ['docs', 'unchecked', ['not ticked']],
      ['notes', 'ok', []],
    ]);
    expect(result.report?.notes).toEqual([
      'docs: GitHub lists at most 3,000 changed files, so its path condition was taken to hold.',
    ]);
    expect(result.reads).toHaveLength(30);
    expect(result.reads.every((path) => path.startsWith(`${API}/pulls/2/files`))).toBe(true);
  });
});

describe('approvers', () => {
  const review = (id: number, login: string, state: string, commit: string) => ({
    id,
    user: { login, type: 'User' },
    state,
    commit_id: commit,
    submitted_at: `2026-11-20T09:${String(id).padStart(2, '0')}:00Z`,
  });
  const signoffPolicy = (rules: [string, string][]) =>
    `version: 1\nitems:\n${rules
      .map(([id, approvers]) => `  - id: ${id}\n    text: ${id} sign-off\n    approvers: [${approvers}]`)
      .join('\n')}\n`;
  const signed = (ids: string[], tick = true) =>
    `## Sign-off\n${ids.map((id) => `- [${tick ? 'x' : ' '}] ${id} sign-off`).join('\n')}\n`;

  it('reviews: the latest decisive review of an approver must approve the head commit', async () => {
    const ids = ['qa', 'security', 'legal', 'ops'];
    const result = await gate(
      signoffPolicy([
        ['qa', 'Alice'],
        ['security', 'bob'],
        ['legal', 'dave'],
        ['ops', 'erin'],
      ]),
      signed(ids),
      {
        fixture: {
          reviews: {
            2: [
              review(1, 'alice', 'APPROVED', HEAD_SHA),
              review(2, 'bob', 'APPROVED', OLD_SHA),
              review(3, 'dave', 'APPROVED', HEAD_SHA),
              review(4, 'dave', 'CHANGES_REQUESTED', HEAD_SHA),
              review(5, 'erin', 'APPROVED', HEAD_SHA),
              review(6, 'erin', 'COMMENTED', HEAD_SHA),
            ],
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '2 of 4 required items open']]);
    expect(result.items).toEqual([
      ['qa', 'ok', []],
      // No edits: the edit history is the author's first description, so the author ticked these.
      ['security', 'unapproved', ['ticked by @Codertocat, who is not an approver']],
      ['legal', 'unapproved', ['ticked by @Codertocat, who is not an approver']],
      ['ops', 'ok', []],
    ]);
    expect(result.reads).toEqual([`${API}/pulls/2/reviews`]);
    // The comment names the approver without notifying them (a zero-width space after the @).
    expect(emulator.gateComments(2)[0]?.body).toContain(
      'ticked by @\u200bCodertocat, who is not an approver',
    );
  });

  /** The edit history GitHub holds after `sender` edited `before` into `after`. */
  const history = (before: string, after: string, sender: string) => ({
    2: [
      { editor: 'Codertocat', body: before, editedAt: '2026-11-20T09:00:00Z' },
      { editor: sender, body: after, editedAt: '2026-11-20T10:00:00Z' },
    ],
  });

  it('an edit by an approver that ticks the box passes', async () => {
    const before = signed(['qa'], false);
    const after = signed(['qa']);
    const result = await gate(signoffPolicy([['qa', 'alice']]), after, {
      payload: pullRequestEvent('edited', after, { from: before, sender: 'alice' }),
      fixture: { edits: history(before, after, 'alice') },
    });
    expect(result.code).toBe(0);
    expect(result.statuses).toEqual([['success', 'All 1 required item done']]);
    expect(result.items).toEqual([['qa', 'ok', []]]);
    expect(result.reads).toEqual([`${API}/pulls/2/reviews`]);
  });

  it('an edit by someone else that ticks the box fails, naming who ticked it', async () => {
    const before = signed(['qa'], false);
    const after = signed(['qa']);
    const result = await gate(signoffPolicy([['qa', 'alice']]), after, {
      payload: pullRequestEvent('edited', after, { from: before, sender: 'carol' }),
      fixture: { edits: history(before, after, 'carol') },
    });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items).toEqual([['qa', 'unapproved', ['ticked by @carol, who is not an approver']]]);
    expect(result.report?.items[0]?.fix).toBe(
      'Ask @alice to approve the pull request (a review on its current head commit), or to tick the box themselves.',
    );
  });

  it('a team approver: an approving review by a member (listed on the second page) passes', async () => {
    const members = Array.from({ length: 150 }, (_, index) => ({ login: `member-${index}` }));
    members[120] = { login: 'Alice' };
    const result = await gate(signoffPolicy([['qa', 'acme/release']]), signed(['qa']), {
      fixture: {
        resources: { '/orgs/acme/teams/release/members': { json: members } },
        reviews: { 2: [review(1, 'alice', 'APPROVED', HEAD_SHA)] },
      },
    });
    expect(result.code).toBe(0);
    expect(result.statuses).toEqual([['success', 'All 1 required item done']]);
    expect(result.items).toEqual([['qa', 'ok', []]]);
    expect(result.reads).toEqual([
      '/orgs/acme/teams/release/members',
      '/orgs/acme/teams/release/members?page=2',
      `${API}/pulls/2/reviews`,
    ]);
  });

  it('a team whose members cannot be read: the item fails naming the missing permission', async () => {
    const result = await gate(signoffPolicy([['qa', 'acme/qa']]), signed(['qa']), {
      fixture: {
        resources: { '/orgs/acme/teams/qa/members': FORBIDDEN },
        reviews: { 2: [review(1, 'bob', 'APPROVED', HEAD_SHA)] },
      },
    });
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '1 of 1 required item open']]);
    expect(result.items).toEqual([
      [
        'qa',
        'unapproved',
        [
          'ticked by @Codertocat, who is not an approver',
          'cannot read the members of acme/qa: the token needs the organization permission "Members: read" (a GitHub App or a fine-grained token; the workflow token cannot read teams), or the team does not exist',
        ],
      ],
    ]);
    expect(result.reads).toEqual(['/orgs/acme/teams/qa/members', `${API}/pulls/2/reviews`]);
  });
});

/** A policy whose items each need one verified link of the head commit, run by one of `workflows`. */
function naming(entries: [string, string[]][]): string {
  const items = entries.map(([id, workflows]) =>
    [
      `  - id: ${id}`,
      `    text: ${id}`,
      '    evidence:',
      '      verify: true',
      '      same-commit: true',
      `      workflows: [${workflows.join(', ')}]`,
    ].join('\n'),
  );
  return `version: 1\ngate:\n  branches: [master]\nitems:\n${items.join('\n')}\n`;
}

/** A successful run of the head commit, of the workflow file at `path`, showing `name`, run on `event`. */
const runOf = (id: number, path: string, name: string, event: string) => ({
  json: { id, status: 'completed', conclusion: 'success', head_sha: HEAD_SHA, path, name, event },
});

describe('verified evidence: a run must belong to a workflow the policy names, as the base branch has it', () => {
  const CI = '.github/workflows/ci.yml';
  const LABELER = '.github/workflows/labeler.yml';
  const files = {
    master: {
      [CI]: 'name: CI\non: [pull_request]\njobs: {}\n',
      [LABELER]: 'name: Labeler\non: [pull_request_target]\njobs: {}\n',
    },
  };

  it('only a run of the named workflow counts: a labeler run, a workflow the pull request adds or renames, a check run do not', async () => {
    const policy = naming([
      ['ci', ['CI']],
      ['by-path', [CI]],
      ['job', ['CI']],
      ['labeler', ['CI']],
      ['added', ['CI']],
      ['renamed', ['CI']],
      ['check', ['CI']],
    ]);
    const result = await gate(
      policy,
      ticked([
        ['ci', `${REPO}/actions/runs/11`],
        ['by-path', `${REPO}/actions/runs/11`],
        ['job', `${REPO}/actions/runs/11/job/77`],
        ['labeler', `${REPO}/actions/runs/12`],
        ['added', `${REPO}/actions/runs/13`],
        ['renamed', `${REPO}/actions/runs/14`],
        ['check', `${REPO}/runs/501`],
      ]),
      {
        fixture: {
          files: { master: { ...files.master, '.github/checklist-gate.yml': policy } },
          resources: {
            [`${API}/actions/runs/11`]: runOf(11, CI, 'CI', 'pull_request'),
            [`${API}/actions/jobs/77`]: {
              json: { ...workflowRun(77, 'completed', 'success').json, run_id: 11 },
            },
            [`${API}/actions/runs/12`]: runOf(12, LABELER, 'Labeler', 'pull_request_target'),
            // A pull_request run uses the workflow files of the pull request's head: a new one named CI.
            [`${API}/actions/runs/13`]: runOf(13, '.github/workflows/fake.yml', 'CI', 'pull_request'),
            // ...or the labeler's file renamed CI in the head; the base branch still calls it Labeler.
            [`${API}/actions/runs/14`]: runOf(14, `${LABELER}@refs/pull/2/merge`, 'CI', 'pull_request'),
            [`${API}/check-runs/501`]: workflowRun(501, 'completed', 'success'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '4 of 7 required items open']]);
    expect(result.items).toEqual([
      ['ci', 'ok', []],
      ['by-path', 'ok', []],
      ['job', 'ok', []],
      [
        'labeler',
        'bad-evidence',
        [`${REPO}/actions/runs/12 is not accepted: run 12 is a run of "Labeler" (${LABELER}), not of CI`],
      ],
      [
        'added',
        'bad-evidence',
        [
          `${REPO}/actions/runs/13 is not accepted: run 13 is a run of .github/workflows/fake.yml, which is not on the base branch (master): a workflow the pull request adds proves nothing`,
        ],
      ],
      [
        'renamed',
        'bad-evidence',
        [`${REPO}/actions/runs/14 is not accepted: run 14 is a run of "Labeler" (${LABELER}), not of CI`],
      ],
      [
        'check',
        'bad-evidence',
        [
          `${REPO}/runs/501 is not accepted: check run 501 names no workflow (a check run does not); link the Actions run or job of CI`,
        ],
      ],
    ]);
    // Each workflow file is read once at the base branch, and once at the commit its runs ran on.
    const contents = emulator.requests
      .map((request) => ({ ...request, path: decodeURIComponent(request.path) }))
      .filter((request) => request.path.includes('/contents/.github/workflows/'))
      .map((request) => `${request.path}?ref=${request.query['ref']}`)
      .sort();
    expect(contents).toEqual([
      `${API}/contents/.github/workflows/ci.yml?ref=${HEAD_SHA}`,
      `${API}/contents/.github/workflows/ci.yml?ref=master`,
      `${API}/contents/.github/workflows/fake.yml?ref=${HEAD_SHA}`,
      `${API}/contents/.github/workflows/fake.yml?ref=master`,
      `${API}/contents/.github/workflows/labeler.yml?ref=${HEAD_SHA}`,
      `${API}/contents/.github/workflows/labeler.yml?ref=master`,
    ]);
  });

  it('a run of the named workflow as the pull request rewrote it does not count', async () => {
    const policy = naming([['ci', ['CI']]]);
    const result = await gate(policy, ticked([['ci', `${REPO}/actions/runs/11`]]), {
      fixture: {
        files: {
          master: { ...files.master, '.github/checklist-gate.yml': policy },
          // The pull request's head turns CI into a step that always succeeds.
          [HEAD_SHA]: {
            [CI]: 'name: CI\non: [pull_request]\njobs:\n  ok:\n    runs-on: ubuntu-latest\n    steps: [{ run: "true" }]\n',
          },
        },
        resources: { [`${API}/actions/runs/11`]: runOf(11, CI, 'CI', 'pull_request') },
      },
    });
    expect(result.code).toBe(1);
    expect(result.items).toEqual([
      [
        'ci',
        'bad-evidence',
        [
          `${REPO}/actions/runs/11 is not accepted: run 11 is a run of ${CI} as commit ${HEAD_SHA.slice(0, 7)} has it, which differs from the base branch's: a run of a workflow the pull request changes proves nothing (link a run of the workflow as the base branch has it)`,
        ],
      ],
    ]);
  });

  it('the report says which workflow and event a verified run was, in the JSON and the comment', async () => {
    const policy = naming([['ci', ['CI']]]);
    const result = await gate(policy, ticked([['ci', `${REPO}/actions/runs/11`]]), {
      fixture: {
        files: { master: { ...files.master, '.github/checklist-gate.yml': policy } },
        resources: { [`${API}/actions/runs/11`]: runOf(11, CI, 'CI', 'pull_request') },
      },
    });
    expect(result.code).toBe(0);
    expect(result.report?.items[0]?.runs).toEqual([
      { url: `${REPO}/actions/runs/11`, workflow: 'CI', path: CI, event: 'pull_request' },
    ]);
    const body = emulator.gateComments(2)[0]?.body ?? '';
    expect(body).toContain('run of CI (.github/workflows/ci.yml) on pull\\_request');
  });
});

describe('verified evidence: who closed the issue or merged the pull request', () => {
  const closer = (number: number, login: string) => ({
    json: { number, state: 'closed', state_reason: 'completed', closed_by: { login } },
  });
  const policyOf = (closedBy: string, ids: string[]) =>
    verifying(ids).replace(/verify: true/g, `verify: true\n      closed-by: ${closedBy}`);

  it('closed-by: not-author refuses an issue closed, or a pull request merged, by the author under review', async () => {
    const result = await gate(
      policyOf('not-author', ['issue-self', 'issue-other', 'pull-self', 'pull-other', 'pull-as-issue']),
      ticked([
        ['issue-self', `${REPO}/issues/30`],
        ['issue-other', `${REPO}/issues/31`],
        ['pull-self', `${REPO}/pull/8`],
        ['pull-other', `${REPO}/pull/9`],
        ['pull-as-issue', `${REPO}/issues/10`],
      ]),
      {
        otherPulls: [
          {
            number: 8,
            base: 'master',
            headSha: OLD_SHA,
            state: 'closed',
            merged: true,
            mergedBy: 'Codertocat',
          },
          { number: 9, base: 'master', headSha: OLD_SHA, state: 'closed', merged: true, mergedBy: 'alice' },
          {
            number: 10,
            base: 'master',
            headSha: OLD_SHA,
            state: 'closed',
            merged: true,
            mergedBy: 'codertocat',
          },
        ],
        fixture: {
          resources: {
            [`${API}/issues/30`]: closer(30, 'Codertocat'),
            [`${API}/issues/31`]: closer(31, 'alice'),
            [`${API}/issues/10`]: {
              json: {
                number: 10,
                state: 'closed',
                state_reason: null,
                closed_by: { login: 'alice' },
                pull_request: {
                  merged_at: '2026-11-19T10:00:00Z',
                  url: `https://api.github.com${API}/pulls/10`,
                },
              },
            },
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.statuses).toEqual([['failure', '3 of 5 required items open']]);
    expect(result.items).toEqual([
      [
        'issue-self',
        'bad-evidence',
        [
          `${REPO}/issues/30 is not accepted: issue #30 was closed by @Codertocat, the author under review; someone else must close it`,
        ],
      ],
      ['issue-other', 'ok', []],
      [
        'pull-self',
        'bad-evidence',
        [
          `${REPO}/pull/8 is not accepted: PR #8 was merged by @Codertocat, the author under review; someone else must merge it`,
        ],
      ],
      ['pull-other', 'ok', []],
      [
        'pull-as-issue',
        'bad-evidence',
        [
          `${REPO}/issues/10 is not accepted: issue #10 was closed by @codertocat, the author under review; someone else must close it`,
        ],
      ],
    ]);
    expect(result.reads).toEqual([
      `${API}/issues/10`,
      `${API}/issues/30`,
      `${API}/issues/31`,
      `${API}/pulls/10`,
      `${API}/pulls/8`,
      `${API}/pulls/9`,
    ]);
  });

  it('closed-by a team: a member counts, anyone else is refused by name', async () => {
    const result = await gate(
      policyOf('[acme/release]', ['member', 'other']),
      ticked([
        ['member', `${REPO}/issues/30`],
        ['other', `${REPO}/issues/31`],
      ]),
      {
        fixture: {
          resources: {
            '/orgs/acme/teams/release/members': { json: [{ login: 'Alice' }] },
            [`${API}/issues/30`]: closer(30, 'alice'),
            [`${API}/issues/31`]: closer(31, 'bob'),
          },
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.items).toEqual([
      ['member', 'ok', []],
      [
        'other',
        'bad-evidence',
        [
          `${REPO}/issues/31 is not accepted: issue #31 was closed by @bob, who is not a member of @acme/release`,
        ],
      ],
    ]);
  });
});
