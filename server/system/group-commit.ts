import { DATABASE_CALL_DEADLINE_MS, withDeadline } from './deadline.js';

/**
 * Group commit: items submitted while a write is in flight wait and are written together by the
 * next one, so N concurrent callers cost one database round trip (one transaction and one
 * fsync on SQLite) instead of N. Each caller gets its own item's outcome; the batch size
 * adapts to the load by itself. A write that does not answer within the deadline fails its
 * batch (those callers retry; writes are idempotent) and the next batch goes on.
 */
export class GroupCommit<T, R> {
  private waiting: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  /** `write` returns one outcome per item, in order: a result, or an Error for that item alone. */
  constructor(
    private readonly write: (items: T[]) => Promise<Array<R | Error>>,
    private readonly maxBatch = 500,
    private readonly deadlineMs = DATABASE_CALL_DEADLINE_MS,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.writing) return;
      // Started a microtask later, so items submitted together (one caller's entries) share the first write.
      this.writing = true;
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outcomes = await withDeadline(this.write(batch.map((w) => w.item)), this.deadlineMs, 'a batched write');
        batch.forEach((w, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) w.reject(outcome);
          else if (outcome === undefined) w.reject(new Error('group commit: no outcome for an item'));
          else w.resolve(outcome);
        });
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}
