import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createApp } from './http/create-app.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { createGateway, type Gateway } from './realtime/gateway.js';
import { systemClock, type Clock } from './system/clock.js';
import { databaseReadiness } from './system/readiness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = '0.1.0';

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Called when the server cannot keep running (the embedded database keeps dying). */
  onFatal?: (reason: string) => void;
  clientDir?: string;
}

export interface RunningServer {
  url: string;
  http: HttpServer;
  io: Gateway;
  database: Database;
  /** Stops accepting, closes sockets, the database and the embedded database. Idempotent. */
  close(): Promise<void>;
}

/** Composition root shared by main.ts and the tests: config in, a listening server out. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  resolveJwtSecret(config); // fail before listening when the secret is unusable; used by accounts
  const database = await openDatabase(config, { logger, onFatal: options.onFatal ?? ((reason) => logger.fatal(reason)) });

  const app = createApp({
    logger,
    version: VERSION,
    readiness: databaseReadiness(database),
    bodyLimitBytes: config.bodyLimitBytes,
    clientDir: options.clientDir ?? path.join(repoRoot, 'client', 'dist'),
  });
  const http = createServer(app);
  const io = createGateway(http, {
    logger,
    clock,
    allowedOrigins: (host) => [
      ...(config.publicOrigin ? [config.publicOrigin] : []),
      ...(host ? [`http://${host}`, `https://${host}`] : []),
    ],
    maxPacketBytes: 1_000_000,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // io.close() also closes the HTTP server; drop idle keep-alive connections so it can finish.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      await io.close();
      http.closeIdleConnections();
      await httpClosed;
      await database.close();
      logger.info('server stopped');
    })();
    return closing;
  };
  return { url, http, io, database, close };
}
