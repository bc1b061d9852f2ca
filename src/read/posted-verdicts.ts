import type { GitHubClient } from '../github/client.js';
import { latestCheckRun, latestStatus, type PostedVerdict } from '../github/head-verdicts.js';
import type { Repository } from '../github/repository.js';
import type { ReadSettings } from './read-pull-request.js';

/** The latest status and/or check run with the gate's context, as the gate reports (one request each). */
export async function postedVerdicts(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  settings: ReadSettings,
): Promise<PostedVerdict[]> {
  const [status, checkRun] = await Promise.all([
    settings.reportAs !== 'check-run'
      ? latestStatus(client, repository, sha, settings.checkName)
      : Promise.resolve(null),
    settings.reportAs !== 'status'
      ? latestCheckRun(client, repository, sha, settings.checkName)
      : Promise.resolve(null),
  ]);
  return [status, checkRun].filter((verdict): verdict is PostedVerdict => verdict !== null);
}
