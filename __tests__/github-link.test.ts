import {
  countTargets,
  parseGitHubLink,
  readGitHubLink,
  type GitHubLink,
} from '../src/evaluate/github-link.js';

const HOST = 'github.com';
const REPO = 'https://github.com/Codertocat/Hello-World';

function parse(url: string, host = HOST): GitHubLink | null {
  return parseGitHubLink(url, host);
}

describe('parseGitHubLink: the verifiable forms', () => {
  it('an Actions run', () => {
    expect(parse(`${REPO}/actions/runs/11`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'run',
      runId: '11',
      attempt: null,
      key: 'run:codertocat/hello-world:11',
      target: 'run:codertocat/hello-world:11',
      label: 'run 11',
    });
  });

  it('an attempt of an Actions run', () => {
    expect(parse(`${REPO}/actions/runs/11/attempts/2`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'run',
      runId: '11',
      attempt: '2',
      key: 'run:codertocat/hello-world:11/2',
      target: 'run:codertocat/hello-world:11',
      label: 'run 11 (attempt 2)',
    });
  });

  it('a job of an Actions run, written /job/ or /jobs/', () => {
    const job = {
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'job',
      jobId: '3141',
      key: 'job:codertocat/hello-world:3141',
      target: 'check-run:codertocat/hello-world:3141',
      label: 'job 3141',
    };
    expect(parse(`${REPO}/actions/runs/11/job/3141`)).toEqual(job);
    expect(parse(`${REPO}/actions/runs/11/jobs/3141`)).toEqual(job);
  });

  it('a pull request', () => {
    expect(parse(`${REPO}/pull/9`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'pull',
      number: '9',
      key: 'pull:codertocat/hello-world:9',
      target: 'issue:codertocat/hello-world:9',
      label: 'PR #9',
    });
  });

  it('an issue', () => {
    expect(parse(`${REPO}/issues/30`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'issue',
      number: '30',
      key: 'issue:codertocat/hello-world:30',
      target: 'issue:codertocat/hello-world:30',
      label: 'issue #30',
    });
  });

  it('a commit, full or abbreviated, its key in lower case', () => {
    const sha = 'EC26C3E57CA3A959CA5AAD62DE7213C562F8C821';
    expect(parse(`${REPO}/commit/${sha}`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'commit',
      sha: sha.toLowerCase(),
      key: `commit:codertocat/hello-world:${sha.toLowerCase()}`,
      target: `commit:codertocat/hello-world:${sha.toLowerCase()}`,
      label: 'commit ec26c3e',
    });
    expect(parse(`${REPO}/commit/deadbee`)).toMatchObject({ kind: 'commit', sha: 'deadbee' });
  });

  it('a check run (/owner/repo/runs/<id>)', () => {
    expect(parse(`${REPO}/runs/501`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'check-run',
      checkRunId: '501',
      key: 'check-run:codertocat/hello-world:501',
      target: 'check-run:codertocat/hello-world:501',
      label: 'check run 501',
    });
  });

  it('a release by tag, tags with slashes and escapes decoded', () => {
    expect(parse(`${REPO}/releases/tag/v1.2.0`)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      kind: 'release',
      tag: 'v1.2.0',
      key: 'release:codertocat/hello-world:v1.2.0',
      target: 'release:codertocat/hello-world:v1.2.0',
      label: 'release v1.2.0',
    });
    expect(parse(`${REPO}/releases/tag/release/2026.11`)).toMatchObject({
      kind: 'release',
      tag: 'release/2026.11',
    });
    expect(parse(`${REPO}/releases/tag/v1%2B build`)).toMatchObject({ kind: 'release', tag: 'v1+ build' });
  });

  it('http as well as https, and any repository on the host', () => {
    expect(parse('http://github.com/octo-org/tools/pull/4')).toMatchObject({
      owner: 'octo-org',
      repo: 'tools',
      kind: 'pull',
      number: '4',
    });
  });

  it('the host given, compared without regard to case (GitHub Enterprise Server)', () => {
    expect(parse('https://GHE.Acme.dev/platform/api/actions/runs/5', 'ghe.acme.dev')).toMatchObject({
      owner: 'platform',
      repo: 'api',
      kind: 'run',
      runId: '5',
    });
    expect(parse(`${REPO}/actions/runs/5`, 'ghe.acme.dev')).toBeNull();
  });
});

describe('parseGitHubLink: trailing segments, queries and fragments', () => {
  it.each([
    [`${REPO}/pull/9/files`, 'pull:codertocat/hello-world:9'],
    [`${REPO}/pull/9/commits/abc1234`, 'pull:codertocat/hello-world:9'],
    [`${REPO}/pull/9#issuecomment-1`, 'pull:codertocat/hello-world:9'],
    [`${REPO}/issues/30#event-7`, 'issue:codertocat/hello-world:30'],
    [`${REPO}/actions/runs/11/`, 'run:codertocat/hello-world:11'],
    [`${REPO}/actions/runs/11?check_suite_focus=true`, 'run:codertocat/hello-world:11'],
    [`${REPO}/actions/runs/11/workflow`, 'run:codertocat/hello-world:11'],
    [`${REPO}/runs/501?check_suite_focus=true`, 'check-run:codertocat/hello-world:501'],
    [`${REPO}/commit/deadbeef#diff-1`, 'commit:codertocat/hello-world:deadbeef'],
    [`${REPO}//pull//9`, 'pull:codertocat/hello-world:9'],
  ])('%s has the key %s', (url, key) => {
    expect(parse(url)?.key).toBe(key);
  });

  it('gives equal keys to links to the same target, and different keys to different targets', () => {
    const key = (url: string) => parse(url)?.key;
    expect(key(`${REPO}/pull/9`)).toBe(key(`${REPO}/pull/9/files`));
    expect(key(`${REPO}/actions/runs/11`)).toBe(
      key(`http://github.com/Codertocat/Hello-World/actions/runs/11#x`),
    );
    expect(key(`${REPO}/commit/ABCDEF1`)).toBe(key(`${REPO}/commit/abcdef1`));
    expect(key(`${REPO}/actions/runs/11`)).not.toBe(key(`${REPO}/actions/runs/11/attempts/1`));
    expect(key(`${REPO}/actions/runs/11`)).not.toBe(key(`${REPO}/runs/11`));
    expect(key(`${REPO}/pull/9`)).not.toBe(key(`${REPO}/issues/9`));
    expect(key(`${REPO}/pull/9`)).not.toBe(key('https://github.com/octo-org/Hello-World/pull/9'));
  });
});

describe('parseGitHubLink: not verifiable', () => {
  it.each([
    'https://grafana.acme.dev/d/x',
    'https://gist.github.com/Codertocat/abc',
    'https://api.github.com/repos/Codertocat/Hello-World/actions/runs/11',
    'https://www.github.com.evil.example/Codertocat/Hello-World/pull/9',
    'https://github.com.evil.example/Codertocat/Hello-World/pull/9',
    'https://evilgithub.com/Codertocat/Hello-World/pull/9',
    'https://github.com:8443/Codertocat/Hello-World/pull/9',
  ])('another host: %s', (url) => {
    expect(parse(url)).toBeNull();
  });

  it.each([
    'not a url',
    '',
    '/Codertocat/Hello-World/pull/9',
    'github.com/Codertocat/Hello-World/pull/9',
    'https://',
    'ftp://github.com/Codertocat/Hello-World/pull/9',
    'mailto:octocat@github.com',
    'javascript:alert(1)//github.com/Codertocat/Hello-World/pull/9',
  ])('malformed or not http(s): %j', (url) => {
    expect(parse(url)).toBeNull();
  });

  it.each([
    `https://github.com/`,
    `https://github.com/Codertocat`,
    REPO,
    `${REPO}/pulls`,
    `${REPO}/pull/`,
    `${REPO}/pull/nine`,
    `${REPO}/pull/-9`,
    `${REPO}/pull/9.5`,
    `${REPO}/issues`,
    `${REPO}/issues/new`,
    `${REPO}/actions`,
    `${REPO}/actions/runs`,
    `${REPO}/actions/runs/latest`,
    `${REPO}/actions/workflows/ci.yml`,
    `${REPO}/commit/HEAD`,
    `${REPO}/commit/abc12`,
    `${REPO}/commit/${'a'.repeat(41)}`,
    `${REPO}/commit/zzzzzzz`,
    `${REPO}/commits/main`,
    `${REPO}/runs/x`,
    `${REPO}/actions/runs/11/job/notanumber`,
    `${REPO}/actions/runs/11/attempts/first`,
    `${REPO}/releases`,
    `${REPO}/releases/latest`,
    `${REPO}/releases/tag/`,
    `${REPO}/tree/main/docs`,
    `${REPO}/blob/main/README.md`,
    `${REPO}/pull/${'9'.repeat(21)}`,
  ])('not one of the forms: %s', (url) => {
    expect(parse(url)).toBeNull();
  });

  it('does not throw on a release tag with a malformed escape', () => {
    // The URL parser keeps "%" as written; a link like this in a ticked item must not crash the gate.
    const url = `${REPO}/releases/tag/v1%`;
    expect(() => parse(url)).not.toThrow();
  });
});

describe('parseGitHubLink: ids are exact strings of digits', () => {
  it("an id beyond JavaScript's safe integers keeps every digit in its key, its label and what is fetched", () => {
    const beyond = '9007199254740993'; // Number() would make it ...992, another run
    expect(String(Number(beyond))).not.toBe(beyond);
    expect(parse(`${REPO}/actions/runs/${beyond}`)).toMatchObject({
      runId: beyond,
      key: `run:codertocat/hello-world:${beyond}`,
      label: `run ${beyond}`,
    });
    expect(parse(`${REPO}/actions/runs/${beyond}`)?.key).not.toBe(
      parse(`${REPO}/actions/runs/9007199254740992`)?.key,
    );
  });

  it('the largest 64-bit id is a run id; one more is not', () => {
    expect(parse(`${REPO}/actions/runs/9223372036854775807`)).toMatchObject({ runId: '9223372036854775807' });
    expect(readGitHubLink(`${REPO}/actions/runs/9223372036854775808`, HOST)).toEqual({
      ok: false,
      reason: 'its run id has more digits than a GitHub id can have',
    });
  });

  it('leading zeros name the same object: runs/0101 is run 101', () => {
    expect(parse(`${REPO}/actions/runs/0101`)).toMatchObject({
      runId: '101',
      key: 'run:codertocat/hello-world:101',
    });
    expect(parse(`${REPO}/actions/runs/${'0'.repeat(30)}101`)).toMatchObject({ runId: '101' });
  });

  it.each([
    [`${REPO}/actions/runs/1e3`, 'its run id "1e3" is not a number'],
    [`${REPO}/actions/runs/0x65`, 'its run id "0x65" is not a number'],
    [`${REPO}/actions/runs/%31%30%31`, 'its run id is percent-encoded; write it as plain digits'],
    [`${REPO}/actions/runs/\u0661\u0660\u0661`, 'its run id is percent-encoded; write it as plain digits'],
    [`${REPO}/actions/runs`, 'it has no run id'],
    [`${REPO}/pull/9.5`, 'its pull request number "9.5" is not a number'],
    [`${REPO}/commit/HEAD`, 'its commit is not a hexadecimal sha of 7 to 40 digits'],
    ['https://grafana.acme.dev/d/x', 'it is not on github.com'],
    [
      `${REPO}/wiki/Release`,
      'it is not a link to an Actions run, job, check run, pull request, issue, commit or release on github.com',
    ],
  ])('%s is not verifiable: %s', (url, reason) => {
    expect(readGitHubLink(url, HOST)).toEqual({ ok: false, reason });
  });
});

describe('evidence targets, for counting distinct evidence', () => {
  it('spellings of one object are one target; different objects are not', () => {
    expect(countTargets([`${REPO}/actions/runs/101`, `${REPO}/actions/runs/0101`])).toBe(1);
    expect(countTargets([`${REPO}/actions/runs/101`, `${REPO}/actions/runs/101/attempts/2`])).toBe(1);
    expect(countTargets([`${REPO}/actions/runs/7/job/501`, `${REPO}/runs/501`])).toBe(1);
    expect(countTargets([`${REPO}/pull/9`, `${REPO}/issues/9`])).toBe(1);
    expect(
      countTargets([
        `${REPO}/actions/runs/101`,
        'https://github.com/CODERTOCAT/hello-world/actions/runs/101',
      ]),
    ).toBe(1);
    expect(countTargets([`${REPO}/commit/abc1234`, `${REPO}/commit/ABC1234def0`])).toBe(1);
    expect(countTargets(['https://grafana.acme.dev/d/x#panel-1', 'https://GRAFANA.acme.dev/d/x/'])).toBe(1);
    expect(countTargets([`${REPO}/actions/runs/101`, `${REPO}/actions/runs/102`])).toBe(2);
    expect(
      countTargets([`${REPO}/actions/runs/101`, 'https://github.com/octo-org/tools/actions/runs/101']),
    ).toBe(2);
    expect(countTargets([`${REPO}/commit/abc1234`, `${REPO}/commit/abc1235`])).toBe(2);
    expect(countTargets(['https://grafana.acme.dev/d/x?var=a', 'https://grafana.acme.dev/d/x?var=b'])).toBe(
      2,
    );
  });
});
