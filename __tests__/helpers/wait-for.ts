// Waiting, in an end-to-end test, for the emulator to reach a point a run is held at.

/** Resolves once `condition` holds, checked every 10 ms; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
