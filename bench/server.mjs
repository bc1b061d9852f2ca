// `node bench/server.mjs`: the App server under an organisation's load. 1,000 signed deliveries
// (an edited release pull request each) across 200 repositories, sent evenly over one minute to
// one instance of the built server (`checklist-gate serve`), against the emulator answering every
// request 50 ms late. Prints deliveries handled per second, the time from delivery to verdict
// (median and 99th percentile), the server's peak memory and the requests per delivery.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OrgEmulator } from '../__tests__/emulator/org-emulator.js';
import { startServer } from '../__tests__/emulator/run-server.js';
import { webhookExample } from '../__tests__/emulator/webhook-examples.js';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DELIVERIES = option('deliveries', 1000);
const REPOSITORIES = option('repositories', 200);
const SECONDS = option('seconds', 60);
const LATENCY_MS = option('latency', 50);
const ORG = 'acme';
const POLICY = 'version: 1\ngate:\n  branches: [main]\n';
const INCOMPLETE = '- [x] Tests pass\n- [ ] Rollback plan tested\n';
const COMPLETE = '- [x] Tests pass\n- [x] Rollback plan tested\n';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});
/** Repository `index`'s pull request head commit. */
const headOf = (index) => (index + 1).toString(16).padStart(40, 'c');
const names = Array.from({ length: REPOSITORIES }, (_, index) => `service-${index}`);
const emulator = new OrgEmulator({
  org: ORG,
  latencyMs: LATENCY_MS,
  repositories: names.map((name, index) => ({
    name,
    defaultBranch: 'main',
    files: { main: { '.github/checklist-gate.yml': POLICY } },
    pulls: [{ number: 1, base: 'main', headSha: headOf(index), body: INCOMPLETE }],
  })),
  app: {
    id: 4242,
    slug: 'checklist-gate',
    publicKey,
    installations: [{ id: 1, account: ORG, repositories: names }],
  },
});
const apiUrl = await emulator.start();
const server = await startServer({
  APP_ID: '4242',
  PRIVATE_KEY: privateKey,
  WEBHOOK_SECRET: 'bench',
  GITHUB_API_URL: apiUrl,
  // The action's measure has no organisation policy either.
  ORG_POLICY: 'none',
});

const EXAMPLE = webhookExample('pull_request', 'opened');

/** The edited event of a repository's pull request #1, its description ticked or not. */
function delivery(index) {
  const name = names[index % REPOSITORIES];
  const body = Math.floor(index / REPOSITORIES) % 2 === 0 ? COMPLETE : INCOMPLETE;
  const payload = structuredClone(EXAMPLE);
  payload.action = 'edited';
  payload.pull_request.body = body;
  payload.changes = { body: { from: body === COMPLETE ? INCOMPLETE : COMPLETE } };
  payload.repository = {
    ...payload.repository,
    name,
    full_name: `${ORG}/${name}`,
    owner: { ...payload.repository.owner, login: ORG },
  };
  payload.pull_request.number = 1;
  payload.pull_request.base.ref = 'main';
  // The head the repository's pull request has, as GitHub's payload would carry it.
  payload.pull_request.head.sha = headOf(index % REPOSITORIES);
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  return { name, body, payload };
}

const peak = { rss: 0 };
const sample = setInterval(() => {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    if (hwm) peak.rss = Math.max(peak.rss, Number(hwm[1]) * 1024);
  } catch {
    // The process has gone; the last sample stands.
  }
}, 200);

const started = Date.now();
const sent = [];
for (let index = 0; index < DELIVERIES; index++) {
  const due = started + (index * SECONDS * 1000) / DELIVERIES;
  if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  const { name, body, payload } = delivery(index);
  // The description as the event says it now is: the server reads it afresh.
  emulator.repository(name).editBody(1, body, new Date(Date.now()).toISOString().replace(/\.\d+Z$/, 'Z'));
  sent.push(server.deliver('pull_request', payload).then((answer) => ({ ...answer, at: Date.now() })));
}
const answers = await Promise.all(sent);
const acknowledged = answers.map((answer) => answer.status);
const took = [];
for (const answer of answers) {
  const line = await server.settled(answer.id, 600_000);
  took.push(Number(/ in (\d+) ms/.exec(line)?.[1] ?? NaN));
}
const wall = (Date.now() - started) / 1000;
// CPU seconds of the server process (user + system clock ticks, 100 a second) and of this one (the emulator).
const [utime, stime] = readFileSync(`/proc/${server.pid}/stat`, 'utf8')
  .split(') ')[1]
  .split(' ')
  .slice(11, 13)
  .map(Number);
const serverCpu = (utime + stime) / 100;
const ownCpu = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
clearInterval(sample);
const errors = `${server.stdout()}${server.stderr()}`.split('\n').filter((line) => /Z error /.test(line));
const failed = errors.length;
for (const line of errors.slice(0, 3)) console.error(line);
await server.stop();
await emulator.stop();

const sorted = took.filter(Number.isFinite).sort((a, b) => a - b);
const percentile = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const slowestAck = Math.max(
  ...answers.map((answer, index) => answer.at - (started + (index * SECONDS * 1000) / DELIVERIES)),
);
const rows = [
  [
    `Deliveries sent (${DELIVERIES} over ${SECONDS} s, ${REPOSITORIES} repositories, ${LATENCY_MS} ms latency)`,
    `${DELIVERIES}, all answered 202: ${acknowledged.every((status) => status === 202)}`,
  ],
  ['Deliveries handled per second (sent to last verdict)', (DELIVERIES / wall).toFixed(1)],
  ['Delivery to verdict, median', `${percentile(50)} ms`],
  ['Delivery to verdict, 99th percentile', `${percentile(99)} ms`],
  ['Slowest acknowledgement (202)', `${slowestAck} ms`],
  ['Peak memory of the server (resident)', `${(peak.rss / 1024 / 1024).toFixed(0)} MB`],
  ['Requests per delivery (token requests included)', (emulator.requests.length / DELIVERIES).toFixed(2)],
  ['Deliveries that failed', String(failed)],
  [
    'CPU time: the server / the emulator and this driver',
    `${serverCpu.toFixed(1)} s / ${ownCpu.toFixed(1)} s over ${wall.toFixed(0)} s`,
  ],
];
console.log('| Measure | Value |\n| --- | --- |');
for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);
