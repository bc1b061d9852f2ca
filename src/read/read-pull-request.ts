import { parseChecklist } from '../checklist/parse.js';
import type { ChecklistDocument } from '../checklist/task-item.js';
import type { EvaluationContext } from '../evaluate/context.js';
import type { PullRequestEdit } from '../evaluate/facts.js';
import { factsNeeded, type FactsNeeded } from '../evaluate/plan-facts.js';
import type { GitHubClient } from '../github/client.js';
import { listComments, type IssueComment } from '../github/comments.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { openPullRequestsWithHead, type OpenListing } from '../github/pull-request-list.js';
import { getPullRequest, type PullRequest } from '../github/pull-requests.js';
import type { Repository } from '../github/repository.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { toPolicyLoad } from './policy-load.js';
import { gatherFacts, type GatheredFacts } from './gather-facts.js';
import { branchGated, gatingOf, type Gating } from '../evaluate/gating.js';
import type { GateChange } from '../evaluate/gate-change.js';
import { ownerSignoffs } from './owner-approvals.js';
import { changedGateFiles } from './gate-configuration.js';
import type { GateIdentity } from './identity.js';
import type { ReadSettings } from './read-settings.js';

export type { ReadSettings } from './read-settings.js';
import { policyBlobSha } from './facts-stamp.js';
import type { PolicyReader } from './policy-reader.js';
import { gateComments } from './comment-stamp.js';
import { postedVerdicts } from './posted-verdicts.js';
import type { CommitOverview, CommitOverviewOnce, PullRequestOnce } from './first-round.js';

/** What a pull request gated only for its configuration change needs before its files are known. */
const NOTHING_NEEDED: FactsNeeded = {
  links: [],
  overLimit: 0,
  changedFiles: false,
  reviews: false,
  teams: [],
  workflows: false,
  closers: false,
};

/** Which pull request to read, and what the event already says about it. */
export interface PullRequestRequest {
  repository: Repository;
  number: number;
  defaultBranch: string;
  /** The base branch in the payload: where the policy is first looked for, checked against the fresh PR. */
  payloadBase: string | null;
  /** The head commit in the payload: read alongside the pull request, checked against it. */
  payloadHeadSha: string | null;
  /** For a merge queue: the commit the verdict is posted on, instead of the head. */
  statusSha: string | null;
  /** An `edited` event: who edited, and the description before and after the edit. */
  edit: PullRequestEdit | null;
  /** The pull request as a sweep has just listed it: not read again. */
  listed?: PullRequest;
  /** Every open pull request, when a sweep has listed them all: the commit's pull requests are not read. */
  openPulls?: PullRequest[] | null;
  /** Otherwise, a listing of every open pull request that the run shares (a sweep reads it once). */
  openListing?: OpenListing;
  /** The first round's GraphQL overview of the commit (its open pull requests, posted verdicts), given once. */
  commitOverview?: CommitOverviewOnce;
  /** The pull request as the first round's GraphQL request gave it, given once; else it is read by REST. */
  firstPull?: PullRequestOnce;
  /**
   * Only what the verdict depends on, for a caller that posts nothing (the CLI): the gate's
   * comments, the verdicts posted on the commit and its other pull requests are not read.
   */
  verdictOnly?: boolean;
}

/** Everything one evaluation of a pull request needs, read from GitHub; nothing is written. */
export interface PullRequestReading {
  repository: Repository;
  pr: PullRequest;
  /** When GitHub's answer with the pull request arrived (Date.now()): how old the facts are is counted from here. */
  readAt: number;
  /** The commit the verdict belongs on. */
  statusSha: string;
  load: PolicyLoad;
  /** The git blob SHA of the policy file read at the base branch (null: none there). */
  policyBlob: string | null;
  /** An invalid policy gates everything: its error is posted, never skipped. */
  gating: Gating;
  /** The pull request changes the gate's own configuration: which files, and who must approve; null when not. */
  gateChange: GateChange | null;
  identity: GateIdentity;
  /** The gate's own comments (by its identity), oldest first. */
  ownComments: IssueComment[];
  /** Other open pull requests whose head is the same commit, from forks too. */
  sharingHead: PullRequest[];
  /** False when the repository has too many open pull requests to be sure `sharingHead` holds them all. */
  sharersComplete: boolean;
  /** The latest status and check run with the gate's context on the commit, whoever posted them. */
  posted: PostedVerdict[];
  /** The parsed description and the facts its policy needs; null when not gated or the policy is invalid. */
  doc: ChecklistDocument | null;
  facts: GatheredFacts | null;
  /** Whether the policy needed the reviews: then they are part of the facts a verdict was computed from. */
  readsReviews: boolean;
  /** The links whose evidence was verified: what they said is part of the facts too. */
  evidenceLinks: FactsNeeded['links'];
  /** How the evidence was read: again the same way when the facts are read afresh. */
  evidenceReads: Pick<FactsNeeded, 'workflows' | 'closers'> | null;
  context: EvaluationContext;
  /** The triggering edit, kept only if it produced the description read. */
  edit: Omit<PullRequestEdit, 'body'> | null;
}

/**
 * Reads a pull request's evaluation in one concurrent round (the pull request, the policy at its
 * base, its comments, the commit's pull requests and posted verdicts, the gate's identity), then,
 * only when the policy asks, the facts behind its items (evidence, files, reviews, edit history,
 * teams). Takes the client, so the CLI can evaluate exactly as the action does, without posting.
 */
export async function readPullRequest(
  client: GitHubClient,
  request: PullRequestRequest,
  settings: ReadSettings,
  policies: PolicyReader,
  identity: Promise<GateIdentity>,
): Promise<PullRequestReading> {
  const { repository } = request;
  const policyRef = request.listed?.baseRef ?? request.payloadBase ?? request.defaultBranch;
  const headGuess = request.statusSha ?? request.listed?.headSha ?? request.payloadHeadSha;
  const verdictOnly = request.verdictOnly === true;
  // A merge queue's commit is no pull request's head: nothing shares it.
  const sharing = (
    sha: string,
    overview: CommitOverview | null = null,
  ): Promise<{ pulls: PullRequest[]; complete: boolean }> =>
    request.statusSha !== null || verdictOnly
      ? Promise.resolve({ pulls: [], complete: true })
      : request.openPulls
        ? Promise.resolve({ pulls: request.openPulls, complete: true })
        : overview?.openPulls
          ? Promise.resolve({ pulls: overview.openPulls, complete: true })
          : openPullRequestsWithHead(client, repository, sha, request.openListing);
  // What the first round's GraphQL request answered about the guessed head; the rest by REST.
  const overview =
    headGuess !== null && !verdictOnly && request.commitOverview
      ? request.commitOverview(headGuess)
      : Promise.resolve(null);
  const pullRead = request.listed
    ? Promise.resolve(request.listed)
    : (request.firstPull?.(request.number) ?? Promise.resolve(null)).then(
        (given) => given ?? getPullRequest(client, repository, request.number),
      );
  const [[pr, readAt], policyAtGuess, comments, who, sharedGuess, postedGuess] = await Promise.all([
    pullRead.then((read) => [read, Date.now()] as const),
    policies(policyRef),
    settings.comment === 'never' || verdictOnly
      ? Promise.resolve<IssueComment[]>([])
      : listComments(client, repository, request.number),
    identity,
    headGuess !== null ? overview.then((known) => sharing(headGuess, known)) : Promise.resolve(null),
    headGuess !== null && !verdictOnly
      ? overview.then((known) => postedVerdicts(client, repository, headGuess, settings, known))
      : Promise.resolve(null),
  ]);
  const statusSha = request.statusSha ?? pr.headSha;
  // The payload can be stale (a re-run replays it): the policy comes from the base branch as it is
  // now, and the commit's listings from the head as it is now.
  const headMoved = headGuess !== pr.headSha;
  const [policyText, shared, posted] = await Promise.all([
    pr.baseRef === policyRef ? policyAtGuess : policies(pr.baseRef),
    sharedGuess !== null && !headMoved ? sharedGuess : sharing(pr.headSha),
    verdictOnly
      ? Promise.resolve([])
      : postedGuess !== null && headGuess === statusSha
        ? postedGuess
        : postedVerdicts(client, repository, statusSha, settings),
  ]);
  const load = await toPolicyLoad(policyText, settings);
  const normal: Gating = load.ok ? gatingOf(load.policy, pr, request.defaultBranch) : { gated: true };
  // Into a gated branch, policy owners guard every change to the gate's own configuration: the
  // changed files tell whether this is one. Without owners they are not read for it (validate warns).
  const guarded =
    load.ok &&
    load.policy.policyOwners !== null &&
    branchGated(load.policy, pr.baseRef, request.defaultBranch);
  const context: EvaluationContext = {
    event: 'pull_request',
    baseBranch: pr.baseRef,
    labels: pr.labels,
    changedPaths: null,
    description: pr.body,
  };
  // An edit proves who ticked what only if nothing was edited after it.
  const edit = request.edit && request.edit.body === pr.body ? request.edit : null;
  let doc: ChecklistDocument | null = null;
  let facts: GatheredFacts | null = null;
  let readsReviews = false;
  let evidenceLinks: FactsNeeded['links'] = [];
  let evidenceReads: PullRequestReading['evidenceReads'] = null;
  if ((normal.gated || guarded) && load.ok) {
    let needed: FactsNeeded = NOTHING_NEEDED;
    if (normal.gated) {
      doc = parseChecklist(pr.body);
      needed = factsNeeded(doc, load.policy, settings.serverHost, context);
    }
    needed = { ...needed, changedFiles: needed.changedFiles || guarded };
    readsReviews = needed.reviews;
    evidenceLinks = needed.links;
    evidenceReads = { workflows: needed.workflows, closers: needed.closers };
    facts = await gatherFacts(client, needed, {
      repository,
      host: settings.serverHost,
      commit: pr.headSha,
      pullNumber: pr.number,
      edit,
      maxLinks: load.policy.verification.maxLinks,
      baseBranch: pr.baseRef,
      author: pr.author,
    });
  }
  let gateChange: GateChange | null = null;
  // Files read for path conditions anyway also say whether an unguarded change is one, for the warning.
  if (load.ok && facts?.changedPaths && (guarded || normal.gated)) {
    const files = await changedGateFiles(
      client,
      repository,
      pr,
      { paths: facts.changedPaths, capped: facts.changedPathsCapped && guarded },
      load.policy,
      settings,
    );
    const owners = load.policy.policyOwners;
    if (files.length > 0) gateChange = { files, owners, checklistGated: normal.gated };
    // The owners' approval is read with the reviews: once, only when the checklist did not read them.
    if (gateChange !== null && owners !== null) {
      const signoffs = await ownerSignoffs(client, repository, pr, owners, facts.signoffs, readsReviews);
      facts = { ...facts, signoffs };
      readsReviews = true;
    }
  }
  const gating: Gating = gateChange?.owners ? { gated: true } : normal;
  return {
    repository,
    pr,
    readAt,
    statusSha,
    load,
    gateChange,
    policyBlob: policyBlobSha(policyText),
    gating,
    identity: who,
    ownComments: gateComments(comments, settings.checkName, who),
    sharingHead: shared.pulls.filter(
      (other) => other.number !== pr.number && other.state === 'open' && other.headSha === pr.headSha,
    ),
    sharersComplete: shared.complete,
    posted,
    doc,
    facts,
    readsReviews,
    evidenceLinks,
    evidenceReads,
    context,
    edit,
  };
}
