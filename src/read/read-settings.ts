/** What every read of one evaluation is told. */
import type { BaseReference } from '../policy/base-reference.js';
import type { ReadBase } from '../policy/resolve-policy.js';

/** What every read of one evaluation is told: where the policy lives, and how the gate reports. */
export interface ReadSettings {
  /** The GitHub host evidence links are verified on, such as github.com. */
  serverHost: string;
  policyPath: string;
  /** Reads the base policies the policy extends, with the policy token. */
  readBase: ReadBase;
  /**
   * The organisation policy (org-policy), laid under the repository's policy whether or not it
   * extends it; null or absent when there is none.
   */
  orgPolicy?: BaseReference | null;
  /**
   * The workflow file running the gate, when it lives in this repository (from GITHUB_WORKFLOW_REF):
   * a pull request that changes it changes the gate.
   */
  runningWorkflow?: string | null;
  /** What to tell the user when a base cannot be read; the action's inputs by default. */
  baseAccess?: (base: BaseReference) => string;
  checkName: string;
  reportAs: 'status' | 'check-run' | 'both';
  comment: 'always' | 'on-failure' | 'never';
  /** The event that started the run, for the record; `check` when absent (the CLI). */
  eventName?: string;
}
