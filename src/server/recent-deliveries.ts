/**
 * The delivery ids seen lately, the oldest forgotten first: a redelivery of one of them is
 * acknowledged and costs no request. Bounded, so that memory stays flat however long the server
 * runs; a redelivery older than that is evaluated again, which the facts stamp makes harmless.
 */
export class RecentDeliveries {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** Records the id; false when it was already there. */
  add(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  /** Forgets an id whose evaluation failed, so that GitHub's redelivery is tried again. */
  forget(id: string): void {
    this.seen.delete(id);
  }
}
