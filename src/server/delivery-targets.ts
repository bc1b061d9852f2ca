/** What one webhook delivery asks of the App: the events it listens for, and the work each delivery names. */
import type { Repository } from '../github/repository.js';
import type { Target } from '../gate/target.js';
import * as verdictEvents from '../evaluate/verdict-events.js';

/** The events the App subscribes to (app.yml), each with the actions that can change a verdict. */
export const GATED_ACTIONS: Record<string, readonly string[] | 'any'> = {
  pull_request: [...verdictEvents.PULL_REQUEST_ACTIONS, verdictEvents.MERGED_ACTION],
  pull_request_review: verdictEvents.REVIEW_ACTIONS,
  merge_group: ['checks_requested'],
  release: verdictEvents.RELEASE_ACTIONS,
  workflow_run: verdictEvents.WORKFLOW_RUN_ACTIONS,
  push: 'any',
  installation: ['created', 'new_permissions_accepted', 'unsuspend'],
  installation_repositories: ['added'],
};

/** What one delivery asks for: which installation, and the repositories or pull request to evaluate. */
export type DeliveryWork =
  | { kind: 'event'; installationId: number; repository: Repository; key: string }
  /** Repositories the App was just given: each is swept as the schedule sweeps it. */
  | { kind: 'sweep'; installationId: number; repositories: Repository[]; reason: string }
  | { kind: 'ignored'; why: string };

type Payload = Record<string, unknown>;

/** A value inside a payload, by its path; undefined where the path leads nowhere. */
export function dig(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** Sorts a verified delivery: the event the gate evaluates, a sweep, or nothing to do (and why). */
export function deliveryWork(name: string, payload: Payload): DeliveryWork {
  const actions = GATED_ACTIONS[name];
  if (!actions) return { kind: 'ignored', why: `the ${name} event is not one the gate evaluates` };
  const action = typeof payload['action'] === 'string' ? payload['action'] : '';
  if (actions !== 'any' && !actions.includes(action))
    return { kind: 'ignored', why: `${name}.${action} cannot change a verdict` };
  const installationId = Number(dig(payload, 'installation', 'id'));
  if (!Number.isInteger(installationId) || installationId <= 0)
    return { kind: 'ignored', why: `the ${name} delivery names no installation` };
  if (name === 'installation' || name === 'installation_repositories') {
    const account = String(dig(payload, 'installation', 'account', 'login') ?? '');
    const listed = (dig(payload, name === 'installation' ? 'repositories' : 'repositories_added') ?? []) as {
      full_name?: string;
      name?: string;
    }[];
    const repositories = listed.flatMap((each) => {
      const [owner, repo] = String(each.full_name ?? `${account}/${each.name ?? ''}`).split('/');
      return owner && repo ? [{ owner, repo }] : [];
    });
    return { kind: 'sweep', installationId, repositories, reason: `the App was installed on it (${name})` };
  }
  const owner = dig(payload, 'repository', 'owner', 'login');
  const repo = dig(payload, 'repository', 'name');
  if (typeof owner !== 'string' || typeof repo !== 'string')
    return { kind: 'ignored', why: `the ${name} delivery names no repository` };
  const repository = { owner, repo };
  return { kind: 'event', installationId, repository, key: queueKey(name, payload, repository) };
}

const QUEUE_REF = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/;

/**
 * Events of one pull request share a key, so they are evaluated one after another; any other event
 * of a repository (a push, a release, a completed run) is keyed by the repository.
 */
function queueKey(name: string, payload: Payload, repository: Repository): string {
  const base = `${repository.owner}/${repository.repo}`.toLowerCase();
  const number =
    dig(payload, 'pull_request', 'number') ??
    (name === 'merge_group'
      ? QUEUE_REF.exec(String(dig(payload, 'merge_group', 'head_ref') ?? ''))?.[1]
      : null);
  return number ? `${base}#${String(number)}` : base;
}

/** The sweep of one repository, as the action's schedule runs it. */
export function sweepTarget(repository: Repository, reason: string): Target {
  return { kind: 'sweep', repository, defaultBranch: null, base: null, reason };
}
