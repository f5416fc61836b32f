import type { Clock } from '../../system/clock.js';
import type { OutboxItem, OutboxStore } from './ports.js';

/** A failure no retry can mend (the address was refused, the endpoint is gone): the item fails at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export interface RetryPolicy {
  /** Attempts in all before an item is marked failed. */
  maxAttempts: number;
  /** Wait before the next attempt after attempt `attempt` (1-based) failed. */
  backoffMs(attempt: number): number;
  /** How long one attempt may take before another node may give it up and go on. */
  leaseMs: number;
}

/** 30 s, 1 min, 2 min, … capped at 1 h; 12 attempts span about 5 hours. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 12,
  backoffMs: (attempt) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000),
  leaseMs: 5 * 60_000,
};

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what is due on one channel. Each attempt is taken by exactly one node (see
 * `OutboxStore.take`), so several nodes draining at once send each item once.
 */
export async function drainOutbox(
  deps: { outbox: OutboxStore; clock: Clock },
  channel: string,
  send: (item: OutboxItem) => Promise<void>,
  policy: RetryPolicy = DEFAULT_RETRY,
  batch = 100,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const item of await deps.outbox.due(channel, deps.clock.now(), batch)) {
    if (!(await deps.outbox.take(item, deps.clock.now(), policy.leaseMs))) continue;
    const attempt = item.attempts + 1;
    try {
      await send(item);
      await deps.outbox.sent(item.id, deps.clock.now());
      result.sent++;
    } catch (error) {
      const reason = describe(error);
      const at = deps.clock.now();
      if (error instanceof PermanentDeliveryError || attempt >= policy.maxAttempts) {
        await deps.outbox.failed(item.id, attempt, reason, at);
        result.failed++;
      } else {
        await deps.outbox.retry(item.id, attempt, new Date(at.getTime() + policy.backoffMs(attempt)), reason, at);
        result.retried++;
      }
    }
  }
  return result;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
