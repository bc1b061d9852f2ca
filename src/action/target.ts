import type { Repository } from '../github/repository.js';

/** What one run evaluates, worked out from the event. */
export type Target =
  | {
      kind: 'pull_request';
      repository: Repository;
      number: number;
      /** The base branch in the payload: where the policy is first looked for, checked against the fresh PR. */
      payloadBase: string | null;
      defaultBranch: string;
      /** For a merge queue: the commit to post the status on, instead of the PR's head. */
      statusSha: string | null;
      /** The head commit named in the payload: where an error is posted if the pull request cannot be read. */
      payloadHeadSha: string | null;
      /** An `edited` event: who edited, and the description before and after the edit. */
      edit: { previousBody: string; body: string; sender: string } | null;
    }
  | { kind: 'release'; repository: Repository; releaseId: number; defaultBranch: string; sha: string }
  | { kind: 'body'; repository: Repository; body: string; defaultBranch: string };

export const SUPPORTED_EVENTS = [
  'pull_request',
  'pull_request_target',
  'merge_group',
  'release',
  'workflow_dispatch',
];

export class UnsupportedEventError extends Error {}

interface EventInput {
  eventName: string;
  payload: Record<string, unknown>;
  repository: Repository;
  /** GITHUB_SHA: for a release, the tagged commit. */
  sha: string;
  body: string | null;
  prNumber: number | null;
}

const QUEUE_REF = /gh-readonly-queue\/(.+)\/pr-(\d+)-[0-9a-f]+$/;

/** Decides what to evaluate for an event; an event the gate does not handle is an error naming those it does. */
export function resolveTarget(input: EventInput): Target {
  const { payload, repository } = input;
  const defaultBranch = String(
    (payload['repository'] as { default_branch?: string } | undefined)?.default_branch ?? 'main',
  );
  if (input.body !== null) return { kind: 'body', repository, body: input.body, defaultBranch };
  const payloadHead = (payload['pull_request'] as { head?: { sha?: string } } | undefined)?.head?.sha ?? null;
  const pullRequest = (number: number, payloadBase: string | null, statusSha: string | null = null) => ({
    kind: 'pull_request' as const,
    repository,
    number,
    payloadBase,
    defaultBranch,
    statusSha,
    payloadHeadSha: statusSha ?? payloadHead,
    edit: editOf(payload),
  });
  if (input.prNumber !== null) return pullRequest(input.prNumber, null);
  switch (input.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = payload['pull_request'] as { number: number; base?: { ref?: string } } | undefined;
      if (!pr)
        throw new UnsupportedEventError(`the ${input.eventName} event has no pull_request in its payload`);
      return pullRequest(pr.number, pr.base?.ref ?? null);
    }
    case 'merge_group': {
      const group = payload['merge_group'] as { head_ref?: string; head_sha?: string } | undefined;
      const match = QUEUE_REF.exec(group?.head_ref ?? '');
      if (!match?.[1] || !match[2] || !group?.head_sha) {
        throw new UnsupportedEventError(
          `cannot find the pull request in merge_group.head_ref "${group?.head_ref ?? ''}"`,
        );
      }
      return { ...pullRequest(Number(match[2]), match[1], group.head_sha), edit: null };
    }
    case 'release': {
      const release = payload['release'] as { id?: number } | undefined;
      if (typeof release?.id !== 'number')
        throw new UnsupportedEventError('the release event has no release in its payload');
      return { kind: 'release', repository, releaseId: release.id, defaultBranch, sha: input.sha };
    }
    case 'workflow_dispatch':
      throw new UnsupportedEventError('on workflow_dispatch, set the "pr-number" or "body" input');
    default:
      throw new UnsupportedEventError(
        `the event "${input.eventName}" is not supported; use one of: ${SUPPORTED_EVENTS.join(', ')} (workflow_dispatch with pr-number or body)`,
      );
  }
}

function editOf(
  payload: Record<string, unknown>,
): { previousBody: string; body: string; sender: string } | null {
  if (payload['action'] !== 'edited') return null;
  const from = (payload['changes'] as { body?: { from?: string } } | undefined)?.body?.from;
  const sender = (payload['sender'] as { login?: string } | undefined)?.login;
  const body = (payload['pull_request'] as { body?: string | null } | undefined)?.body ?? '';
  return typeof from === 'string' && sender ? { previousBody: from, body, sender } : null;
}
