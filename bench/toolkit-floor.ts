// The toolkit floor: what any action on @actions/core and @actions/github's getOctokit with the
// retry and throttling plugins costs, with default options, making one request, then exiting.
// `npm run bench` compares the action's cold start with this bundle's.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

// The throttling plugin requires its two handlers; these are the plainest: retry once.
const retryOnce = (_after: number, _options: object, _octokit: unknown, retryCount: number) => retryCount < 1;
const octokit = getOctokit(
  core.getInput('token') || 'bench',
  {
    baseUrl: process.env['GITHUB_API_URL'],
    throttle: { onRateLimit: retryOnce, onSecondaryRateLimit: retryOnce },
  },
  retry,
  throttling,
);
const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
  owner: 'Codertocat',
  repo: 'Hello-World',
  pull_number: 2,
});
core.info(`pull request #${(data as { number: number }).number}`);
