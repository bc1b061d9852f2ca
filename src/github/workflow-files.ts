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
  const files = new Map<string, { repository: string; path: string }>();
  for (const { link, facts } of links) {
    if (!facts.found || (facts.kind !== 'run' && facts.kind !== 'job') || !facts.workflow) continue;
    const file = workflowFileOf(facts.workflow.path, `${link.owner}/${link.repo}`);
    if (file) files.set(workflowFileKey(file.repository, file.path), file);
  }
  const read = await Promise.all(
    [...files].map(async ([key, file]): Promise<[string, WorkflowFile]> => {
      const [owner = '', repo = ''] = file.repository.split('/');
      const own = file.repository.toLowerCase() === repository.toLowerCase();
      const text = await readFileAtRef(
        client,
        { owner, repo },
        file.path,
        own ? (baseBranch ?? undefined) : undefined,
      );
      return [key, text === null ? { found: false } : { found: true, name: workflowName(text, file.path) }];
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
