import { jest } from '@jest/globals';
import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { HEAD_SHA, pullRequestEvent, webhook } from './helpers/payloads.js';
import { statusesOn } from './helpers/statuses-on.js';

// Issue 22, late writes and stale facts: whatever order overlapping runs read and write in, with a
// fault on any one write, with or without a comment, the last verdict on the commit is the one for
// the newest facts. Each run is the bundle in its own process. The emulator holds every request a
// run makes at each point where the run reads or writes (its first reads, each write, each fresh
// read of the pull request or of the commit's verdicts) until the test lets that run go on to its
// next such point, so every interleaving of the runs' steps is driven in turn: a depth-first walk
// of the schedules, each replayed from the start against a fresh emulator. The schedules where
// one run finishes before the next starts are what a `concurrency:` block allows.

const STRICT = 'version: 1\ngate:\n  branches: [master]\n';
const LAX = 'version: 1\ngate:\n  branches: [master]\nunlisted: optional\n';
const POLICY = '.github/checklist-gate.yml';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';

type Fixture = NonNullable<ConstructorParameters<typeof GitHubEmulator>[0]>;

interface RunSpec {
  /** The run's token: how the emulator tells its requests apart. */
  token: string;
  eventName: string;
  payload: () => Record<string, unknown>;
  /** The change of facts that started this run, made just before its first reads. */
  change?: (emulator: GitHubEmulator) => void;
  /** Held only for its first reads, then let run to its end: one step instead of two or three. */
  oneStep?: boolean;
}

interface Scenario {
  title: string;
  fixture: Fixture;
  runs: RunSpec[];
  /** The verdict on the newest facts. */
  expected: 'success' | 'failure';
  /** Hold each run's reads after writing too (a third step); for two runs. */
  holdRereads: boolean;
  /** The configurations driven at every ordering. */
  configs: Config[];
}

interface Config {
  comment: 'always' | 'never';
  /** The run whose first status write gets a 502 (then retried), or none. */
  faultOn: string | null;
}

const pushToMaster = () => {
  const payload = webhook('push');
  payload['ref'] = 'refs/heads/master';
  payload['repository'] = { ...payload['repository'], default_branch: 'master' };
  return payload;
};

const edit = (token: string, body: string, updatedAt: string | null): RunSpec => ({
  token,
  eventName: 'pull_request',
  payload: () => pullRequestEvent('edited', body),
  ...(updatedAt !== null && { change: (emulator: GitHubEmulator) => emulator.editBody(2, body, updatedAt) }),
});

const policyPush = (token: string): RunSpec => ({
  token,
  eventName: 'push',
  payload: pushToMaster,
  change: (emulator) => {
    (emulator.files['master'] as Record<string, string>)[POLICY] = STRICT;
  },
});

const fixture = (policy: string, body: string): Fixture => ({
  files: { master: { [POLICY]: policy } },
  pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body, updatedAt: '2026-11-20T10:00:00Z' }],
});

const isWrite = (request: { method: string; path: string }) =>
  request.method !== 'GET' && request.path !== '/graphql';
// After the first reads, a GraphQL request is a fresh read: the facts and the verdicts again.
const isReread = (request: { method: string; path: string }) =>
  (request.method === 'POST' && request.path === '/graphql') ||
  (request.method === 'GET' &&
    /\/pulls\/\d+$|\/commits\/[0-9a-f]{40}\/(statuses|check-runs)$/.test(request.path));

interface Step {
  chosen: number;
  options: number[];
}

/** Runs one schedule: `prefix` says which run goes on at each step; past it, the first that can. */
async function runSchedule(
  scenario: Scenario,
  config: Config,
  prefix: number[],
): Promise<{ steps: Step[]; problem: string | null }> {
  const emulator = new GitHubEmulator(structuredClone(scenario.fixture));
  const apiUrl = await emulator.start();
  try {
    // Each run's steps: its first reads, its writes, its reads after writing; then it runs free.
    const releases = new Map<string, number>();
    emulator.hold((request) => {
      const run = scenario.runs.find((each) => each.token === request.token);
      if (run === undefined) return false;
      const stage = releases.get(run.token) ?? 0;
      if (stage === 0) return true;
      if (stage === 1) return !run.oneStep && isWrite(request);
      return stage === 2 && scenario.holdRereads && isReread(request);
    });
    if (config.faultOn !== null)
      emulator.inject({ method: 'POST', path: /\/statuses\//, status: 502, token: config.faultOn });
    const exited = new Set<string>();
    const results = scenario.runs.map((run) =>
      runAction({
        apiUrl,
        eventName: run.eventName,
        payload: run.payload(),
        inputs: { token: run.token, comment: config.comment },
      }).then((result) => {
        exited.add(run.token);
        return result;
      }),
    );
    const held = (token: string) => emulator.held.filter((entry) => entry.request.token === token).length;
    const inFlight = (token: string) =>
      emulator.requests.filter(
        (request) =>
          request.token === token &&
          request.answeredAt === null &&
          !emulator.held.some((entry) => entry.request === request),
      ).length;
    // A run waits at its next step when requests of its are held and none is on its way: for
    // longer than a retry's back-off, so that a retried write is not mistaken for the end of a step.
    const waitBlocked = async (token: string) => {
      const since = Date.now();
      let quiet = 0;
      while (!exited.has(token) && quiet < 5) {
        if (Date.now() - since > 20000) throw new Error(`run ${token} neither waited nor ended`);
        quiet = held(token) > 0 && inFlight(token) === 0 ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    };
    await Promise.all(scenario.runs.map((run) => waitBlocked(run.token)));
    const steps: Step[] = [];
    for (;;) {
      const options = scenario.runs
        .map((run, index) => ({ run, index }))
        .filter(({ run }) => !exited.has(run.token) && held(run.token) > 0)
        .map(({ index }) => index);
      if (options.length === 0) break;
      const wanted = prefix[steps.length];
      const chosen = wanted !== undefined && options.includes(wanted) ? wanted : (options[0] as number);
      steps.push({ chosen, options });
      const run = scenario.runs[chosen] as RunSpec;
      const stage = releases.get(run.token) ?? 0;
      if (stage === 0) run.change?.(emulator);
      releases.set(run.token, stage + 1);
      emulator.release((request) => request.token === run.token);
      await waitBlocked(run.token);
    }
    const outcomes = await Promise.all(results);
    const last = statusesOn(emulator, HEAD_SHA).at(-1);
    const comments = emulator.gateComments(2);
    const problems: string[] = [];
    if (last?.state !== scenario.expected)
      problems.push(`the last status is ${last?.state ?? 'none'}, not ${scenario.expected}`);
    if (config.comment === 'always') {
      const stamp = /"state":"(\w+)"/.exec(comments[0]?.body ?? '')?.[1];
      if (comments.length !== 1) problems.push(`${comments.length} comments`);
      else if (stamp !== scenario.expected)
        problems.push(`the comment says ${stamp}, not ${scenario.expected}`);
    }
    const problem =
      problems.length === 0
        ? null
        : `${problems.join('; ')} after [${steps.map((step) => scenario.runs[step.chosen]?.token).join(' ')}] ` +
          `(statuses ${emulator.statuses.map((status) => status.state).join(', ')})\n` +
          outcomes
            .map(
              (outcome, index) =>
                `--- ${scenario.runs[index]?.token}: exit ${outcome.code}\n${outcome.stdout}`,
            )
            .join('\n');
    return { steps, problem };
  } finally {
    emulator.release();
    await emulator.stop();
  }
}

/** Every schedule of the scenario, a few at a time; returns how many ran and what went wrong. */
async function everySchedule(
  scenario: Scenario,
  config: Config,
): Promise<{ schedules: string[]; problems: string[] }> {
  const pending: number[][] = [[]];
  const schedules: string[] = [];
  const problems: string[] = [];
  let running = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const prefix = pending.pop();
      if (prefix === undefined) {
        if (running === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      running++;
      try {
        const { steps, problem } = await runSchedule(scenario, config, prefix);
        schedules.push(steps.map((step) => scenario.runs[step.chosen]?.token).join(' '));
        if (problem) problems.push(problem);
        // Every other choice past the prefix is a schedule of its own.
        for (let depth = prefix.length; depth < steps.length; depth++) {
          const { chosen, options } = steps[depth] as Step;
          const before = steps.slice(0, depth).map((step) => step.chosen);
          for (const option of options) if (option !== chosen) pending.push([...before, option]);
        }
      } finally {
        running--;
      }
    }
  };
  // Schedules are found as earlier ones run: a worker that finds none waiting looks again while others run.
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { schedules, problems };
}

const PARALLEL = 4;

/** No fault, then a 502 on each run's status write in turn. */
const eachFault = (comment: Config['comment'], runs: RunSpec[]): Config[] => [
  { comment, faultOn: null },
  ...runs.map((run) => ({ comment, faultOn: run.token })),
];

const EDITS = [edit('older', COMPLETE, null), edit('newer', INCOMPLETE, '2026-11-20T10:00:05Z')];
const POLICY_PUSH = [edit('edit', INCOMPLETE, null), policyPush('push')];
const SWEEP_AND_EDIT: RunSpec[] = [
  { token: 'sweep', eventName: 'schedule', payload: () => ({}) },
  edit('edit', INCOMPLETE, '2026-11-20T10:00:05Z'),
];

const SCENARIOS: Scenario[] = [
  {
    title: 'an older edit (complete) and a newer one (incomplete)',
    fixture: fixture(STRICT, COMPLETE),
    runs: EDITS,
    expected: 'failure',
    holdRereads: true,
    configs: [...eachFault('always', EDITS), { comment: 'never', faultOn: null }],
  },
  {
    title: "a pull-request run on the old policy and the sweep of the policy's push",
    fixture: fixture(LAX, INCOMPLETE),
    runs: POLICY_PUSH,
    expected: 'failure',
    holdRereads: true,
    configs: eachFault('always', POLICY_PUSH),
  },
  {
    title: "a sweep's stale listing and an edit's run",
    fixture: fixture(STRICT, COMPLETE),
    runs: SWEEP_AND_EDIT,
    expected: 'failure',
    holdRereads: true,
    configs: eachFault('never', SWEEP_AND_EDIT),
  },
  {
    title: 'an edit, a policy push and a review: three runs',
    fixture: fixture(LAX, INCOMPLETE),
    runs: [
      edit('edit', INCOMPLETE, null),
      policyPush('push'),
      {
        token: 'review',
        eventName: 'pull_request_review',
        payload: () => webhook('pull_request_review', 'submitted'),
        oneStep: true,
      },
    ],
    expected: 'failure',
    holdRereads: false,
    configs: [{ comment: 'always', faultOn: 'edit' }],
  },
];

// Each schedule starts two or three processes; a few run at once (the suite has two cores).
jest.setTimeout(600_000);

describe('overlapping runs at every ordering of their reads and writes', () => {
  for (const scenario of SCENARIOS) {
    for (const config of scenario.configs) {
      const fault = config.faultOn === null ? 'no fault' : `a 502 on ${config.faultOn}'s status write`;
      it(`${scenario.title}: comment ${config.comment}, ${fault}`, async () => {
        const { schedules, problems } = await everySchedule(scenario, config);
        expect(problems).toEqual([]);
        // Every run went first in some schedule, and the orderings a concurrency block allows
        // (one run after the other) were among them.
        for (const run of scenario.runs)
          expect(schedules.some((schedule) => schedule.startsWith(run.token))).toBe(true);
        const serial = scenario.runs.map((run) =>
          Array(scenario.holdRereads ? 3 : 2)
            .fill(run.token)
            .join(' '),
        );
        expect(schedules.some((schedule) => schedule.startsWith(serial[0] as string))).toBe(true);
      });
    }
  }
});
