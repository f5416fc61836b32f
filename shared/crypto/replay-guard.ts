/**
 * Remembers recently seen (sender, msgId) pairs so a replayed envelope is opened once.
 * Memory is bounded: past `capacity` entries the oldest is forgotten, so this complements the
 * server's unique (sender, msgId) index rather than replacing it.
 */
export class ReplayGuard {
  private readonly seen = new Set<string>();

  constructor(readonly capacity = 10_000) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /** True the first time a (senderUserId, msgId) pair is offered, false for a repeat. Records it. */
  accept(senderUserId: string, msgId: string): boolean {
    // JSON of the pair: unambiguous whatever characters the ids contain.
    const key = JSON.stringify([senderUserId, msgId]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order, so the first value is the oldest.
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }

  /** Number of pairs currently remembered (≤ capacity). */
  get size(): number {
    return this.seen.size;
  }
}
