/** The runner's event, as @actions/github reads it, in the shape the gate's target takes. */
import type { context as actionsContext } from '@actions/github';
import type { Repository } from '../github/repository.js';

/** @actions/github's reading of the run: the variables and event file the runner provides. */
export type ActionsContext = typeof actionsContext;

/** What the runner says about the run: the event, its payload, the repository and where the API is. */
export interface EventContext {
  eventName: string;
  payload: Record<string, unknown>;
  repository: Repository;
  sha: string;
  /** GITHUB_API_URL; the GraphQL endpoint follows from it as octokit derives it (`/api/v3` → `/api/graphql`). */
  apiUrl: string;
  serverUrl: string;
  runId: string | null;
}

/** The run's context as the gate needs it; outside a workflow (no repository) an error says so. */
export function readEventContext(context: ActionsContext): EventContext {
  return {
    eventName: context.eventName ?? '',
    payload: context.payload as Record<string, unknown>,
    repository: repositoryOf(context),
    sha: context.sha ?? '',
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    runId: Number.isInteger(context.runId) && context.runId > 0 ? String(context.runId) : null,
  };
}

function repositoryOf(context: ActionsContext): Repository {
  const outside = 'GITHUB_REPOSITORY is not set: the action must run in a GitHub Actions workflow';
  let repository: Repository;
  try {
    repository = context.repo;
  } catch {
    throw new Error(outside);
  }
  if (!repository.owner || !repository.repo) throw new Error(outside);
  return { owner: repository.owner, repo: repository.repo };
}

/**
 * The running workflow's file when it lives in this repository, from GITHUB_WORKFLOW_REF
 * (owner/repo/.github/workflows/gate.yml@refs/heads/main); null for a workflow kept elsewhere,
 * such as an organisation ruleset's.
 */
export function runningWorkflowOf(workflowRef: string | undefined, repository: Repository): string | null {
  const match = /^([^/]+)\/([^/]+)\/(.+?)@/.exec(workflowRef ?? '');
  if (!match) return null;
  const [, owner = '', repo = '', path = ''] = match;
  const here = `${repository.owner}/${repository.repo}`.toLowerCase();
  return `${owner}/${repo}`.toLowerCase() === here ? path : null;
}
