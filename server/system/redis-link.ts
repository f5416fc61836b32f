import type { Logger } from 'pino';
import { createClient } from 'redis';

export type RedisCommands = ReturnType<typeof createClient>;

/**
 * Several server nodes share Redis: socket.io's adapter carries room broadcasts and disconnects
 * over it (realtime/redis-adapter.ts), and the rate limits keep their counters in it. With Redis
 * down, cross-node pushes stop but nothing is lost (messages wait in the database queue) and
 * nothing opens up: every request and every socket event re-checks the account in the database.
 */
export interface RedisLink {
  /** Both connections up: broadcasts (and so cache invalidations) reach the other nodes. */
  isReady(): boolean;
  /** The publishing connection, which also carries the shared rate-limit counters. */
  commands: RedisCommands;
  /** The subscribing connection (the adapter's). */
  subscriber: RedisCommands;
  /** Called whenever a connection fails, ends or reconnects: other nodes' news may be missed. */
  onOutage(listener: () => void): void;
  close(): Promise<void>;
}

export async function connectRedis(url: string, logger: Logger): Promise<RedisLink> {
  const listeners: Array<() => void> = [];
  const outage = (): void => {
    for (const listener of listeners) listener();
  };
  // No offline queue: during an outage a broadcast fails at once instead of piling up in memory.
  const pub = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5_000), connectTimeout: 5_000 },
  });
  const sub = pub.duplicate();
  for (const [name, client] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    client.on('error', (error: unknown) => {
      logger.warn({ err: error, client: name }, 'redis connection problem');
      outage();
    });
    client.on('end', outage);
    client.on('reconnecting', outage);
  }
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    isReady: () => pub.isReady && sub.isReady,
    commands: pub,
    subscriber: sub,
    onOutage: (listener) => listeners.push(listener),
    async close() {
      // A graceful close waits for a reachable Redis; with Redis gone, let go at once.
      for (const client of [pub, sub]) {
        if (client.isReady) await client.close().catch(() => client.destroy());
        else client.destroy();
      }
    },
  };
}
