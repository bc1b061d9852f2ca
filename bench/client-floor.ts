// The least a run of the action can cost: the GitHub client the gate uses (@octokit/core with its
// retry, throttling and pagination plugins), bundled alone, making one request, then exiting.
import { createClient } from '../src/github/client.js';

const client = createClient({
  token: 'bench',
  baseUrl: process.env['BENCH_API_URL'] ?? '',
  retryBaseMs: 1000,
  warn: () => undefined,
});
await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
  owner: 'Codertocat',
  repo: 'Hello-World',
  pull_number: 2,
});
