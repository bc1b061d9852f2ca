// `npm run bench:audit`: the requests and time of `checklist-gate audit --org` over an
// organisation of 200 repositories and 2,000 pull requests merged in the window, on the loopback
// emulator with a delay on every answer, as over a network. Prints the figures, and with
// --write puts them in bench/AUDIT.md.
import { writeFileSync } from 'node:fs';
import { GATE, merged, POLICY, sha } from '../__tests__/emulator/audit-shop.js';
import { OrgEmulator } from '../__tests__/emulator/org-emulator.js';
import { runAudit } from '../__tests__/emulator/run-audit.js';

const REPOSITORIES = 200;
const PULLS_EACH = 10;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);

const emulator = new OrgEmulator({
  org: 'acme',
  latencyMs: LATENCY_MS,
  repositories: Array.from({ length: REPOSITORIES }, (_, index) => ({
    name: `service-${index}`,
    defaultBranch: 'main',
    policyHistory: [{ sha: sha(900), date: '2026-01-01T00:00:00Z', text: POLICY }],
    pulls: Array.from({ length: PULLS_EACH }, (_, number) =>
      merged(number + 1, new Date(Date.UTC(2026, 6, 1 + number, index % 24)).toISOString()),
    ),
  })),
});
for (let index = 0; index < REPOSITORIES; index++) {
  const repository = emulator.repository(`service-${index}`);
  for (let number = 1; number <= PULLS_EACH; number++)
    repository.postStatus(sha(number), {
      state: number % 10 === 0 ? 'failure' : 'success',
      creator: GATE,
      createdAt: '2026-06-30T00:00:00Z',
      description: 'All 1 required items done',
    });
}
const apiUrl = await emulator.start();
const started = Date.now();
const run = await runAudit(apiUrl, [
  '--org',
  'acme',
  '--since',
  '2026-07-01',
  '--until',
  '2026-07-31',
  '--format',
  'json',
]);
const seconds = (Date.now() - started) / 1000;
await emulator.stop();
if (run.code === 2) throw new Error(`audit failed: ${run.stderr}`);
const entries = JSON.parse(run.stdout);
const kinds = new Map();
for (const request of emulator.requests) {
  const kind =
    request.path === '/graphql'
      ? 'GraphQL query (merged pull requests, policy history, releases)'
      : request.path.endsWith('/statuses')
        ? 'GET …/commits/{sha}/statuses'
        : request.path.endsWith('/check-runs')
          ? 'GET …/commits/{sha}/check-runs'
          : request.path.startsWith('/orgs/')
            ? 'GET /orgs/{org}/repos'
            : `${request.method} ${request.path}`;
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
}
const lines = [
  '# Audit benchmark',
  '',
  `\`checklist-gate audit --org\` over ${REPOSITORIES} repositories and ${REPOSITORIES * PULLS_EACH} merged pull requests, every answer delayed ${LATENCY_MS} ms (\`npm run bench:audit\`).`,
  '',
  `- Audited: ${entries.length} pull requests, exit status ${run.code}.`,
  `- Requests: ${emulator.requests.length} (budget: ${Math.ceil(REPOSITORIES / 100)} + ${REPOSITORIES} + 2 × ${REPOSITORIES * PULLS_EACH} = ${Math.ceil(REPOSITORIES / 100) + REPOSITORIES + 2 * REPOSITORIES * PULLS_EACH}).`,
  ...[...kinds].map(([kind, count]) => `  - ${kind}: ${count}`),
  `- Time: ${seconds.toFixed(1)} s on this machine (4 repositories and 4 reads each at once).`,
  '',
];
process.stdout.write(lines.join('\n'));
if (process.argv.includes('--write')) writeFileSync(new URL('AUDIT.md', import.meta.url), lines.join('\n'));
