import { STATUS_DESCRIPTION_LIMIT } from '../github/commit-status.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { isGateAuthor, type GateIdentity } from './identity.js';
import type { PublishSettings, Verdict } from './publish.js';

/** Verdicts with the gate's context on the commit that the gate did not post: any workflow can post a status. */
export function foreignVerdicts(posted: PostedVerdict[], identity: GateIdentity): PostedVerdict[] {
  return posted.filter((verdict) => !isGateAuthor(identity, authorOf(verdict)));
}

export function foreignNotice(verdict: PostedVerdict, sha: string, checkName: string): string {
  const who = verdict.author ? `@${verdict.author}` : 'an unknown author';
  return `A \`${checkName}\` ${verdict.kind} on ${sha.slice(0, 7)} was posted by ${who}, not by the gate. It was replaced.`;
}

/**
 * Whether the latest status and check run on the commit are already the gate's, saying this
 * verdict: a sweep then writes nothing. A foreign one, or none, means the verdict is posted.
 */
export function alreadyPosted(
  posted: PostedVerdict[],
  verdict: Verdict,
  identity: GateIdentity,
  settings: PublishSettings,
): boolean {
  const same = (kind: PostedVerdict['kind'], state: string, description: string) =>
    posted.some(
      (candidate) =>
        candidate.kind === kind &&
        isGateAuthor(identity, authorOf(candidate)) &&
        candidate.state === state &&
        candidate.description === description,
    );
  const statusOk =
    settings.reportAs === 'check-run' || same('status', verdict.state, shortDescription(verdict.description));
  const checkOk =
    settings.reportAs === 'status' ||
    same('check run', verdict.state === 'success' ? 'success' : 'failure', verdict.description.slice(0, 255));
  return statusOk && checkOk;
}

function shortDescription(description: string): string {
  return description.length > STATUS_DESCRIPTION_LIMIT
    ? `${description.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`
    : description;
}

function authorOf(verdict: PostedVerdict): { login: string; isBot: boolean } {
  return { login: verdict.author, isBot: verdict.authorIsBot };
}
