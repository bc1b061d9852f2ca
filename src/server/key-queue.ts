/**
 * Runs jobs of one key one after another and jobs of different keys side by side: two events of
 * one pull request are evaluated in the order they arrived, never at once in this process.
 */
export class KeyQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private running = 0;
  /** Jobs ready to run, waiting for one of the `maxRunning` places. */
  private readonly ready: (() => void)[] = [];
  /** Jobs queued and not yet started, by what makes them the same. */
  private readonly waiting = new Map<string, { job: () => Promise<unknown>; result: Promise<unknown> }>();

  /** `maxRunning`: jobs that run at once, whatever their keys; the others wait their turn. */
  constructor(private readonly maxRunning = Infinity) {}

  /** Queues a job behind those of its key; the promise settles when the job has run. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => this.inPlace(job));
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

  /**
   * Like `run`, but a job of the same `same` key that has not started yet is replaced by this one,
   * and both callers get this one's result. An evaluation reads every fact afresh, so the newest
   * of several waiting events of one pull request does the work of all of them.
   */
  runLatest<T>(key: string, same: string, job: () => Promise<T>): Promise<T> {
    const waiting = this.waiting.get(same);
    if (waiting) {
      waiting.job = job;
      return waiting.result as Promise<T>;
    }
    const entry: { job: () => Promise<unknown>; result: Promise<unknown> } = {
      job,
      result: Promise.resolve(),
    };
    this.waiting.set(same, entry);
    entry.result = this.run(key, () => {
      this.waiting.delete(same);
      return entry.job();
    });
    return entry.result as Promise<T>;
  }

  /** Runs a job once a place is free; a freed place passes to the job that waited longest. */
  private async inPlace<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.maxRunning) this.running++;
    else await new Promise<void>((resolve) => this.ready.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.ready.shift();
      if (next) next();
      else this.running--;
    }
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
