import { STATUSES_PER_CONTEXT } from '../github/commit-status.js';
import { frozenStatusNotice } from '../write/status-cap.js';
import type { GateOutcome } from './outcome.js';

/** The run's outcome when its status was refused for the limit: an error, whatever the verdict. */
export function frozenStatusOutcome(outcome: GateOutcome, checkName: string, sha: string): GateOutcome {
  return {
    ...outcome,
    result: 'error',
    markdown: `${outcome.markdown}\n${frozenStatusNotice(checkName, sha)}\n`,
    description: `The ${checkName} status on ${sha.slice(0, 7)} can no longer be changed: the commit has GitHub's limit of ${STATUSES_PER_CONTEXT.toLocaleString('en-US')} statuses for it. Push a new commit.`,
  };
}
