import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ClientEventName } from '../../shared/events.js';
import type { RedisCommands } from '../system/redis-link.js';
import { sharedLimiter } from '../system/shared-limiter.js';

/**
 * Events one account may send per second, per event kind, on all its sockets together (on every
 * node, when Redis is configured). Far above what a client does: the relay benchmarks peak at a
 * few hundred sends a second from one sender (fixed 200 msg/s, bursts of 50 in flight) and drain
 * a backlog in pages of 200 (one fetch and one ack per page). A client beyond them is broken or
 * hostile; its surplus events are refused, other accounts' are not slowed.
 */
export const DEFAULT_EVENT_LIMITS: Readonly<Record<ClientEventName, number>> = {
  'system:ping': 50,
  'liveness:ack': 50,
  'message:send': 1_000,
  'message:fetch': 200,
  'message:ack': 1_000,
};

/** Answers whether an account may send one more event of a kind now; resolves false when over its limit. */
export interface EventLimiter {
  allow(userId: string, event: ClientEventName): Promise<boolean>;
}

/** `overrides` (SOCKET_EVENT_LIMITS) replace defaults by event name; an unknown name is a configuration error. */
export function createEventLimiter(
  overrides: Readonly<Record<string, number>> = {},
  redis?: RedisCommands,
): EventLimiter {
  const unknown = Object.keys(overrides).filter((event) => !(event in DEFAULT_EVENT_LIMITS));
  if (unknown.length > 0)
    throw new Error(
      `SOCKET_EVENT_LIMITS names unknown events: ${unknown.join(', ')} (known: ${Object.keys(DEFAULT_EVENT_LIMITS).join(', ')})`,
    );
  const limits = { ...DEFAULT_EVENT_LIMITS, ...overrides };
  const limiters = new Map<string, RateLimiterAbstract>(
    Object.entries(limits).map(([event, points]) => [
      event,
      sharedLimiter(`socket:${event}`, { points, duration: 1 }, redis),
    ]),
  );
  return {
    async allow(userId, event) {
      const limiter = limiters.get(event);
      if (!limiter) return true;
      try {
        await limiter.consume(userId);
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
  };
}
