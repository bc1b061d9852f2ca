// @ts-check
// `npm run demo`: runs the bundled action (dist/index.js) against the loopback GitHub emulator for
// a sample release pull request, twice: with the checklist half done, then after the author
// ticks the rest and links the evidence. Prints what the gate posted each time.
import { readFileSync } from 'node:fs';
import { GitHubEmulator } from './github-emulator.js';
import { takeViolations } from './openapi-conformance.js';
import { runAction } from './run-action.js';
import { webhookExample } from './webhook-examples.js';
const read = (/** @type {string} */ path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const policy = read('checklists/production-release/checklist-gate.yml');
const template = read('checklists/production-release/release.md');
const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/8812';
const tick = (/** @type {string} */ body, /** @type {string} */ text) =>
  body.replace(`- [ ] ${text}`, `- [x] ${text}`);

let halfDone = template;
for (const text of [
  'Every change in the release is reviewed',
  'No secrets in code',
  'A backup was taken',
  'On-call and support',
]) {
  halfDone = tick(halfDone, text);
}
// Ticked, but without the link to the CI run that the policy asks for.
halfDone = tick(halfDone, 'Automated tests pass');

let done = halfDone;
for (const text of [
  'Dependency and security scan',
  'Load test meets',
  'Database migrations',
  'Dashboards and alerts',
  'The rollback procedure',
]) {
  done = tick(done, text);
}
done = done
  .replace('Evidence: a link to the CI run of the release commit', `Evidence: ${RUN}`)
  .replace('Evidence: a link to the scan report', 'Evidence: https://scanner.acme.dev/reports/4411')
  .replace('Evidence: a link to the load-test report', 'Evidence: https://grafana.acme.dev/d/k6-release-2-4')
  .replace('Evidence: a link to the dashboard', 'Evidence: https://grafana.acme.dev/d/checkout-overview')
  .replace(
    'Evidence: a link to the runbook or the rehearsal record',
    'Evidence: https://wiki.acme.dev/runbooks/checkout-rollback',
  );

const pullRequest = webhookExample('pull_request', 'opened');
const headSha = pullRequest.pull_request.head.sha;
// The policy verifies the CI run: a successful run of the CI workflow (on the base branch) on the head commit.
const CI = '.github/workflows/ci.yml';
const emulator = new GitHubEmulator({
  files: {
    master: { '.github/checklist-gate.yml': policy, [CI]: 'name: CI\non: [pull_request]\njobs: {}\n' },
  },
  pulls: [{ number: 2, base: 'master', headSha, body: halfDone, updatedAt: '2026-11-22T09:00:00Z' }],
  resources: {
    '/repos/Codertocat/Hello-World/actions/runs/8812': {
      json: {
        id: 8812,
        status: 'completed',
        conclusion: 'success',
        head_sha: headSha,
        path: CI,
        name: 'CI',
        event: 'pull_request',
      },
    },
  },
});
const apiUrl = await emulator.start();

const rule = '─'.repeat(78);
/** A text shown as it is, indented, so where it starts and ends is plain. */
const shown = (/** @type {string} */ text) => text.replace(/\n$/, '').replace(/^/gm, '    ');

async function round(
  /** @type {string} */ title,
  /** @type {string} */ description,
  /** @type {Record<string, unknown>} */ payload,
) {
  console.log(`\n${rule}\n${title}\n${rule}`);
  console.log(
    `The pull request's description, as the gate reads it from the API:\n\n${shown(description)}\n`,
  );
  const run = await runAction({ apiUrl, eventName: 'pull_request', payload });
  const status = emulator.statuses.at(-1);
  const comment = emulator.gateComments(2)[0];
  if (status === undefined || comment === undefined)
    throw new Error('the gate posted no status or no comment');
  console.log(`Exit code of the job:   ${run.code} (${run.code === 0 ? 'the job passes' : 'the job fails'})`);
  console.log(
    `Status posted:          ${status.context} = ${status.state}: "${status.description}" on ${status.sha.slice(0, 7)}`,
  );
  console.log(`Outputs:                result=${run.outputs.result}  missing=${run.outputs.missing}`);
  console.log(`Comments by the gate:   ${emulator.gateComments(2).length} (id ${comment.id})`);
  console.log(`\nThe comment on the pull request (Markdown):\n`);
  console.log(comment.body.replace(/^<!--.*-->\n/gm, ''));
}

try {
  console.log(
    `The policy on the base branch (checklists/production-release/checklist-gate.yml), read by the gate from the API:\n\n${shown(policy)}`,
  );
  await round('1. The release PR is opened with the checklist half done', halfDone, {
    ...pullRequest,
    action: 'opened',
  });
  emulator.editBody(2, done, '2026-11-22T09:30:00Z');
  await round('2. The author ticks the rest and links the evidence (an "edited" event)', done, {
    ...pullRequest,
    action: 'edited',
    changes: { body: { from: halfDone } },
  });
  console.log(`API requests made in all: ${emulator.requests.length}; every one went to ${apiUrl}.`);
  const problems = takeViolations();
  if (problems.length > 0) {
    console.error(`\nDepartures from GitHub's published API:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
} finally {
  await emulator.stop();
}
