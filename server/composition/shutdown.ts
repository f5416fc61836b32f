import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Gateway } from '../realtime/gateway.js';
import type { Draining } from '../system/draining.js';
import type { InFlight } from '../system/in-flight.js';
import type { RedisLink } from '../system/redis-link.js';
import type { Sweepers } from './sweepers.js';

export interface Running {
  http: HttpServer;
  io: Gateway;
  sweepers?: Sweepers;
  redis: RedisLink | undefined;
  database: Database;
  logger: Logger;
  /** Absent for a start that failed before sockets were served. */
  draining?: Draining;
  inFlight?: InFlight;
}

const isAttached = (io: Gateway): boolean => (io as { engine?: unknown }).engine !== undefined;

/**
 * Stops in the order a rolling restart needs, so nothing acknowledged is lost and nothing
 * in progress is cut: mark the node draining (readiness 503, new socket events refused as
 * retryable), stop accepting connections (the proxy moves on to the other node), let the socket
 * events in progress finish and answer, tell this node's sockets to go (the SDK reconnects
 * through the proxy, to the other node), let HTTP requests in progress finish, then stop the
 * sweeps, Redis and the database they all used. Idempotent.
 */
export function shutdownInOrder(running: Running): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      const { http, io, logger } = running;
      running.draining?.start();
      // Stops listening now; resolves once every connection (requests, WebSockets) has ended.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      if (running.inFlight?.count) logger.info({ events: running.inFlight.count }, 'draining: awaiting socket events');
      await running.inFlight?.idle();
      // A socket server never attached (a start that failed early) has no connections to close.
      if (isAttached(io)) {
        // Only this node's sockets: io.disconnectSockets() would reach every node through Redis.
        // "io server disconnect" tells the client it was sent away, not that the network failed.
        io.local.disconnectSockets(true);
        await io.close();
      }
      http.closeIdleConnections();
      await httpClosed;
      await running.inFlight?.idle();
      await running.sweepers?.stop();
      await running.redis?.close();
      await running.database.close();
      logger.info('server stopped');
    })();
    return closing;
  };
}
