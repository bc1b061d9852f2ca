// The sweep's cost: a scheduled run over open pull requests whose verdicts did not change.
import { GitHubEmulator } from '../__tests__/emulator/github-emulator.js';
import { runAction } from '../__tests__/emulator/run-action.js';

/**
 * Sweeps `count` open pull requests twice (the first run posts every verdict and comment, the
 * second finds nothing changed) and returns the second run's requests, writes and wall time.
 */
export async function unchangedSweep(count, { policy, body }) {
  const pulls = Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    base: 'main',
    headSha: (index + 1).toString(16).padStart(40, 'a'),
    body,
    updatedAt: `2026-11-20T10:${String(index % 60).padStart(2, '0')}:00Z`,
  }));
  const emulator = new GitHubEmulator({
    defaultBranch: 'main',
    files: { main: { '.github/checklist-gate.yml': policy } },
    pulls,
  });
  const apiUrl = await emulator.start();
  const payload = { schedule: '0 6 * * *', repository: { default_branch: 'main' } };
  try {
    const first = await runAction({ apiUrl, eventName: 'schedule', payload });
    if (first.code !== 0) throw new Error(`the sweep failed:\n${first.stdout}${first.stderr}`);
    const before = emulator.requests.length;
    const writesBefore = emulator.writes().length;
    const second = await runAction({ apiUrl, eventName: 'schedule', payload });
    if (second.code !== 0) throw new Error(`the sweep failed:\n${second.stdout}${second.stderr}`);
    return {
      ms: second.ms,
      requests: emulator.requests.length - before,
      writes: emulator.writes().length - writesBefore,
    };
  } finally {
    await emulator.stop();
  }
}
