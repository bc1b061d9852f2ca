import { readFileSync } from 'node:fs';
import type { Repository } from '../github/repository.js';

/** What the runner says about the run: the event, its payload, the repository and where the API is. */
export interface EventContext {
  eventName: string;
  payload: Record<string, unknown>;
  repository: Repository;
  sha: string;
  apiUrl: string;
  serverUrl: string;
  runId: string | null;
}

/** Reads the run's context from the variables a GitHub runner sets. */
export function readEventContext(env: NodeJS.ProcessEnv): EventContext {
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (!owner || !repo)
    throw new Error('GITHUB_REPOSITORY is not set: the action must run in a GitHub Actions workflow');
  const eventPath = env['GITHUB_EVENT_PATH'];
  const payload = eventPath ? (JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>) : {};
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    payload,
    repository: { owner, repo },
    sha: env['GITHUB_SHA'] ?? '',
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    runId: env['GITHUB_RUN_ID'] || null,
  };
}
