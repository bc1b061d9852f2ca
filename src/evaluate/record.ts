/** The record kept with each verdict: what was judged, by which policy, as whom. */
import { sha256 } from '../policy/file-hash.js';

export { gitBlobSha, sha256 } from '../policy/file-hash.js';
import type { Policy } from '../policy/policy.js';

/** One policy file a verdict was judged by: its name in messages and the Git blob id of the text read. */
export interface PolicyFileRead {
  file: string;
  /** The Git blob SHA-1 of the text, as `git hash-object` and GitHub's contents API name it. */
  blob: string;
}

/**
 * What a verdict was given on, so that it can be checked afterwards: the subject, the commits,
 * the policy as read, the description's hash, the facts and who posted it.
 */
export interface EvaluationRecord {
  /** OWNER/REPO; null for an offline check. */
  repository: string | null;
  pullRequest: number | null;
  /** The release's tag, for a release. */
  release: string | null;
  /** The commit judged: the pull request's head, the release tag's commit. */
  headSha: string | null;
  /** The pull request's base commit as GitHub reported it when read. */
  baseSha: string | null;
  baseRef: string | null;
  policy: {
    /** The policy's path in the repository, or the local file; null for the built-in default. */
    path: string | null;
    /** The branch or commit it was read at; null for a local file or the default. */
    ref: string | null;
    blob: string | null;
    /** With extends: each base read, nearest first. */
    extends: PolicyFileRead[];
  };
  description: { sha256: string; characters: number };
  labels: string[];
  /** The GitHub event that started the run, or `check` for the CLI. */
  event: string;
  /** When the verdict was computed, ISO 8601 in UTC. */
  evaluatedAt: string;
  gate: {
    version: string;
    /** The login the verdict was posted as; null when nothing was posted. */
    postedAs: string | null;
  };
}

export interface RecordFacts {
  repository: string | null;
  pullRequest?: number | null;
  release?: string | null;
  headSha: string | null;
  baseSha?: string | null;
  baseRef?: string | null;
  /** The loaded policy, or null when it could not be loaded (its path is then `policyPath`). */
  policy: Policy | null;
  policyPath: string;
  policyRef: string | null;
  description: string;
  labels: string[];
  event: string;
  now: Date;
  version: string;
  postedAs: string | null;
}

/** The record of one evaluation, from the facts the flow read; pure. */
export function recordOf(facts: RecordFacts): EvaluationRecord {
  const fromDefault = facts.policy?.source.kind === 'default';
  const read = facts.policy?.read ?? [];
  return {
    repository: facts.repository,
    pullRequest: facts.pullRequest ?? null,
    release: facts.release ?? null,
    headSha: facts.headSha,
    baseSha: facts.baseSha ?? null,
    baseRef: facts.baseRef ?? null,
    policy: {
      path: fromDefault ? null : facts.policyPath,
      ref: fromDefault ? null : facts.policyRef,
      blob: read[0]?.blob ?? null,
      extends: read.slice(1),
    },
    description: { sha256: sha256(facts.description), characters: facts.description.length },
    labels: [...facts.labels],
    event: facts.event,
    evaluatedAt: facts.now.toISOString(),
    gate: { version: facts.version, postedAs: facts.postedAs },
  };
}
