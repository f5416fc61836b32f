import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { RedisLink } from '../system/redis-link.js';
import type { Gateway } from './gateway-types.js';

/**
 * Several server nodes: socket.io's Redis adapter carries room broadcasts (deliveries, status
 * events, prompts) and disconnects (revocations) to every node. Set before any socket connects.
 */
export function useRedisAdapter(io: Gateway, redis: RedisLink, logger: Logger): void {
  io.adapter(createAdapter(redis.commands, redis.subscriber));
  logger.info('socket.io redis adapter attached');
}
