/**
 * Runs jobs of one key one after another and jobs of different keys side by side: two events of
 * one pull request are evaluated in the order they arrived, never at once in this process.
 */
export class KeyQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues a job behind those of its key; the promise settles when the job has run. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last job of a key removes it: the map holds only keys with work in hand.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }

  /** Settles when every job queued so far has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
