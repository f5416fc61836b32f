import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/start-server.js';
import { watchApiContract } from './api-contract.js';
import { capturingLogger } from './log-capture.js';
import { TEST_OPAQUE_SERVER_SETUP } from './opaque.js';
import { TestClock } from './test-clock.js';
import { testMongoUri, uniqueDbName } from './test-database.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  server: RunningServer;
  clock: TestClock;
  logs: ReturnType<typeof capturingLogger>;
  /** The server's DATA_DIR (its generated secrets). */
  dataDir: string;
  /** A real socket.io client; closed by `close()`. */
  connect(options?: { origin?: string; auth?: Record<string, unknown> }): TestSocket;
  close(): Promise<void>;
}

/** The real server (same composition as main.ts) on port 0 over the shared test database. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Partial<StartOptions> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    MONGODB_URI: testMongoUri(),
    DB_NAME: uniqueDbName('srv'),
    LOG_LEVEL: 'debug',
    OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP,
    ...env,
  });
  const logs = capturingLogger();
  const clock = new TestClock();
  const server = await startServer(config, {
    logger: logs.logger,
    clock,
    announceBootstrap: false,
    clientDir: path.join(dataDir, 'no-client'),
    ...options,
  });
  await watchApiContract(server.http, server.url);
  const sockets: TestSocket[] = [];
  return {
    url: server.url,
    server,
    clock,
    logs,
    dataDir,
    connect({ origin, auth } = {}) {
      const socket: TestSocket = connectClient(server.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(auth ? { auth } : {}),
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another node of `t`'s deployment: the same database and the same secrets (as every node of one
 * deployment has), also those `t` generated in its DATA_DIR. A node with other signing keys would
 * refuse to start.
 */
export function startSiblingNode(
  t: TestServer,
  env: Record<string, string> = {},
  options: Partial<StartOptions> = {},
): Promise<TestServer> {
  return startTestServer({ DB_NAME: t.server.database.connection.name, DATA_DIR: t.dataDir, ...env }, options);
}

/** Resolves on the socket's first `connect`, rejects on `connect_error`. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}
