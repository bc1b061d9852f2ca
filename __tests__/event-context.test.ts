import { readEventContext, type ActionsContext } from '../src/action/event-context.js';

const context = (fields: Record<string, unknown>, repository: string | null = 'acme/app') =>
  ({
    eventName: 'pull_request',
    payload: { action: 'opened', number: 2 },
    sha: 'abc',
    apiUrl: 'https://ghe.acme.dev/api/v3',
    serverUrl: 'https://ghe.acme.dev',
    runId: 7,
    get repo() {
      if (repository === null) throw new Error('context.repo requires a GITHUB_REPOSITORY');
      const [owner, repo] = repository.split('/');
      return { owner, repo };
    },
    ...fields,
  }) as unknown as ActionsContext;

describe('the event context', () => {
  it("takes the event, payload, repository and URLs from @actions/github's context", () => {
    expect(readEventContext(context({}))).toEqual({
      eventName: 'pull_request',
      payload: { action: 'opened', number: 2 },
      repository: { owner: 'acme', repo: 'app' },
      sha: 'abc',
      apiUrl: 'https://ghe.acme.dev/api/v3',
      serverUrl: 'https://ghe.acme.dev',
      runId: '7',
    });
  });

  it('has no run link without a run id (the context reads a missing GITHUB_RUN_ID as NaN)', () => {
    expect(readEventContext(context({ runId: Number.NaN })).runId).toBeNull();
  });

  it('refuses to run outside a workflow, saying why', () => {
    expect(() => readEventContext(context({}, null))).toThrow('GITHUB_REPOSITORY is not set');
    expect(() => readEventContext(context({}, 'acme'))).toThrow('GITHUB_REPOSITORY is not set');
  });
});
