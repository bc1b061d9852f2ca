/** The workflow files behind linked runs and jobs, as the base branch has them (evidence.workflows). */
import { parse } from 'yaml';
import { workflowFileKey, type LinkFacts, type WorkflowFile } from '../evaluate/facts.js';
import { workflowFileOf } from '../evaluate/workflow-path.js';
import type { GitHubLink } from '../evaluate/github-link.js';
import type { GitHubClient } from './client.js';
import { readFileAtRef } from './policy-file.js';

/**
 * The workflow files the linked runs and jobs ran, as the base branch has them (another
 * repository's, as its default branch has them), each read once. A run's own name comes from the
 * file it ran, which a pull request can write; the base branch's file says what the workflow is.
 */
export async function workflowFilesOfRuns(
  client: GitHubClient,
  links: { link: GitHubLink; facts: LinkFacts }[],
  repository: string,
  baseBranch: string | null,
): Promise<Map<string, WorkflowFile>> {
  const files = new Map<string, { repository: string; path: string; commits: Set<string> }>();
  for (const { link, facts } of links) {
    if (!facts.found || (facts.kind !== 'run' && facts.kind !== 'job') || !facts.workflow) continue;
    const file = workflowFileOf(facts.workflow.path, `${link.owner}/${link.repo}`);
    if (!file) continue;
    const key = workflowFileKey(file.repository, file.path);
    const entry = files.get(key) ?? { ...file, commits: new Set<string>() };
    entry.commits.add(facts.headSha);
    files.set(key, entry);
  }
  // Every file at once: its base branch's copy, then the copy on each commit a run ran on. Without
  // a copy on the base branch a run of the file never counts, so its commits' copies are not read.
  const read = await Promise.all(
    [...files].map(async ([key, file]): Promise<[string, WorkflowFile]> => {
      const [owner = '', repo = ''] = file.repository.split('/');
      const own = file.repository.toLowerCase() === repository.toLowerCase();
      const at = (ref: string | undefined) => readFileAtRef(client, { owner, repo }, file.path, ref);
      const text = await at(own ? (baseBranch ?? undefined) : undefined);
      if (text === null) return [key, { found: false }];
      const commits = [...file.commits];
      const copies = await Promise.all(commits.map((sha) => at(sha)));
      const changedAt = commits.filter((_, index) => copies[index] !== text);
      return [key, { found: true, name: workflowName(text, file.path), changedAt }];
    }),
  );
  return new Map(read);
}

/** The workflow's name as GitHub shows it: its `name:`, or its file path when it has none. */
function workflowName(text: string, path: string): string {
  try {
    const name = (parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() !== '' ? name : path;
  } catch {
    return path;
  }
}
