/** Every status and check run with the gate's name on a commit, for the audit. */
import type { PostedVerdict } from '../audit/entry.js';
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/**
 * The statuses and check runs with the gate's name on a commit, with when and by whom each was
 * posted: two requests. Statuses come newest first, 100 a page; a further page is read only while
 * none with the gate's name created by `before` has been seen (a commit with many other statuses).
 */
export async function gateVerdictsOn(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  name: string,
  before: string,
): Promise<PostedVerdict[]> {
  const moment = Date.parse(before);
  const [statuses, checkRuns] = await Promise.all([
    statusesUntil(
      client,
      repository,
      sha,
      (status) => status.context === name && Date.parse(status.created_at) <= moment,
    ),
    client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repository,
      ref: sha,
      check_name: name,
      filter: 'all',
      per_page: 100,
    }),
  ]);
  const fromStatuses: PostedVerdict[] = statuses
    .filter((status) => status.context === name)
    .map((status) => ({
      kind: 'status',
      state: status.state,
      description: status.description ?? '',
      postedBy: status.creator?.login ?? '',
      postedByBot: status.creator?.type === 'Bot',
      createdAt: status.created_at,
      url: status.target_url ?? null,
      record: null,
    }));
  const fromCheckRuns: PostedVerdict[] = checkRuns.data.check_runs
    .filter((run) => run.name === name)
    .map((run) => ({
      kind: 'check run',
      state: run.conclusion ?? run.status,
      description: run.output?.title ?? '',
      postedBy: run.app?.slug ? `${run.app.slug}[bot]` : '',
      postedByBot: true,
      // A check run the gate posts is created completed: that moment is when its verdict stood.
      createdAt: run.completed_at ?? run.started_at ?? '',
      url: run.html_url ?? null,
      record: recordIn(run.output?.text ?? null),
    }));
  return [...fromStatuses, ...fromCheckRuns];
}

interface StatusData {
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
  creator: { login: string; type: string } | null;
}

async function statusesUntil(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  enough: (status: StatusData) => boolean,
): Promise<StatusData[]> {
  const statuses: StatusData[] = [];
  const pages = client.paginate.iterator('GET /repos/{owner}/{repo}/commits/{ref}/statuses', {
    ...repository,
    ref: sha,
    per_page: 100,
  });
  for await (const page of pages) {
    statuses.push(...page.data);
    if (page.data.some(enough)) break;
  }
  return statuses;
}

/** The report a check run's text holds, when it is one; anything else is no record. */
function recordIn(text: string | null): { exceptions?: unknown } | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { exceptions?: unknown }) : null;
  } catch {
    return null;
  }
}
