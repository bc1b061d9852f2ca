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

/** What each kind of link is called in messages. */
export const LINK_WORDS: Record<GitHubLink['kind'], string> = {
  run: 'run',
  job: 'job',
  pull: 'pull request',
  issue: 'issue',
  commit: 'commit',
  'check-run': 'check run',
  release: 'release',
};

const NUMBER = /^\d{1,20}$/;
const SHA = /^[0-9a-f]{7,40}$/i;

/**
 * Reads a link to the repository's GitHub host (`host`, such as github.com) as an Actions run,
 * job, pull request, issue, commit, check run or release; null for anything else. The key names
 * the target, not the spelling: owner and repository in lower case, numbers without leading zeros.
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
  const name = `${owner}/${repo}`.toLowerCase();
  const [first, second] = rest;
  if (kind === 'actions' && first === 'runs' && second && NUMBER.test(second)) {
    const run = id(second);
    const [, , what, value] = rest;
    if ((what === 'job' || what === 'jobs') && value && NUMBER.test(value)) {
      return {
        ...base,
        kind: 'job',
        jobId: Number(value),
        key: `job:${name}:${id(value)}`,
        label: `job ${id(value)}`,
      };
    }
    const attempt = what === 'attempts' && value && NUMBER.test(value) ? Number(value) : null;
    return {
      ...base,
      kind: 'run',
      runId: Number(run),
      attempt,
      key: `run:${name}:${run}${attempt === null ? '' : `/${attempt}`}`,
      label: `run ${run}${attempt === null ? '' : ` (attempt ${attempt})`}`,
    };
  }
  if (kind === 'pull' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'pull',
      number: Number(first),
      key: `pull:${name}:${id(first)}`,
      label: `PR #${id(first)}`,
    };
  }
  if (kind === 'issues' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'issue',
      number: Number(first),
      key: `issue:${name}:${id(first)}`,
      label: `issue #${id(first)}`,
    };
  }
  if (kind === 'commit' && first && SHA.test(first)) {
    const sha = first.toLowerCase();
    return { ...base, kind: 'commit', sha, key: `commit:${name}:${sha}`, label: `commit ${sha.slice(0, 7)}` };
  }
  if (kind === 'runs' && first && NUMBER.test(first)) {
    return {
      ...base,
      kind: 'check-run',
      checkRunId: Number(first),
      key: `check-run:${name}:${id(first)}`,
      label: `check run ${id(first)}`,
    };
  }
  if (kind === 'releases' && first === 'tag' && second) {
    const tag = safeDecode(rest.slice(1).join('/'));
    return { ...base, kind: 'release', tag, key: `release:${name}:${tag}`, label: `release ${tag}` };
  }
  return null;
}

function id(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
