import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Gateway } from './gateway-types.js';

/**
 * Several server nodes: socket.io's Redis adapter carries room broadcasts (deliveries, status
 * events, prompts) and disconnects (revocations) to every node. With Redis down, cross-node
 * pushes stop but nothing is lost (messages wait in the database queue) and nothing opens up:
 * every request and every socket event re-checks the account in the database.
 */
export interface RedisLink {
  /** Both connections up: broadcasts (and so cache invalidations) reach the other nodes. */
  isReady(): boolean;
  /** The publishing connection, which also carries the shared rate-limit counters. */
  commands: RedisCommands;
  close(): Promise<void>;
}

export type RedisCommands = ReturnType<typeof createClient>;

export async function attachRedisAdapter(io: Gateway, url: string, logger: Logger, onOutage: () => void = () => undefined): Promise<RedisLink> {
  // No offline queue: during an outage a broadcast fails at once instead of piling up in memory.
  const pub = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5_000), connectTimeout: 5_000 } });
  const sub = pub.duplicate();
  for (const [name, client] of [['pub', pub], ['sub', sub]] as const) {
    client.on('error', (error: unknown) => {
      logger.warn({ err: error, client: name }, 'redis connection problem');
      onOutage();
    });
    client.on('end', onOutage);
    client.on('reconnecting', onOutage);
  }
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  logger.info('socket.io redis adapter attached');
  return {
    isReady: () => pub.isReady && sub.isReady,
    commands: pub,
    async close() {
      // A graceful close waits for a reachable Redis; with Redis gone, let go at once.
      for (const client of [pub, sub]) {
        if (client.isReady) await client.close().catch(() => client.destroy());
        else client.destroy();
      }
    },
  };
}
