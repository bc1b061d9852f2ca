// The lifecycle every end-to-end suite shares: emulators started by a test, stopped after it.
import type { GitHubEmulator } from '../emulator/github-emulator.js';

/** What a GitHubEmulator is made with. */
export type EmulatorFixture = NonNullable<ConstructorParameters<typeof GitHubEmulator>[0]>;

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Stops, after each test, the emulator or emulators `started` returns (none when the test started
 * none): a server left open keeps jest from exiting. Called once at a test file's top level.
 */
export function stopAfterEach(started: () => Stoppable | readonly Stoppable[] | undefined): void {
  afterEach(async () => {
    const running = started();
    const all: readonly Stoppable[] = running === undefined ? [] : 'stop' in running ? [running] : running;
    await Promise.all(all.map((emulator) => emulator.stop()));
  });
}
