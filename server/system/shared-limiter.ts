import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RedisCommands } from './redis-link.js';

/**
 * A limiter whose counters every node shares when Redis is configured, so attempts spread over
 * several nodes count together. While Redis is unreachable, each node counts on its own (never
 * unlimited): the memory limiter is the Redis limiter's insurance.
 */
export function sharedLimiter(
  name: string,
  options: IRateLimiterOptions,
  redis: RedisCommands | undefined,
): RateLimiterAbstract {
  const local = new RateLimiterMemory(options);
  if (!redis) return local;
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `focalnet:limit:${name}`,
    insuranceLimiter: local,
  });
}
