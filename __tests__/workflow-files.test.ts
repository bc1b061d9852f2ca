// The workflow files behind linked runs: read on the base branch, and on a run's commit only when
// the base branch has the file (without it the run never counts), counted request by request.
import { jest } from '@jest/globals';
import type { LinkFacts } from '../src/evaluate/facts.js';
import type { GitHubLink } from '../src/evaluate/github-link.js';
import type { GitHubClient } from '../src/github/client.js';
import { workflowFilesOfRuns } from '../src/github/workflow-files.js';

const RUN_SHA = 'c'.repeat(40);
const CI = 'name: CI\non: push\n';

/** A client that answers the contents API from `files` (path@ref → text), 404 for the rest, and counts. */
function filesClient(files: Record<string, string>) {
  const refs: (string | undefined)[] = [];
  const request = jest.fn(async (_route: string, params: { path: string; ref?: string }) => {
    refs.push(params.ref);
    const text = files[`${params.path}@${params.ref ?? 'default'}`];
    if (text === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { data: text };
  });
  return { client: { request } as unknown as GitHubClient, refs };
}

function runOf(path: string): { link: GitHubLink; facts: LinkFacts } {
  return {
    link: {
      owner: 'o',
      repo: 'r',
      key: 'run:o/r:1',
      target: 'run:o/r:1',
      label: 'run 1',
      kind: 'run',
      runId: '1',
      attempt: null,
    },
    facts: {
      found: true,
      kind: 'run',
      status: 'completed',
      conclusion: 'success',
      headSha: RUN_SHA,
      workflow: { path, name: 'CI', event: 'push' },
    },
  };
}

describe('the workflow files of linked runs', () => {
  it("reads the base branch's copy and the run's commit copy, and tells whether the run changed it", async () => {
    const { client, refs } = filesClient({
      '.github/workflows/ci.yml@main': CI,
      [`.github/workflows/ci.yml@${RUN_SHA}`]: `${CI}# changed\n`,
    });
    const files = await workflowFilesOfRuns(client, [runOf('.github/workflows/ci.yml')], 'o/r', 'main');
    expect(refs).toEqual(['main', RUN_SHA]);
    expect([...files.values()]).toEqual([{ found: true, name: 'CI', changedAt: [RUN_SHA] }]);
  });

  it('reads nothing more when the base branch has no copy: such a run never counts', async () => {
    const { client, refs } = filesClient({ [`.github/workflows/new.yml@${RUN_SHA}`]: CI });
    const files = await workflowFilesOfRuns(client, [runOf('.github/workflows/new.yml')], 'o/r', 'main');
    expect(refs).toEqual(['main']);
    expect([...files.values()]).toEqual([{ found: false }]);
  });
});
