/** How each change that went out stood: passed, bypassed, foreign, exception or policy changed. */
import type { AuditEntry, Classification, PostedVerdict, Shipped } from './entry.js';

/**
 * Whether a login is the gate's identity. REST names an app's bot `slug[bot]`, a check run only by
 * its app's slug: both are compared without the suffix. A bot identity is never matched by a person.
 */
export function isGate(verdict: PostedVerdict, gateIdentity: string): boolean {
  const name = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  if (name(verdict.postedBy) !== name(gateIdentity)) return false;
  return !gateIdentity.endsWith('[bot]') || verdict.postedByBot;
}

/** A status description that names an exception, for verdicts whose record is not readable (statuses). */
const EXCEPTION_WORDS = /\b(not applicable|emergency release)\b/i;

/** The classification of what went out, from the gate's verdict at that moment; pure. */
export function classify(shipped: Shipped, verdict: PostedVerdict | null, gateIdentity: string): AuditEntry {
  const entry = (classification: Classification, reason: string, exceptions: unknown = null): AuditEntry => ({
    ...shipped,
    verdict,
    classification,
    reason,
    exceptions,
  });
  const went = shipped.kind === 'release' ? 'published' : 'merged';
  if (verdict === null)
    return entry('bypassed', `${went} with no verdict from the gate on ${short(shipped.headSha)}`);
  if (verdict.state !== 'success')
    return entry(
      'bypassed',
      `${went} while the gate's latest ${verdict.kind} said ${verdict.state}: ${verdict.description}`,
    );
  if (!isGate(verdict, gateIdentity))
    return entry(
      'foreign',
      `the latest success was posted by ${verdict.postedBy || 'an unknown account'}, not the gate (${gateIdentity})`,
    );
  const exceptions = exceptionsOf(verdict);
  if (shipped.policyChanged)
    return entry(
      'policy-changed',
      'passed, but this pull request changed the policy it was judged by',
      exceptions,
    );
  if (exceptions !== null)
    return entry('exception', `passed with exceptions: ${verdict.description}`, exceptions);
  if (EXCEPTION_WORDS.test(verdict.description))
    return entry('exception', `passed with exceptions: ${verdict.description}`);
  return entry('passed', `passed: ${verdict.description}`);
}

/** The record's exceptions, when it lists any. */
function exceptionsOf(verdict: PostedVerdict): unknown {
  const exceptions = verdict.record?.exceptions;
  if (exceptions === undefined || exceptions === null) return null;
  if (Array.isArray(exceptions)) return exceptions.length > 0 ? exceptions : null;
  if (typeof exceptions === 'object') return Object.keys(exceptions).length > 0 ? exceptions : null;
  return exceptions;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
