import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Gateway } from '../realtime/gateway.js';
import type { RedisLink } from '../system/redis-link.js';
import type { Sweepers } from './sweepers.js';

export interface Running {
  http: HttpServer;
  io: Gateway;
  sweepers?: Sweepers;
  redis: RedisLink | undefined;
  database: Database;
  logger: Logger;
}

const isAttached = (io: Gateway): boolean => (io as { engine?: unknown }).engine !== undefined;

/**
 * Stops in dependency order: stop accepting and close the sockets, let requests in progress
 * finish, stop the sweeps, then Redis and the database they all used. Idempotent.
 */
export function shutdownInOrder(running: Running): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      const { http, io } = running;
      // io.close() also closes the HTTP server; drop idle keep-alive connections so it can finish.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      // A socket server never attached (a start that failed early) has no connections to close.
      if (isAttached(io)) await io.close();
      http.closeIdleConnections();
      await httpClosed;
      await running.sweepers?.stop();
      await running.redis?.close();
      await running.database.close();
      running.logger.info('server stopped');
    })();
    return closing;
  };
}
