/**
 * A link to something on the repository's GitHub host that can be checked through the API. Ids are
 * strings of digits without leading zeros, never numbers: GitHub's ids are 64-bit, and a number
 * beyond 2^53 would be rounded into another id.
 */
export type GitHubLink = {
  owner: string;
  repo: string;
  /** What is fetched: owner and repository in lower case, ids without leading zeros, the attempt if any. */
  key: string;
  /** What is proven: links to one object share it (an attempt and its run; a job and its check run; a pull request and its issue). */
  target: string;
  label: string;
} & (
  | { kind: 'run'; runId: string; attempt: string | null }
  | { kind: 'job'; jobId: string }
  | { kind: 'pull'; number: string }
  | { kind: 'issue'; number: string }
  | { kind: 'commit'; sha: string }
  | { kind: 'check-run'; checkRunId: string }
  | { kind: 'release'; tag: string }
);

/** A link read as a GitHub object, or why it is not one that can be verified. */
export type LinkReading = { ok: true; link: GitHubLink } | { ok: false; reason: string };

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

const VERIFIABLE = 'an Actions run, job, check run, pull request, issue, commit or release';
const SHA = /^[0-9a-f]{7,40}$/i;
/** GitHub's ids are signed 64-bit integers. */
const MAX_ID = '9223372036854775807';

/**
 * Reads a link to the repository's GitHub host (`host`, such as github.com) as an Actions run,
 * job, pull request, issue, commit, check run or release; null for anything else.
 */
export function parseGitHubLink(link: string, host: string): GitHubLink | null {
  const reading = readGitHubLink(link, host);
  return reading.ok ? reading.link : null;
}

/**
 * Reads a link as a GitHub object on `host`, or says why it cannot be verified: another host, a
 * form that is none of the verifiable ones, or an id that is not an exact string of digits (letters,
 * percent-encoding, more digits than a 64-bit id has). Nothing is guessed: `runs/1e3` is no run.
 */
export function readGitHubLink(link: string, host: string): LinkReading {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, reason: 'it is not a full web address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `it is a ${url.protocol} link` };
  if (url.host.toLowerCase() !== host.toLowerCase()) return { ok: false, reason: `it is not on ${host}` };
  const notVerifiable = { ok: false, reason: `it is not a link to ${VERIFIABLE} on ${host}` } as const;
  const [owner, repo, kind, ...rest] = url.pathname.split('/').filter((part) => part !== '');
  if (!owner || !repo || !kind) return notVerifiable;
  const name = `${owner}/${repo}`.toLowerCase();
  const base = { owner, repo };
  const [first, second, what, value] = rest;
  const found = (link: GitHubLink): LinkReading => ({ ok: true, link });
  if (kind === 'actions' && first === 'runs') {
    const run = idOf(second, 'run id');
    if (!run.ok) return run;
    if (what === 'job' || what === 'jobs') {
      const job = idOf(value, 'job id');
      if (!job.ok) return job;
      return found({
        ...base,
        kind: 'job',
        jobId: job.id,
        key: `job:${name}:${job.id}`,
        // An Actions job is a check run with the same id.
        target: `check-run:${name}:${job.id}`,
        label: `job ${job.id}`,
      });
    }
    let attempt: string | null = null;
    if (what === 'attempts') {
      const number = idOf(value, 'attempt number');
      if (!number.ok) return number;
      attempt = number.id;
    }
    return found({
      ...base,
      kind: 'run',
      runId: run.id,
      attempt,
      key: `run:${name}:${run.id}${attempt === null ? '' : `/${attempt}`}`,
      target: `run:${name}:${run.id}`,
      label: `run ${run.id}${attempt === null ? '' : ` (attempt ${attempt})`}`,
    });
  }
  if (kind === 'pull' || kind === 'issues') {
    const number = idOf(first, kind === 'pull' ? 'pull request number' : 'issue number');
    if (!number.ok) return number;
    // Pull requests and issues share their numbers: /issues/9 of a pull request is that pull request.
    const target = `issue:${name}:${number.id}`;
    const common = { ...base, key: `${kind === 'pull' ? 'pull' : 'issue'}:${name}:${number.id}`, target };
    return found(
      kind === 'pull'
        ? { ...common, kind: 'pull', number: number.id, label: `PR #${number.id}` }
        : { ...common, kind: 'issue', number: number.id, label: `issue #${number.id}` },
    );
  }
  if (kind === 'commit') {
    if (!first || !SHA.test(first))
      return { ok: false, reason: 'its commit is not a hexadecimal sha of 7 to 40 digits' };
    const sha = first.toLowerCase();
    const key = `commit:${name}:${sha}`;
    return found({ ...base, kind: 'commit', sha, key, target: key, label: `commit ${sha.slice(0, 7)}` });
  }
  if (kind === 'runs') {
    const check = idOf(first, 'check run id');
    if (!check.ok) return check;
    const key = `check-run:${name}:${check.id}`;
    return found({
      ...base,
      kind: 'check-run',
      checkRunId: check.id,
      key,
      target: key,
      label: `check run ${check.id}`,
    });
  }
  if (kind === 'releases' && first === 'tag' && second) {
    const tag = safeDecode(rest.slice(1).join('/'));
    const key = `release:${name}:${tag}`;
    return found({ ...base, kind: 'release', tag, key, target: key, label: `release ${tag}` });
  }
  return notVerifiable;
}

/** An id as GitHub's API takes it: ASCII digits only, leading zeros dropped, within 64 bits. */
function idOf(
  segment: string | undefined,
  what: string,
): { ok: true; id: string } | { ok: false; reason: string } {
  if (segment === undefined) return { ok: false, reason: `it has no ${what}` };
  if (segment.includes('%'))
    return { ok: false, reason: `its ${what} is percent-encoded; write it as plain digits` };
  if (!/^[0-9]+$/.test(segment)) return { ok: false, reason: `its ${what} "${segment}" is not a number` };
  const id = segment.replace(/^0+(?=\d)/, '');
  if (id.length > MAX_ID.length || (id.length === MAX_ID.length && id > MAX_ID))
    return { ok: false, reason: `its ${what} has more digits than a GitHub id can have` };
  return { ok: true, id };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What a link proves, for counting distinct evidence: the GitHub object it names on its own host,
 * or, for any other link, the address without its fragment. Two spellings of one run are one target.
 */
export function evidenceTarget(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const host = url.host.toLowerCase();
  const reading = readGitHubLink(link, host);
  if (reading.ok) return `${host}|${reading.link.target}`;
  url.hash = '';
  return url.href.replace(/\/+(?=$|\?)/, '');
}

/**
 * How many distinct targets the links prove. Commits are compared by prefix, since an abbreviated
 * sha names the same commit as the full one.
 */
export function countTargets(links: string[]): number {
  const targets = [...new Set(links.map(evidenceTarget))].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const target of targets) {
    const commit = target.includes('|commit:');
    if (!commit || !kept.some((longer) => longer.includes('|commit:') && longer.startsWith(target)))
      kept.push(target);
  }
  return kept.length;
}
