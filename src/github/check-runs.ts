/** A check run, and GitHub's limits on it. */
import { truncate } from '../report/safe-text.js';
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** GitHub's limit on a check run's summary. */
export const CHECK_SUMMARY_LIMIT = 65535;
/** GitHub's limit on a check run's text, which holds the verdict's record. */
export const CHECK_TEXT_LIMIT = 65535;

export interface CheckRun {
  sha: string;
  name: string;
  conclusion: 'success' | 'failure';
  title: string;
  summary: string;
  /** The report as JSON, already cut to CHECK_TEXT_LIMIT; null for none. */
  text: string | null;
  detailsUrl: string | null;
}

export async function createCheckRun(
  client: GitHubClient,
  repository: Repository,
  run: CheckRun,
): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/check-runs', {
    ...repository,
    name: run.name,
    head_sha: run.sha,
    status: 'completed',
    conclusion: run.conclusion,
    ...(run.detailsUrl !== null && { details_url: run.detailsUrl }),
    output: {
      title: run.title.slice(0, 255),
      summary: truncate(run.summary, CHECK_SUMMARY_LIMIT),
      ...(run.text !== null && { text: run.text }),
    },
  });
}
