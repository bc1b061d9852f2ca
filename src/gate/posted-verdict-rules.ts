/** The rules on verdicts already posted on a commit: the gate's own, already there, or another identity's. */
import { STATUS_DESCRIPTION_LIMIT } from '../github/commit-status.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import { isGateAuthor, type GateIdentity } from '../read/identity.js';
import type { PublishSettings, Verdict } from '../write/publish.js';

/** Verdicts with the gate's context on the commit that the gate did not post: any workflow can post a status. */
export function foreignVerdicts(posted: PostedVerdict[], identity: GateIdentity): PostedVerdict[] {
  return posted.filter((verdict) => !isGateAuthor(identity, authorOf(verdict)));
}

/**
 * One notice per foreign author: with `report-as: both`, a status and a check run by the same
 * author are one sentence, not two that read alike. `replaced` is false when the gate's own write
 * was refused: a notice never says a write happened that did not.
 */
export function foreignNotices(
  foreign: PostedVerdict[],
  sha: string,
  checkName: string,
  replaced = true,
): string[] {
  const byAuthor = new Map<string, PostedVerdict['kind'][]>();
  for (const verdict of foreign) {
    const kinds = byAuthor.get(verdict.author) ?? [];
    if (!kinds.includes(verdict.kind)) kinds.push(verdict.kind);
    byAuthor.set(verdict.author, kinds);
  }
  return [...byAuthor].map(([author, kinds]) => {
    const who = author ? `@${author}` : 'an unknown author';
    const one = kinds.length === 1;
    const fate = replaced ? 'replaced' : 'not replaced: GitHub refused the write';
    return `A \`${checkName}\` ${kinds.join(' and ')} on ${sha.slice(0, 7)} ${one ? 'was' : 'were'} posted by ${who}, not by the gate. ${one ? 'It was' : 'They were'} ${fate}.`;
  });
}

/** What the gate posts, in words: "status", "check run", or "status and check run". */
export { postedKinds } from '../report/shared-commit-notes.js';

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
