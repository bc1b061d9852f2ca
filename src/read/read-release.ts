/** Everything one evaluation of a release reads: the release, the policy on the default branch, its facts. */
import { parseChecklist } from '../checklist/parse.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { EvaluationContext } from '../evaluate/context.js';
import { factsNeeded, type FactsNeeded } from '../evaluate/plan-facts.js';
import type { GitHubClient } from '../github/client.js';
import { getRelease, type Release } from '../github/releases.js';
import type { Repository } from '../github/repository.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { policyBlobSha } from './facts-stamp.js';
import { toPolicyLoad } from './policy-load.js';
import { gatherFacts, type GatheredFacts } from './gather-facts.js';
import type { PolicyReader } from './policy-reader.js';
import type { ReadSettings } from './read-pull-request.js';

/** Which release to read: by id (the event names it), or already read (the CLI found it by tag). */
export interface ReleaseRequest {
  repository: Repository;
  defaultBranch: string;
  /** The tagged commit, which evidence must have run on. */
  sha: string;
  release: { id: number } | { read: Release };
}

/** Everything one evaluation of a release needs, read from GitHub; nothing is written. */
export interface ReleaseReading {
  release: Release;
  load: PolicyLoad;
  /** False when the policy does not gate releases. */
  gated: boolean;
  doc: ChecklistDocument | null;
  facts: GatheredFacts | null;
  context: EvaluationContext;
  /** The policy file's git blob SHA as read (null: there is none): part of the facts. */
  policyBlob: string | null;
  /** The links the verdict verified, to read again when the run confirms its facts. */
  evidenceLinks: FactsNeeded['links'];
  evidenceReads: Pick<FactsNeeded, 'workflows' | 'closers'>;
}

/**
 * Reads a release's evaluation: the release and the default branch's policy in one round, then,
 * only when the policy asks, the facts behind its items. Shared by the action and the CLI.
 */
export async function readRelease(
  client: GitHubClient,
  request: ReleaseRequest,
  settings: Pick<ReadSettings, 'serverHost' | 'policyPath' | 'readBase' | 'baseAccess' | 'orgPolicy'>,
  policies: PolicyReader,
): Promise<ReleaseReading> {
  const { repository } = request;
  const [release, policyText] = await Promise.all([
    'read' in request.release
      ? Promise.resolve(request.release.read)
      : getRelease(client, repository, request.release.id),
    policies(request.defaultBranch),
  ]);
  const load = await toPolicyLoad(policyText, settings);
  const context: EvaluationContext = {
    event: 'release',
    baseBranch: null,
    labels: [],
    changedPaths: null,
    description: release.body,
  };
  const gated = !load.ok || load.policy.gate.releases;
  const read = { policyBlob: policyBlobSha(policyText), evidenceLinks: [], evidenceReads: NO_READS };
  if (!gated || !load.ok) return { release, load, gated, doc: null, facts: null, context, ...read };
  const doc = parseChecklist(release.body);
  const needed = factsNeeded(doc, load.policy, settings.serverHost, context);
  const facts = await gatherFacts(client, needed, {
    repository,
    host: settings.serverHost,
    commit: request.sha,
    pullNumber: null,
    edit: null,
    maxLinks: load.policy.verification.maxLinks,
    baseBranch: null,
    author: release.author,
  });
  return {
    release,
    load,
    gated,
    doc,
    facts,
    context,
    ...read,
    evidenceLinks: needed.links,
    evidenceReads: { workflows: needed.workflows, closers: needed.closers },
  };
}

const NO_READS = { workflows: false, closers: false };
