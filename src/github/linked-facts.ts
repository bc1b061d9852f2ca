/** What a linked run, job, pull request, issue, commit, check run or release says. */
import type { LinkFacts } from '../evaluate/facts.js';
import type { GitHubLink } from '../evaluate/github-link.js';
import type { GitHubClient } from './client.js';
import { isForbidden, isNotFound } from './repository.js';

/**
 * An id as the path segment it is: octokit's types ask for a number, but Number() would round a
 * 64-bit id beyond 2^53 into another one, so the exact digits are passed through.
 */
const exactId = (digits: string) => digits as unknown as number;

/** What the policy asks beyond the linked object itself, so that the extra reads are made only then. */
export interface LinkReads {
  /** Read a job's run, for the workflow it belongs to (evidence.workflows). */
  jobWorkflow: boolean;
  /** Read who merged a pull request linked as an issue (evidence.closed-by). */
  merger: boolean;
}

/** Asks the API about one linked run, job, pull request, issue, commit, check run or release. */
export async function fetchLinkFacts(
  client: GitHubClient,
  link: GitHubLink,
  reads: LinkReads = { jobWorkflow: false, merger: false },
): Promise<LinkFacts> {
  const repository = { owner: link.owner, repo: link.repo };
  try {
    switch (link.kind) {
      case 'run': {
        const { data } =
          link.attempt === null
            ? await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
                ...repository,
                run_id: exactId(link.runId),
              })
            : await client.request(
                'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
                {
                  ...repository,
                  run_id: exactId(link.runId),
                  attempt_number: exactId(link.attempt),
                },
              );
        return {
          found: true,
          kind: 'run',
          status: data.status ?? 'unknown',
          conclusion: data.conclusion ?? null,
          headSha: data.head_sha,
          workflow: { path: data.path, name: data.name ?? null, event: data.event },
        };
      }
      case 'job': {
        const { data } = await client.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}', {
          ...repository,
          job_id: exactId(link.jobId),
        });
        // A job names its workflow only by the name its run shows: the file and event are its run's.
        const run = reads.jobWorkflow
          ? (
              await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
                ...repository,
                run_id: Number(data.run_id),
              })
            ).data
          : null;
        return {
          found: true,
          kind: 'job',
          status: data.status,
          conclusion: data.conclusion ?? null,
          headSha: data.head_sha,
          workflow: run ? { path: run.path, name: run.name ?? null, event: run.event } : null,
        };
      }
      case 'check-run': {
        const { data } = await client.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          ...repository,
          check_run_id: exactId(link.checkRunId),
        });
        return {
          found: true,
          kind: 'check-run',
          status: data.status,
          conclusion: data.conclusion ?? null,
          headSha: data.head_sha,
          workflow: null,
        };
      }
      case 'pull': {
        const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
          ...repository,
          pull_number: exactId(link.number),
        });
        return {
          found: true,
          kind: 'pull',
          merged: data.merged === true,
          state: data.state,
          mergedBy: data.merged_by?.login ?? null,
        };
      }
      case 'issue': {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
          ...repository,
          issue_number: exactId(link.number),
        });
        const pullRequestMerged = data.pull_request ? Boolean(data.pull_request.merged_at) : null;
        // An issue names who closed it; for a pull request, the one who merged it is on the pull request.
        const merger =
          pullRequestMerged === true && reads.merger
            ? (
                await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
                  ...repository,
                  pull_number: exactId(link.number),
                })
              ).data.merged_by
            : undefined;
        return {
          found: true,
          kind: 'issue',
          state: data.state,
          stateReason: data.state_reason ?? null,
          pullRequestMerged,
          closedBy: (pullRequestMerged === null ? data.closed_by : merger)?.login ?? null,
        };
      }
      case 'commit':
        await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repository, ref: link.sha });
        return { found: true, kind: 'commit' };
      case 'release': {
        const { data } = await client.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
          ...repository,
          tag: link.tag,
        });
        return { found: true, kind: 'release', draft: data.draft };
      }
    }
  } catch (error) {
    // A private repository answers 404 to a token that cannot see it, so 404 is "not found or not readable".
    if (isNotFound(error)) return { found: false, reason: 'not-found', detail: 'not found' };
    if (isForbidden(error)) return { found: false, reason: 'unreadable', detail: 'forbidden' };
    // Other answers about the link itself (410 deleted, 422 no such commit) refuse this item only;
    // server errors and rate limits, already retried, fail the run.
    const status = (error as { status?: number }).status ?? 0;
    if (status >= 400 && status < 500 && status !== 429) {
      return {
        found: false,
        reason: 'failed',
        detail: `GitHub answered ${status}: ${(error as Error).message}`,
      };
    }
    throw error;
  }
}
