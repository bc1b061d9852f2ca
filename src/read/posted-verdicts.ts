import type { GitHubClient } from '../github/client.js';
import { latestCheckRun, latestStatus, type PostedVerdict } from '../github/head-verdicts.js';
import type { Repository } from '../github/repository.js';
import type { CommitOverview } from './first-round.js';
import type { ReadSettings } from './read-settings.js';

/**
 * The latest status and/or check run with the gate's context, as the gate reports: each taken from
 * the first round's overview of the commit when it answered that part, else one request each.
 */
export async function postedVerdicts(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  settings: Pick<ReadSettings, 'checkName' | 'reportAs'>,
  known: Pick<CommitOverview, 'status' | 'checkRun'> | null = null,
): Promise<PostedVerdict[]> {
  const [status, checkRun] = await Promise.all([
    settings.reportAs === 'check-run'
      ? Promise.resolve(null)
      : known && known.status !== null
        ? Promise.resolve(known.status ?? null)
        : latestStatus(client, repository, sha, settings.checkName),
    settings.reportAs === 'status'
      ? Promise.resolve(null)
      : known && known.checkRun !== null
        ? Promise.resolve(known.checkRun ?? null)
        : latestCheckRun(client, repository, sha, settings.checkName),
  ]);
  return [status, checkRun].filter((verdict): verdict is PostedVerdict => verdict !== null);
}
