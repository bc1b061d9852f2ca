/** The event worked out into what one run evaluates: a pull request, a release, a text, a sweep, or nothing. */
import type { PullRequestEdit } from '../evaluate/facts.js';
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
      edit: PullRequestEdit | null;
    }
  /** A merged pull request: the follow-up of an emergency release, if it had one. */
  | {
      kind: 'merged';
      repository: Repository;
      number: number;
      payloadBase: string | null;
      payloadHeadSha: string | null;
      defaultBranch: string;
      /** When it was merged: the follow-up issue, if one was opened, was opened after. */
      mergedAt: string;
    }
  | { kind: 'release'; repository: Repository; releaseId: number; defaultBranch: string; sha: string }
  | { kind: 'body'; repository: Repository; body: string; defaultBranch: string }
  /** Every open pull request (into `base`, when set) that the policy gates. */
  | {
      kind: 'sweep';
      repository: Repository;
      /** Null when the payload does not say (a schedule's payload names no repository). */
      defaultBranch: string | null;
      base: string | null;
      reason: string;
    }
  /** Every open pull request whose head is the commit: those named, else those GitHub associates with it. */
  | { kind: 'commit'; repository: Repository; defaultBranch: string; sha: string; numbers: number[] }
  /** An event that cannot change a verdict, such as a push to a tag. */
  | { kind: 'nothing'; description: string };

export const SUPPORTED_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'merge_group',
  'release',
  'workflow_run',
  'push',
  'schedule',
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

/**
 * The one place that turns an event into what to evaluate; an event the gate does not handle is
 * an error naming those it does.
 */
export function resolveTarget(input: EventInput): Target {
  const { payload, repository } = input;
  const payloadDefault =
    (payload['repository'] as { default_branch?: string } | undefined)?.default_branch ?? null;
  const defaultBranch = String(payloadDefault ?? 'main');
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
    // A review's `edited` event carries the review's text, not the description's.
    edit:
      input.eventName === 'pull_request' || input.eventName === 'pull_request_target'
        ? editOf(payload)
        : null,
  });
  if (input.prNumber !== null) return pullRequest(input.prNumber, null);
  switch (input.eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review': {
      const pr = payload['pull_request'] as
        { number: number; base?: { ref?: string }; merged?: boolean; merged_at?: string | null } | undefined;
      if (!pr)
        throw new UnsupportedEventError(`the ${input.eventName} event has no pull_request in its payload`);
      if (payload['action'] === 'closed' && input.eventName !== 'pull_request_review')
        return closedTarget(input, pr, defaultBranch, payloadHead);
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
    case 'workflow_run': {
      const run = payload['workflow_run'] as
        { head_sha?: string; pull_requests?: { number?: number; head?: { sha?: string } }[] } | undefined;
      if (payload['action'] !== 'completed')
        return { kind: 'nothing', description: 'A workflow run that has not completed changes no verdict.' };
      if (!run?.head_sha)
        throw new UnsupportedEventError('the workflow_run event has no workflow_run.head_sha in its payload');
      const numbers = (run.pull_requests ?? [])
        .filter((pull) => pull.head?.sha === undefined || pull.head.sha === run.head_sha)
        .map((pull) => pull.number)
        .filter((number): number is number => typeof number === 'number');
      return { kind: 'commit', repository, defaultBranch, sha: run.head_sha, numbers };
    }
    case 'push': {
      const ref = String(payload['ref'] ?? '');
      if (!ref.startsWith('refs/heads/'))
        return {
          kind: 'nothing',
          description: `A push to ${ref || 'no ref'} is not a push to a branch; nothing is evaluated.`,
        };
      const base = ref.slice('refs/heads/'.length);
      return { kind: 'sweep', repository, defaultBranch: payloadDefault, base, reason: `a push to ${base}` };
    }
    case 'schedule':
      return { kind: 'sweep', repository, defaultBranch: payloadDefault, base: null, reason: 'the schedule' };
    case 'workflow_dispatch':
      return {
        kind: 'sweep',
        repository,
        defaultBranch: payloadDefault,
        base: null,
        reason: 'a manual run',
      };
    default:
      throw new UnsupportedEventError(
        `the event "${input.eventName}" is not supported; use one of: ${SUPPORTED_EVENTS.join(', ')}`,
      );
  }
}

/** A closed pull request is not judged; a merged one may owe its emergency release's follow-up issue. */
function closedTarget(
  input: EventInput,
  pr: { number: number; base?: { ref?: string }; merged?: boolean; merged_at?: string | null },
  defaultBranch: string,
  payloadHeadSha: string | null,
): Target {
  if (pr.merged !== true || typeof pr.merged_at !== 'string')
    return {
      kind: 'nothing',
      description: `Pull request #${pr.number} was closed without being merged; nothing is evaluated.`,
    };
  return {
    kind: 'merged',
    repository: input.repository,
    number: pr.number,
    payloadBase: pr.base?.ref ?? null,
    payloadHeadSha,
    defaultBranch,
    mergedAt: pr.merged_at,
  };
}

function editOf(payload: Record<string, unknown>): PullRequestEdit | null {
  if (payload['action'] !== 'edited') return null;
  const from = (payload['changes'] as { body?: { from?: string } } | undefined)?.body?.from;
  const sender = (payload['sender'] as { login?: string } | undefined)?.login;
  const body = (payload['pull_request'] as { body?: string | null } | undefined)?.body ?? '';
  return typeof from === 'string' && sender ? { previousBody: from, body, sender } : null;
}
