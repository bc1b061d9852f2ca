/** The verdict posted on a commit, as a status or a check run, with the writes the token may not make collected. */
import type { GitHubClient } from '../github/client.js';
import { CHECK_TEXT_LIMIT, createCheckRun } from '../github/check-runs.js';
import { createCommitStatus, isStatusCapReached } from '../github/commit-status.js';
import { isForbidden, type Repository } from '../github/repository.js';
import { fitReport } from '../report/fit-report.js';
import type { Report } from '../evaluate/report.js';
import type { PublishSettings } from './publish-settings.js';
import { StatusFrozen } from './status-cap.js';

export type { PublishSettings } from './publish-settings.js';

export interface Verdict {
  sha: string;
  state: 'success' | 'failure' | 'error';
  description: string;
  markdown: string;
  /** The report behind the verdict: its JSON goes into the check run's text, the record that stays with the commit. */
  report?: Report | null;
}

/** A write the token may not make: collected into one warning instead of failing the run. */
export class PermissionProblems {
  private readonly missing = new Set<string>();

  /** Runs a write; a 403 records the permission it needs, any other error is thrown. */
  async attempt(permission: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isForbidden(error)) throw error;
      this.missing.add(permission);
    }
  }

  /** Whether a write needing this permission was refused. */
  refused(permission: string): boolean {
    return this.missing.has(permission);
  }

  warning(): string | null {
    if (this.missing.size === 0) return null;
    const list = [...this.missing].join(', ');
    return (
      `The token may not write here (missing ${list}), so the verdict is only in this job's result and summary. ` +
      `Give the workflow \`permissions:\` ${list}. A pull request from a fork gets a read-only token under ` +
      "`pull_request`: run the gate on `pull_request_target` instead, which is safe because it never checks out or runs the pull request's code."
    );
  }
}

/**
 * Runs writes that a read-only token may refuse, then warns once about every permission missing.
 * Every path that writes goes through here, so no refusal passes without its warning.
 */
export async function writeWithPermissions(
  log: { warning(message: string): void },
  writes: (problems: PermissionProblems) => Promise<unknown>,
): Promise<PermissionProblems> {
  const problems = new PermissionProblems();
  await writes(problems);
  const warning = problems.warning();
  if (warning) log.warning(warning);
  return problems;
}

/** Posts the verdict as a commit status, a check run, or both. */
export async function publishVerdict(
  client: GitHubClient,
  repository: Repository,
  verdict: Verdict,
  settings: PublishSettings,
  problems: PermissionProblems,
): Promise<void> {
  const writes: Promise<void>[] = [];
  if (settings.reportAs !== 'check-run') {
    writes.push(
      problems.attempt('statuses: write', () =>
        createCommitStatus(client, repository, {
          sha: verdict.sha,
          state: verdict.state,
          context: settings.checkName,
          description: verdict.description,
          targetUrl: settings.runUrl,
        }).catch((error: unknown) => {
          throw isStatusCapReached(error) ? new StatusFrozen(settings.checkName, verdict.sha) : error;
        }),
      ),
    );
  }
  if (settings.reportAs !== 'status') {
    writes.push(
      problems.attempt('checks: write', () =>
        createCheckRun(client, repository, {
          sha: verdict.sha,
          name: settings.checkName,
          conclusion: verdict.state === 'success' ? 'success' : 'failure',
          title: verdict.description,
          summary: verdict.markdown,
          text: verdict.report ? fitReport(verdict.report, CHECK_TEXT_LIMIT, settings.runUrl) : null,
          detailsUrl: settings.runUrl,
        }),
      ),
    );
  }
  await Promise.all(writes);
}

/**
 * Runs writes at once and waits for every one to end before passing on the first failure, so
 * that nothing is still writing when the caller reacts to it (say, by rewriting the comment).
 */
export async function settleAll(writes: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
