// The commit statuses an emulator holds for one commit, as the end-to-end tests compare them.
import type { GitHubEmulator } from '../emulator/github-emulator.js';

/** The statuses posted on commit `sha`, oldest first. */
export function statusesOn(emulator: GitHubEmulator, sha: string): GitHubEmulator['statuses'] {
  return emulator.statuses.filter((status) => status.sha === sha);
}

/** The states of the statuses posted on commit `sha`, oldest first. */
export function statesOn(emulator: GitHubEmulator, sha: string): string[] {
  return statusesOn(emulator, sha).map((status) => status.state);
}
