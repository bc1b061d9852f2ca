/** Which of a pull request's changed files configure the gate: its policy, the bases it builds on here, the workflows that run it. */
import { isWorkflowFile, knownGateFiles, usesGate } from '../evaluate/gate-change.js';
import type { GitHubClient } from '../github/client.js';
import { readFileAtRef } from '../github/policy-file.js';
import type { PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import type { Policy } from '../policy/policy.js';

/**
 * Which of a pull request's changed files configure the gate: the policy, the policies it builds
 * on in this repository, the running workflow, and any other workflow that runs the gate before
 * or after the change (each changed workflow file read at the base branch and the head, only
 * when one changed). A list GitHub cut short may hide one: then the gate cannot tell, and says so.
 */
export async function changedGateFiles(
  client: GitHubClient,
  repository: Repository,
  pr: Pick<PullRequest, 'baseRef' | 'headSha'>,
  changed: { paths: string[]; capped: boolean },
  policy: Policy,
  settings: { policyPath: string; runningWorkflow?: string | null },
): Promise<string[]> {
  const known = new Set(
    knownGateFiles(
      policy,
      settings.policyPath,
      `${repository.owner}/${repository.repo}`,
      settings.runningWorkflow ?? null,
    ),
  );
  const direct = changed.paths.filter((path) => known.has(path));
  const workflows = changed.paths.filter((path) => isWorkflowFile(path) && !known.has(path));
  const running = await Promise.all(
    workflows.map(async (path) => {
      const [before, after] = await Promise.all([
        readFileAtRef(client, repository, path, pr.baseRef),
        readFileAtRef(client, repository, path, pr.headSha),
      ]);
      return [before, after].some((text) => text !== null && usesGate(text)) ? [path] : [];
    }),
  );
  const files = [...new Set([...direct, ...running.flat()])];
  if (changed.capped) files.push('more changed files than GitHub lists, which may include them');
  return files;
}
