/** What `audit` reads of one repository: the changes that went out in a window and the verdicts posted on them. */
import picomatch from 'picomatch';
import { classify } from '../audit/classify.js';
import type { AuditEntry, Shipped } from '../audit/entry.js';
import { policyInForce } from '../audit/policy-in-force.js';
import { verdictAt } from '../audit/verdict-at.js';
import { gatingOf } from '../evaluate/gating.js';
import type { GitHubClient } from '../github/client.js';
import { gateVerdictsOn } from '../github/gate-verdicts.js';
import type { Repository } from '../github/repository.js';
import { shippedChanges, type Window } from '../github/shipped-changes.js';
import type { PolicyLoad } from '../policy/load-policy.js';
import { resolvePolicy, type ReadBase } from '../policy/resolve-policy.js';

export interface AuditSettings {
  policyPath: string;
  window: Window;
  /** --branch: these branches are gated, whatever the policy said. */
  branches: string[] | null;
  checkName: string;
  gateIdentity: string;
  readBase: ReadBase;
  /** How many verdict reads run at once. */
  concurrency: number;
}

/**
 * The audit of one repository: what went out in the window (one query per 100 merged pull
 * requests), which of it the policy in force then gated, and for each the gate's verdict at that
 * moment (two requests). A repository whose history never held the policy file is not gated,
 * unless --branch says which branches are.
 */
export async function auditRepository(
  client: GitHubClient,
  repository: Repository,
  settings: AuditSettings,
): Promise<AuditEntry[]> {
  const changes = await shippedChanges(client, repository, settings.policyPath, settings.window);
  if (changes.policyHistory.length === 0 && settings.branches === null) return [];
  const defaultBranch = changes.defaultBranch ?? '';
  const loads = new Map<string, Promise<PolicyLoad | null>>();
  const loadOf = (text: string | null): Promise<PolicyLoad | null> => {
    if (text === null) return Promise.resolve(null);
    let load = loads.get(text);
    if (!load) {
      load = resolvePolicy(text, settings.policyPath, {
        readBase: settings.readBase,
        access: () => 'The audit reads base policies with its own token, which must be able to read them.',
      });
      loads.set(text, load);
    }
    return load;
  };
  const name = `${repository.owner}/${repository.repo}`;
  const candidates: Shipped[] = [];
  for (const pull of changes.pulls) {
    const inForce = policyInForce(changes.policyHistory, pull.mergedAt, pull.number);
    const load = await loadOf(inForce);
    const gated =
      settings.branches !== null
        ? picomatch(settings.branches)(pull.baseRef)
        : inForce !== null && (load === null || !load.ok || gatingOf(load.policy, pull, defaultBranch).gated);
    if (!gated) continue;
    candidates.push({
      repository: name,
      kind: 'pull_request',
      number: pull.number,
      tag: null,
      title: pull.title,
      url: pull.url,
      baseRef: pull.baseRef,
      by: pull.mergedBy,
      at: pull.mergedAt,
      mergeCommit: pull.mergeCommit,
      headSha: pull.headSha,
      policyChanged: changes.policyHistory.some((version) => version.pulls.includes(pull.number)),
    });
  }
  for (const release of changes.releases) {
    const load = await loadOf(policyInForce(changes.policyHistory, release.publishedAt, null));
    // An invalid policy gates everything, as the gate does.
    if (load === null || (load.ok && !load.policy.gate.releases)) continue;
    candidates.push({
      repository: name,
      kind: 'release',
      number: null,
      tag: release.tag,
      title: release.tag,
      url: release.url,
      baseRef: null,
      by: release.author,
      at: release.publishedAt,
      mergeCommit: null,
      headSha: release.sha,
      policyChanged: false,
    });
  }
  return mapLimited(candidates, settings.concurrency, async (shipped) => {
    const posted = await gateVerdictsOn(client, repository, shipped.headSha, settings.checkName, shipped.at);
    return classify(shipped, verdictAt(posted, shipped.at), settings.gateIdentity);
  });
}

/** Runs `work` on every value, at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(
  values: T[],
  limit: number,
  work: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await work(values[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
