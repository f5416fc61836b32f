import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createSocketServer, type Gateway } from '../realtime/gateway.js';
import { createPusher, type Pusher } from '../realtime/push.js';
import { useRedisAdapter } from '../realtime/redis-adapter.js';
import { connectRedis, type RedisLink } from '../system/redis-link.js';
import type { MetricsPort } from '../system/metrics-port.js';

export interface Realtime {
  /** The socket.io server, attached to the HTTP server later (see start-server.ts). */
  io: Gateway;
  /** Only with REDIS_URL: the link to the other nodes (adapter, shared rate limits). */
  redis: RedisLink | undefined;
  pusher: Pusher;
}

/** Browser origins allowed to open a socket: the public origin, and the page's own host. */
function allowedOrigins(config: Config): (host: string | undefined) => string[] {
  return (host) => [
    ...(config.publicOrigin ? [config.publicOrigin] : []),
    ...(host ? [`http://${host}`, `https://${host}`] : []),
  ];
}

/** The socket server first (with Redis, its adapter too), so revocations and pushes reach a real server from the start. */
export async function createRealtime(config: Config, logger: Logger, metrics?: MetricsPort): Promise<Realtime> {
  const io = createSocketServer({ logger, allowedOrigins: allowedOrigins(config), maxPacketBytes: 1_000_000 });
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : undefined;
  if (redis) useRedisAdapter(io, redis, logger);
  const pusher = createPusher({
    io,
    logger,
    otherNodes: () => redis?.isReady() ?? false,
    ...(metrics ? { metrics } : {}),
  });
  return { io, redis, pusher };
}
