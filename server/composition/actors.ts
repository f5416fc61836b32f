import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AccountsDeps } from '../modules/accounts/accounts-deps.js';
import { ActorCache } from '../modules/accounts/actor-cache.js';
import type { Realtime } from './realtime.js';

/**
 * Longest a node trusts an account it read, should a change ever go unheard (see ActorCache).
 * Changes reach the cache by invalidation (this node at once, others through Redis, bypassed
 * while Redis is away), so this is only a backstop; each re-read costs a database round trip
 * per signed-in user, which on the embedded database was the directory benchmark's p99 (5 s:
 * p99 ≈ 0.4–0.8 s at 200 req/s; 60 s: ≈ 19 ms).
 */
const ACTOR_CACHE_MAX_AGE_MS = 30_000;

/**
 * Every request and socket event re-checks the account; this cache spares the database read.
 * A change on this node forgets the account here and, through Redis, on the other nodes; a
 * Redis outage empties it (their news may be missed) and bypasses it until Redis is back.
 */
export function createActorCache(
  config: Config,
  accounts: AccountsDeps,
  { io, redis }: Realtime,
  logger: Logger,
): ActorCache {
  const actors = new ActorCache(accounts.actors, {
    maxAgeMs: ACTOR_CACHE_MAX_AGE_MS,
    maxEntries: 50_000,
    trusted: () => !config.redisUrl || (redis?.isReady() ?? false),
  });
  io.on('actor:forget', (userId) => actors.forget(userId));
  redis?.onOutage(() => actors.clear());
  accounts.users.onChange((userId) => {
    actors.forget(userId);
    if (!redis) return;
    try {
      io.serverSideEmit('actor:forget', userId);
    } catch (error) {
      // With Redis down the other nodes' caches are bypassed anyway.
      logger.warn({ err: error }, 'could not tell other nodes about an account change');
    }
  });
  return actors;
}
