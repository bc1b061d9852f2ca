import picomatch from 'picomatch';
import { parseChecklist } from '../checklist/parse.js';
import type { EvaluationContext } from '../evaluate/context.js';
import { evaluate, policyErrorReport } from '../evaluate/evaluate.js';
import type { GitHubClient } from '../github/client.js';
import { listComments, type IssueComment } from '../github/comments.js';
import { readFileAtRef } from '../github/policy-file.js';
import { getPullRequest } from '../github/pull-requests.js';
import { getRelease } from '../github/releases.js';
import type { Repository } from '../github/repository.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { actionAccess } from '../github/base-policy.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';
import type { Policy } from '../policy/policy.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTemplate } from '../template/render-template.js';
import type { Report } from '../report/report.js';
import { factsNeeded } from '../evaluate/plan-facts.js';
import { gatherFacts, type FactsAbout } from './gather-facts.js';
import { missingOf, type GateOutcome } from './outcome.js';
import {
  PermissionProblems,
  publishVerdict,
  writeWithPermissions,
  type PublishSettings,
  type Verdict,
} from './publish.js';
import { commentBody, gateComments, stampOf, syncComment } from './sticky-comment.js';
import type { Target } from './target.js';

export interface GateSettings extends PublishSettings {
  /** The GitHub host evidence links are verified on, such as github.com. */
  serverHost: string;
  policyPath: string;
  /** Reads the base policies the policy extends, with the policy token. */
  readBase: ReadBase;
  comment: 'always' | 'on-failure' | 'never';
}

export interface GateLog {
  info(message: string): void;
  warning(message: string): void;
}

/** Evaluates the target and reports the verdict: one round of reads, then one round of writes. */
export async function runGate(
  client: GitHubClient,
  target: Target,
  settings: GateSettings,
  log: GateLog,
): Promise<GateOutcome> {
  switch (target.kind) {
    case 'pull_request': {
      const status = { sha: target.payloadHeadSha };
      return withErrorStatus(client, target.repository, status, settings, async () => {
        for (let attempt = 1; ; attempt++) {
          const outcome = await gatePullRequest(
            client,
            target,
            settings,
            log,
            status,
            attempt < MAX_ATTEMPTS,
          );
          if (outcome !== RESTART) return outcome;
        }
      });
    }
    case 'release':
      return withErrorStatus(client, target.repository, { sha: target.sha }, settings, () =>
        gateRelease(client, target, settings, log),
      );
    case 'body':
      return gateBody(client, target, settings);
  }
}

/** A run slower than this between reading and writing re-reads the description before writing. */
const SLOW_RUN_MS = 2000;
const MAX_ATTEMPTS = 3;
/** Returned by an attempt that found the description edited under it. */
const RESTART = Symbol('restart');

async function gatePullRequest(
  client: GitHubClient,
  target: Extract<Target, { kind: 'pull_request' }>,
  settings: GateSettings,
  log: GateLog,
  status: { sha: string | null },
  mayRestart = true,
): Promise<GateOutcome | typeof RESTART> {
  const { repository } = target;
  const policyRef = target.payloadBase ?? target.defaultBranch;
  const readAt = Date.now();
  const [pr, policyAtPayloadBase, comments] = await Promise.all([
    getPullRequest(client, repository, target.number),
    readFileAtRef(client, repository, settings.policyPath, policyRef),
    settings.comment === 'never'
      ? Promise.resolve<IssueComment[]>([])
      : listComments(client, repository, target.number),
  ]);
  if (pr.state === 'closed') return skipped(`Pull request #${pr.number} is closed; it is not evaluated.`);
  // The payload can be stale (a re-run replays it): the policy must come from the base branch as it is now.
  const policyText =
    pr.baseRef === policyRef
      ? policyAtPayloadBase
      : await readFileAtRef(client, repository, settings.policyPath, pr.baseRef);
  const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase);
  const sha = target.statusSha ?? pr.headSha;
  status.sha = sha;
  if (load.ok && !isGated(load.policy, pr.baseRef, target.defaultBranch)) {
    return notGated(
      client,
      repository,
      sha,
      settings,
      log,
      `Not gated: the policy does not gate the base branch ${pr.baseRef}`,
    );
  }
  const existing = gateComments(comments, settings.checkName)[0] ?? null;
  const reported = existing ? (stampOf(existing)?.evaluated ?? null) : null;
  const newerReported = reported !== null && reported > pr.updatedAt;
  const context: EvaluationContext = {
    event: 'pull_request',
    baseBranch: pr.baseRef,
    labels: pr.labels,
    changedPaths: null,
  };
  // An edit proves who ticked what only if nothing was edited after it.
  const edit = target.edit && target.edit.body === pr.body ? target.edit : null;
  const report = await decide(client, pr.body, load, settings, context, {
    repository,
    host: settings.serverHost,
    commit: pr.headSha,
    pullNumber: pr.number,
    edit,
  });
  const outcome = outcomeOf(report, settings.checkName, load);
  if (newerReported) {
    // A run that read a newer description has already reported; an older verdict must not replace it.
    log.info(
      `A newer edit (${reported}) has already been reported; this run (${pr.updatedAt}) writes nothing.`,
    );
    return outcome;
  }
  if (mayRestart && Date.now() - readAt > SLOW_RUN_MS) {
    // Retries or rate limits held this run up: the description may have been edited meanwhile.
    const fresh = await getPullRequest(client, repository, pr.number);
    if (fresh.updatedAt !== pr.updatedAt) {
      log.info(
        `The description was edited while this run evaluated it (${fresh.updatedAt}); evaluating again.`,
      );
      return RESTART;
    }
  }
  const verdict = verdictOf(report, sha, outcome.markdown);
  const writeComment =
    settings.comment === 'always' ||
    (settings.comment === 'on-failure' && (!report.passed || existing !== null));
  await writeWithPermissions(log, (problems) =>
    Promise.all([
      publishVerdict(client, repository, verdict, settings, problems),
      writeComment
        ? problems.attempt('pull-requests: write', async () => {
            const stamp = { evaluated: pr.updatedAt, state: verdict.state, description: verdict.description };
            const body = commentBody(settings.checkName, stamp, outcome.markdown);
            const sync = await syncComment(client, repository, pr.number, existing, body, settings.checkName);
            log.info(`Report comment: ${sync.action}.`);
            if (sync.newer) {
              // A concurrent run judged a newer edit: the status must show its verdict, not this one.
              log.info(`A concurrent run judged a newer edit (${sync.newer.evaluated}); its verdict stands.`);
              await publishVerdict(client, repository, { ...verdict, ...sync.newer }, settings, problems);
            }
          })
        : Promise.resolve(),
    ]),
  );
  return outcome;
}

async function gateRelease(
  client: GitHubClient,
  target: Extract<Target, { kind: 'release' }>,
  settings: GateSettings,
  log: GateLog,
): Promise<GateOutcome> {
  const { repository } = target;
  const [release, policyText] = await Promise.all([
    getRelease(client, repository, target.releaseId),
    readFileAtRef(client, repository, settings.policyPath, target.defaultBranch),
  ]);
  const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase);
  if (load.ok && !load.policy.gate.releases) {
    return notGated(
      client,
      repository,
      target.sha,
      settings,
      log,
      'Not gated: the policy does not gate releases',
    );
  }
  const context: EvaluationContext = { event: 'release', baseBranch: null, labels: [], changedPaths: null };
  const report = await decide(client, release.body, load, settings, context, {
    repository,
    host: settings.serverHost,
    commit: target.sha,
    pullNumber: null,
    edit: null,
  });
  const outcome = outcomeOf(report, settings.checkName, load);
  await writeWithPermissions(log, (problems) =>
    publishVerdict(client, repository, verdictOf(report, target.sha, outcome.markdown), settings, problems),
  );
  return outcome;
}

/** A given text (workflow_dispatch): evaluated against the default branch's policy, nothing posted. */
async function gateBody(
  client: GitHubClient,
  target: Extract<Target, { kind: 'body' }>,
  settings: GateSettings,
): Promise<GateOutcome> {
  const policyText = await readFileAtRef(
    client,
    target.repository,
    settings.policyPath,
    target.defaultBranch,
  );
  const context: EvaluationContext = {
    event: 'pull_request',
    baseBranch: target.defaultBranch,
    labels: [],
    changedPaths: null,
  };
  const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase);
  const report = await decide(client, target.body, load, settings, context, {
    repository: target.repository,
    host: settings.serverHost,
    commit: null,
    pullNumber: null,
    edit: null,
  });
  return outcomeOf(report, settings.checkName, load);
}

async function toPolicyLoad(text: string | null, path: string, readBase: ReadBase): Promise<PolicyLoad> {
  if (text === null) return { ok: true, policy: defaultPolicy() };
  return resolvePolicy(text, path, { readBase, access: actionAccess });
}

function isGated(policy: Policy, baseRef: string, defaultBranch: string): boolean {
  return picomatch(policy.gate.branches ?? [defaultBranch])(baseRef);
}

/**
 * Parses the description, fetches what the policy needs beyond it (linked evidence, changed files,
 * reviews, teams: a second round of reads, made only when the policy asks), and evaluates.
 */
async function decide(
  client: GitHubClient,
  body: string,
  load: PolicyLoad,
  settings: GateSettings,
  context: EvaluationContext,
  about: Omit<FactsAbout, 'maxLinks'>,
): Promise<Report> {
  if (!load.ok) return policyErrorReport(load.errors, settings.policyPath);
  const doc = parseChecklist(body);
  const needed = factsNeeded(doc, load.policy, about.host, context);
  const facts = await gatherFacts(client, needed, { ...about, maxLinks: load.policy.verification.maxLinks });
  return evaluate(doc, load.policy, {
    ...context,
    changedPaths: facts.changedPaths ?? context.changedPaths,
    changedPathsCapped: facts.changedPathsCapped,
    evidence: facts.evidence,
    signoffs: facts.signoffs,
  });
}

function outcomeOf(report: Report, checkName: string, load: PolicyLoad): GateOutcome {
  // Offered to paste when no checklist was found; the default policy names no items to offer.
  const template = load.ok && load.policy.items.length > 0 ? renderTemplate(load.policy) : null;
  return {
    result: report.conclusion,
    report,
    markdown: renderMarkdown(report, { title: checkName, template }),
    missing: missingOf(report),
    description: report.summary,
  };
}

function verdictOf(report: Report, sha: string, markdown: string): Verdict {
  const state = report.passed ? 'success' : report.conclusion === 'error' ? 'error' : 'failure';
  return { sha, state, description: report.summary, markdown };
}

function skipped(description: string): GateOutcome {
  return {
    result: 'skip',
    report: null,
    markdown: `### checklist-gate\n\n${description}\n`,
    missing: [],
    description,
  };
}

async function notGated(
  client: GitHubClient,
  repository: Repository,
  sha: string,
  settings: GateSettings,
  log: GateLog,
  description: string,
): Promise<GateOutcome> {
  const outcome = skipped(description);
  await writeWithPermissions(log, (problems) =>
    publishVerdict(
      client,
      repository,
      { sha, state: 'success', description, markdown: outcome.markdown },
      settings,
      problems,
    ),
  );
  return outcome;
}

/**
 * Runs an evaluation; if it throws, posts an `error` status where it can (on the commit known by
 * then, `status.sha`) before passing the error on, so that a required check never stays green.
 */
async function withErrorStatus(
  client: GitHubClient,
  repository: Repository,
  status: { sha: string | null },
  settings: GateSettings,
  work: () => Promise<GateOutcome>,
): Promise<GateOutcome> {
  try {
    return await work();
  } catch (error) {
    if (status.sha !== null) {
      const description = `checklist-gate could not finish: ${(error as Error).message}`;
      await publishVerdict(
        client,
        repository,
        { sha: status.sha, state: 'error', description, markdown: description },
        settings,
        new PermissionProblems(),
      ).catch(() => undefined);
    }
    throw error;
  }
}
