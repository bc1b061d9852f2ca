import { GitHubEmulator } from './emulator/github-emulator.js';
import { checkWebhook, matchOperation, takeViolations } from './emulator/openapi-conformance.js';
import { pullRequestEvent } from './helpers/payloads.js';

// Each test here breaks GitHub's published API on purpose, then takes the problems it caused,
// so that the hook that fails every other test for them (jest.config.js) finds none left.

const API = '/repos/Codertocat/Hello-World';
const SHA = 'a'.repeat(40);

let emulator: GitHubEmulator;
let url: string;

beforeEach(async () => {
  emulator = new GitHubEmulator({
    pulls: [{ number: 2, base: 'master', headSha: SHA, body: '- [x] Done\n' }],
  });
  url = await emulator.start();
});

afterEach(async () => {
  await emulator.stop();
});

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: 'token test-token', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe('requests are held to the REST description', () => {
  it('a request GitHub takes, and the answer, pass', async () => {
    const { status, json } = await send('GET', `${API}/pulls/2`);
    expect(status).toBe(200);
    // Completed from GitHub's example: fields the emulator does not model are there, of the right kind.
    expect(json).toMatchObject({ number: 2, body: '- [x] Done\n', head: { sha: SHA }, draft: false });
    expect(takeViolations()).toEqual([]);
  });

  it('an unknown query parameter names the operation and the parameter', async () => {
    await send('GET', `${API}/pulls/2?colour=red`);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number} (pulls/get): query (top) has "colour", which is not declared',
    ]);
  });

  it('per_page over its bound is refused', async () => {
    await send('GET', `${API}/pulls/2/files?per_page=500`);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files (pulls/list-files): query /per_page must be <= 100',
    ]);
  });

  it('a path parameter of the wrong type is refused', async () => {
    await send('GET', `${API}/pulls/two`);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number} (pulls/get): path /pull_number must be integer',
    ]);
  });

  it('a body with a wrong enum value names the field and what is allowed', async () => {
    await send('POST', `${API}/statuses/${SHA}`, { state: 'green', context: 'checklist-gate' });
    expect(takeViolations()).toEqual([
      'POST /repos/{owner}/{repo}/statuses/{sha} (repos/create-commit-status): body /state must be one of error, failure, pending, success',
    ]);
  });

  it('a body field the operation does not take is refused', async () => {
    await send('POST', `${API}/issues/2/comments`, { body: 'hello', colour: 'red' });
    expect(takeViolations()).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments (issues/create-comment): body (top) has "colour", which this operation does not take',
    ]);
  });

  it('a body where none is taken, and none where one is needed, are refused', async () => {
    await send('DELETE', `${API}/issues/comments/1`, { body: 'x' });
    await send('POST', `${API}/issues/2/comments`);
    expect(takeViolations()).toEqual([
      'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id} (issues/delete-comment): sends a body, but this operation takes none',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments (issues/create-comment): sends no body, but this operation needs one',
    ]);
  });

  it('a path GitHub does not have is refused', async () => {
    await send('GET', `${API}/pull/2`);
    expect(takeViolations()).toEqual([
      `GET ${API}/pull/2: no operation of GitHub's REST API has this method and path`,
    ]);
  });

  it('the request behind an injected fault is still checked; the fault itself is not', async () => {
    emulator.inject({ path: `${API}/pulls/2`, status: 502, body: 'Bad gateway' });
    const { status } = await send('GET', `${API}/pulls/2?colour=red`);
    expect(status).toBe(502);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number} (pulls/get): query (top) has "colour", which is not declared',
    ]);
  });

  it('matches a path to the most specific template; a last parameter may span slashes', () => {
    expect(matchOperation('GET', `${API}/pulls/2/files`).route?.id).toBe('pulls/list-files');
    expect(matchOperation('GET', `${API}/contents/.github/checklist-gate.yml`)).toMatchObject({
      route: { id: 'repos/get-content' },
      params: { path: '.github/checklist-gate.yml' },
    });
    expect(matchOperation('GET', `${API}/releases/tags/v1`).route?.id).toBe('repos/get-release-by-tag');
  });
});

describe('answers are held to the response schemas', () => {
  it('a canned answer missing a required field names the field', async () => {
    emulator.resources.set(`${API}/actions/runs/11`, { json: { id: 11, status: 'completed' }, asIs: true });
    await send('GET', `${API}/actions/runs/11`);
    const [problem, ...more] = takeViolations();
    expect(more).toEqual([]);
    expect(problem).toMatch(
      /^GET \/repos\/\{owner\}\/\{repo\}\/actions\/runs\/\{run_id\} \(actions\/get-workflow-run\): answer 200 \(top\) lacks the required field "[a-z_]+"/,
    );
  });

  it('a canned answer is completed from GitHub example, its own fields kept and their types checked', async () => {
    emulator.resources.set(`${API}/actions/runs/11`, {
      json: { id: 11, status: 'completed', conclusion: 'success' },
    });
    const { json } = await send('GET', `${API}/actions/runs/11`);
    expect(json).toMatchObject({
      id: 11,
      status: 'completed',
      conclusion: 'success',
      head_sha: expect.any(String),
    });
    expect(takeViolations()).toEqual([]);
    emulator.resources.set(`${API}/actions/runs/12`, { json: { id: 'twelve' } });
    await send('GET', `${API}/actions/runs/12`);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/actions/runs/{run_id} (actions/get-workflow-run): answer 200 /id must be integer',
    ]);
  });

  it('completion never supplies a finished state: what decides a verdict comes from the fixture or is unfinished', async () => {
    emulator.resources.set(`${API}/actions/jobs/5`, { json: { id: 5 } });
    emulator.resources.set(`${API}/check-runs/6`, { json: { id: 6 } });
    emulator.resources.set(`${API}/issues/7`, { json: { number: 7 } });
    emulator.resources.set(`${API}/releases/tags/v1`, { json: { tag_name: 'v1' } });
    const job = await send('GET', `${API}/actions/jobs/5`);
    const checkRun = await send('GET', `${API}/check-runs/6`);
    const issue = await send('GET', `${API}/issues/7`);
    const release = await send('GET', `${API}/releases/tags/v1`);
    expect(job.json).toMatchObject({ id: 5, status: 'queued', conclusion: null });
    expect(checkRun.json).toMatchObject({ id: 6, status: 'queued', conclusion: null });
    expect(issue.json).toMatchObject({ number: 7, state: 'open', state_reason: null });
    expect(issue.json.pull_request).toBeUndefined();
    expect(release.json).toMatchObject({ tag_name: 'v1', draft: true });
    expect(takeViolations()).toEqual([]);
  });

  it('a status GitHub does not document for the operation is flagged', async () => {
    emulator.resources.set(`${API}/actions/runs/13`, { status: 202, json: {} });
    await send('GET', `${API}/actions/runs/13`);
    expect(takeViolations()).toEqual([
      'GET /repos/{owner}/{repo}/actions/runs/{run_id} (actions/get-workflow-run): answers 202, a status GitHub does not document for this operation',
    ]);
  });
});

describe('GraphQL is held to the schema', () => {
  const QUERY = `query ($owner: String!, $repo: String!, $number: Int!) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        author { login }
        body
        userContentEdits(last: 5) { nodes { editedAt deletedAt editor { login } diff } }
      }
    }
  }`;

  it('the edit-history query and its answer pass', async () => {
    emulator.edits.set(2, [{ editor: 'alice', body: '- [x] Done\n', editedAt: '2026-11-01T10:00:00Z' }]);
    const { json } = await send('POST', '/graphql', {
      query: QUERY,
      variables: { owner: 'Codertocat', repo: 'Hello-World', number: 2 },
    });
    expect(json.data.repository.pullRequest.body).toBe('- [x] Done\n');
    expect(json.data.repository.pullRequest.userContentEdits.nodes[0].editor).toEqual({ login: 'alice' });
    expect(takeViolations()).toEqual([]);
  });

  it('a misspelled field is named', async () => {
    await send('POST', '/graphql', {
      query: QUERY.replace('userContentEdits', 'userContentEdit'),
      variables: { owner: 'Codertocat', repo: 'Hello-World', number: 2 },
    });
    expect(takeViolations()).toEqual([
      'POST /graphql: Cannot query field "userContentEdit" on type "PullRequest". Did you mean "userContentEdits"?',
    ]);
  });

  it('a variable of the wrong type is named', async () => {
    await send('POST', '/graphql', {
      query: QUERY,
      variables: { owner: 'Codertocat', repo: 'Hello-World', number: '2' },
    });
    expect(takeViolations()).toEqual([
      'POST /graphql: variables: Variable "$number" got invalid value "2"; Int cannot represent non-integer value: "2"',
    ]);
  });

  it('an answer the schema does not allow is named', async () => {
    emulator.pulls.set(2, { ...emulator.pulls.get(2)!, body: null as unknown as string });
    await send('POST', '/graphql', {
      query: QUERY,
      variables: { owner: 'Codertocat', repo: 'Hello-World', number: 2 },
    });
    expect(takeViolations()).toEqual([
      'POST /graphql: answer: Cannot return null for non-nullable field PullRequest.body. (at repository.pullRequest.body)',
    ]);
  });
});

describe('webhook payloads are held to the webhook schemas', () => {
  it('the payloads the tests build pass', () => {
    pullRequestEvent('edited', '- [x] a', { from: '- [ ] a', sender: 'alice' });
    checkWebhook('pull_request_target', pullRequestEvent('synchronize', ''));
    expect(takeViolations()).toEqual([]);
  });

  it('a payload missing a required key names the event, the action and the key', () => {
    const payload = pullRequestEvent('opened', '');
    delete payload['pull_request'].head;
    checkWebhook('pull_request', payload);
    expect(takeViolations()).toEqual([
      'webhook pull_request.opened (pull-request-opened): payload /pull_request lacks the required field "head"',
    ]);
  });

  it('an action the event does not have is named', () => {
    checkWebhook('pull_request', { ...pullRequestEvent('opened', ''), action: 'frobnicated' });
    expect(takeViolations()).toEqual([
      'webhook pull_request.frobnicated: GitHub documents no such event and action',
    ]);
  });
});
