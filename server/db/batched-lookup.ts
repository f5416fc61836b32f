import { DATABASE_CALL_DEADLINE_MS, withDeadline } from '../system/deadline.js';

/**
 * Batched primary-key reads: lookups requested while one read is in flight are answered together
 * by the next single `{_id: {$in: [...]}}` query (pushed down to SQLite on the embedded database),
 * so N concurrent callers cost one round trip instead of N. A read that does not answer within
 * the deadline fails its callers, and the next batch goes on.
 */
export class BatchedLookup<V> {
  private waiting = new Map<
    string,
    Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>
  >();
  private reading = false;

  /** `read` returns the values found for the keys asked (any order), each with its key. */
  constructor(
    private readonly read: (keys: string[]) => Promise<Array<[string, V]>>,
    private readonly maxBatch = 500,
    private readonly deadlineMs = DATABASE_CALL_DEADLINE_MS,
  ) {}

  get(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const callers = this.waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (this.reading) return;
      // Started a microtask later, so keys asked together (one caller's several states) share the first read.
      this.reading = true;
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.size > 0) {
      const batch = [...this.waiting.entries()].slice(0, this.maxBatch);
      for (const [key] of batch) this.waiting.delete(key);
      try {
        const found = new Map(
          await withDeadline(this.read(batch.map(([key]) => key)), this.deadlineMs, 'a batched read'),
        );
        for (const [key, callers] of batch) for (const caller of callers) caller.resolve(found.get(key));
      } catch (error) {
        for (const [, callers] of batch) for (const caller of callers) caller.reject(error);
      }
    }
    this.reading = false;
  }
}
