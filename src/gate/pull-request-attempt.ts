/** One attempt at a pull request's verdict: what its steps share, and how a step asks for another. */
import type { GitHubClient } from '../github/client.js';
import type { OpenListing } from '../github/pull-request-list.js';
import type { GateIdentity } from '../read/identity.js';
import type { PostedVerdict } from '../github/head-verdicts.js';
import type { FactsStamp } from '../read/facts-stamp.js';
import type { PolicyReader } from '../read/policy-reader.js';
import type { PullRequestReading, PullRequestRequest } from '../read/read-pull-request.js';
import type { Verdict } from '../write/publish.js';
import type { verdictFor } from './commit-verdicts.js';
import type { GateOutcome } from './outcome.js';
import type { foreignVerdicts } from './posted-verdict-rules.js';
import type { GateLog, GateSettings } from './settings.js';

/** What a run shares across the pull requests it evaluates. */
export interface PullRequestRun {
  policies: PolicyReader;
  identity: Promise<GateIdentity>;
  /** A sweep's one listing of every open pull request, where each finds those sharing its head. */
  openListing?: OpenListing;
}

/** How many attempts one pull request gets; the last may not ask for another. */
export const MAX_ATTEMPTS = 3;

/** What an attempt returns when it found the pull request changed under it. */
export const EVALUATE_AGAIN = Symbol('evaluate again');

/** One attempt's inputs: the run's, the pull request's, and which attempt this is. */
export interface Attempt {
  client: GitHubClient;
  request: PullRequestRequest;
  settings: GateSettings;
  log: GateLog;
  run: PullRequestRun;
  /** Where an error status goes if the attempt throws: the commit, once the reads have named it. */
  status: { sha: string | null };
  /** 1 for the first attempt; the last one may not ask for another. */
  number: number;
  /** Foreign-verdict notices already warned about by an earlier attempt. */
  warned: Set<string>;
}

/** The verdict one attempt judged, with everything its writes and its confirmation need. */
export interface Judged {
  reading: PullRequestReading;
  own: ReturnType<typeof verdictFor>;
  verdict: Verdict;
  foreign: ReturnType<typeof foreignVerdicts>;
  noted: (replaced: boolean) => string;
  outcome: GateOutcome;
  /** The facts the verdict was computed from, and how to read them again. */
  mine: FactsStamp;
  freshFacts: () => Promise<FactsStamp>;
  /** The same facts and the commit's latest verdicts, read again together: the confirming round. */
  factsAndVerdictsNow: () => Promise<{ facts: FactsStamp; posted: PostedVerdict[] }>;
  /** When GitHub's answer with the pull request arrived. */
  readAt: number;
}

/** Whether this attempt may still ask for another. */
export function mayAskAgain(attempt: Pick<Attempt, 'number'>): boolean {
  return attempt.number < MAX_ATTEMPTS;
}
