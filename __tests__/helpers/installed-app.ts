import { GitHubEmulator } from '../emulator/github-emulator.js';
import { HEAD_SHA } from './payloads.js';

/** The policy of the App's tests: every pull request into master is gated. */
export const GATE_MASTER = 'version: 1\ngate:\n  branches: [master]\n';

/**
 * The emulator as GitHub is for an App installed on Codertocat/Hello-World (installation
 * `installationId`, the App `appId` with `publicKey`), whose pull request #2 has `body` and the
 * policy gates master. Not started.
 */
export function installedApp(options: {
  appId: number;
  installationId: number;
  publicKey: string;
  body: string;
}): GitHubEmulator {
  return new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': GATE_MASTER } },
    pulls: [{ number: 2, base: 'master', headSha: HEAD_SHA, body: options.body }],
    app: {
      id: options.appId,
      slug: 'checklist-gate',
      publicKey: options.publicKey,
      installations: [{ id: options.installationId, account: 'Codertocat', repositories: ['Hello-World'] }],
    },
  });
}
