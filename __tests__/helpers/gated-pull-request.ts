// The repository most end-to-end suites start from: a policy on master and pull request #2 into it.
import { DEFAULT_POLICY_PATH } from '../../src/policy/policy-path.js';
import type { EmulatorFixture } from './emulator-per-test.js';
import { HEAD_SHA } from './payloads.js';

type PullFixture = NonNullable<EmulatorFixture['pulls']>[number];

/**
 * `policy` in .github/checklist-gate.yml on master, and pull request #2 into master at HEAD_SHA
 * with `pull` laid over it; `fixture` is laid over the whole (its `pulls` replace #2).
 */
export function gatedPullRequest(
  policy: string,
  pull: Partial<PullFixture> & { body: string },
  fixture: EmulatorFixture = {},
): EmulatorFixture {
  return {
    files: { master: { [DEFAULT_POLICY_PATH]: policy } },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, ...pull }],
    ...fixture,
  };
}
