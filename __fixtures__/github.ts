// A typed stand-in for @actions/github, for jest.unstable_mockModule in the tests of main.
import type * as github from '@actions/github';
import { jest } from '@jest/globals';

export const getOctokit = jest.fn<typeof github.getOctokit>();

type Context = typeof github.context;

const run = {
  eventName: 'pull_request',
  payload: {} as Context['payload'],
  sha: 'f'.repeat(40),
  apiUrl: 'https://ghe.acme.dev/api/v3',
  serverUrl: 'https://ghe.acme.dev',
  graphqlUrl: 'https://ghe.acme.dev/api/graphql',
  runId: 4242,
  /** GITHUB_REPOSITORY; null outside a workflow, where the real context.repo throws. */
  repository: 'acme/shop' as string | null,
  get repo(): { owner: string; repo: string } {
    if (!run.repository) throw new Error('context.repo requires a GITHUB_REPOSITORY environment variable');
    const [owner = '', repo = ''] = run.repository.split('/');
    return { owner, repo };
  },
};

/** The run as the runner would describe it; a test changes what it needs. */
export const context = run as unknown as Context & { repository: string | null };
