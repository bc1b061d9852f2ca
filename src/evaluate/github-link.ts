/** A link to something on the repository's GitHub host that can be checked through the API. */
export type GitHubLink = { owner: string; repo: string; key: string; label: string } & (
  | { kind: 'run'; runId: number; attempt: number | null }
  | { kind: 'job'; jobId: number }
  | { kind: 'pull'; number: number }
  | { kind: 'issue'; number: number }
  | { kind: 'commit'; sha: string }
  | { kind: 'check-run'; checkRunId: number }
  | { kind: 'release'; tag: string }
);

const NUMBER = /^\d{1,20}$/;
const SHA = /^[0-9a-f]{7,40}$/i;

/**
 * Reads a link to the repository's GitHub host (`host`, such as github.com) as an Actions run,
 * job, pull request, issue, commit, check run or release; null for anything else.
 */
export function parseGitHubLink(link: string, host: string): GitHubLink | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (
    url.host.toLowerCase() !== host.toLowerCase() ||
    (url.protocol !== 'https:' && url.protocol !== 'http:')
  )
    return null;
  const [owner, repo, kind, ...rest] = url.pathname.split('/').filter((part) => part !== '');
  if (!owner || !repo || !kind) return null;
  const base = { owner, repo };
  const [first, second, third] = rest;
  const name = `${owner}/${repo}`;
  if (kind === 'actions' && first === 'runs' && second && NUMBER.test(second)) {
    const runId = Number(second);
    const [, , what, value] = rest;
    if ((what === 'job' || what === 'jobs') && value && NUMBER.test(value)) {
      return {
        ...base,
        kind: 'job',
        jobId: Number(value),
        key: `job:${name}:${value}`,
        label: `job ${value}`,
      };
    }
    const attempt = what === 'attempts' && value && NUMBER.test(value) ? Number(value) : null;
    const suffix = attempt === null ? '' : `/${attempt}`;
    return {
      ...base,
      kind: 'run',
      runId,
      attempt,
      key: `run:${name}:${runId}${suffix}`,
      label: `run ${runId}${attempt === null ? '' : ` (attempt ${attempt})`}`,
    };
  }
  if (kind === 'pull' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'pull',
      number: Number(first),
      key: `pull:${name}:${first}`,
      label: `PR #${first}`,
    };
  }
  if (kind === 'issues' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'issue',
      number: Number(first),
      key: `issue:${name}:${first}`,
      label: `issue #${first}`,
    };
  }
  if (kind === 'commit' && first && SHA.test(first)) {
    return {
      ...base,
      kind: 'commit',
      sha: first.toLowerCase(),
      key: `commit:${name}:${first.toLowerCase()}`,
      label: `commit ${first.slice(0, 7)}`,
    };
  }
  if (kind === 'runs' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'check-run',
      checkRunId: Number(first),
      key: `check-run:${name}:${first}`,
      label: `check run ${first}`,
    };
  }
  if (kind === 'releases' && first === 'tag' && second) {
    const tag = decodeURIComponent(
      [second, third, ...rest.slice(3)].filter((part) => part !== undefined).join('/'),
    );
    return { ...base, kind: 'release', tag, key: `release:${name}:${tag}`, label: `release ${tag}` };
  }
  return null;
}
