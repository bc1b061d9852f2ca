import type { PostedVerdict } from '../github/head-verdicts.js';
import type { GateIdentity } from '../read/identity.js';
import { sameFacts, type FactsStamp } from '../read/facts-stamp.js';
import { alreadyPosted, postedKinds } from './posted-verdict-rules.js';
import type { PublishSettings, Verdict } from '../write/publish.js';
import type { GateLog } from './settings.js';

/** How many times a run posts its verdict again when something else keeps replacing it. */
const MAX_REPOSTS = 2;

/**
 * After a run's writes (or its decision not to write), reads its facts and the latest verdict on
 * the commit again (`read.now`, one round, for a pull request one GraphQL request), starting
 * after every write has been answered. `moved`: the
 * facts changed since they were read, so the run must evaluate again. Otherwise the latest
 * verdict must be this one: when it is not (an older run's late write, or one that another run
 * replaced after this run compared with it), it is posted again and checked again.
 *
 * Why this suffices: the last status written on a commit was checked by its own run after it
 * landed, against facts read after it landed. If the facts changed later still, the change's own
 * run reads them later, and its check, made after its facts were read, sees that status and
 * replaces it unless it already says the same.
 */
export async function confirmWrites(
  read: { subject: string; now: () => Promise<{ facts: FactsStamp; posted: PostedVerdict[] }> },
  mine: FactsStamp,
  expected: Verdict,
  identity: GateIdentity,
  settings: PublishSettings,
  log: GateLog,
  post: (verdict: Verdict) => Promise<void>,
): Promise<'confirmed' | 'moved'> {
  const where = `${settings.checkName} ${postedKinds(settings.reportAs)} on ${expected.sha.slice(0, 7)}`;
  for (let reposts = 0; ; reposts++) {
    const { facts: now, posted } = await read.now();
    if (!sameFacts(now, mine)) {
      log.info(
        `The ${read.subject} changed while this run evaluated it (${now.evaluated}); evaluating again.`,
      );
      return 'moved';
    }
    if (alreadyPosted(posted, expected, identity, settings)) return 'confirmed';
    if (reposts === MAX_REPOSTS)
      throw new Error(`the ${where} kept being replaced by another verdict while this run posted its own`);
    log.info(
      `The latest ${where} is not this run's verdict on the same facts (a run that read older facts wrote after it, or someone else did); posting it again.`,
    );
    await post(expected);
  }
}
