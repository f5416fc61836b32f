import mongoose, { type Connection, type mongo } from 'mongoose';
import type { Logger } from 'pino';
import { EmbeddedFerretDB } from './embedded-ferretdb.js';
import type { MetricsPort } from '../system/metrics-port.js';

const PING_TIMEOUT_MS = 1_000;
const CLOSE_TIMEOUT_MS = 2_000;

export interface Database {
  kind: 'embedded-ferretdb' | 'mongodb';
  connection: Connection;
  /** True when the database answers a ping within a second. */
  ping(): Promise<boolean>;
  /** The embedded database supervisor's state, when there is one. */
  processState(): string | undefined;
  close(): Promise<void>;
}

/** What opening the database needs of the server's configuration. */
export interface DatabaseConfig {
  /** An external MongoDB; without it the embedded FerretDB is started. */
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  embeddedDbMaxRestarts: number;
}

export interface OpenDatabaseOptions {
  logger: Logger;
  /** Called when the embedded database cannot be kept running. */
  onFatal: (reason: string) => void;
  /** Metrics on: driver command latency (command monitoring) and embedded restarts are reported. */
  metrics?: Pick<MetricsPort, 'dbCommand' | 'embeddedDbRestarted'>;
}

/** Connects mongoose to MONGODB_URI, or starts the embedded FerretDB and connects to it. */
export async function openDatabase(
  config: DatabaseConfig,
  { logger, onFatal, metrics }: OpenDatabaseOptions,
): Promise<Database> {
  let embedded: EmbeddedFerretDB | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    embedded = new EmbeddedFerretDB({
      dataDir: config.dataDir,
      logger,
      maxRestarts: config.embeddedDbMaxRestarts,
      onGiveUp: onFatal,
      ...(metrics ? { onRestarted: () => metrics.embeddedDbRestarted() } : {}),
    });
    await embedded.start();
    uri = embedded.uri(config.dbName);
  }
  const connection = mongoose.createConnection(uri, {
    dbName: config.dbName,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    // No operation may wait forever (e.g. for a pool connection while the database restarts):
    // it fails, the client sees an error and retries; nothing is acknowledged without a write.
    waitQueueTimeoutMS: 10_000,
    // Hand operations straight to the driver, which reconnects on its own; mongoose's buffering
    // can stay in "disconnected" after the embedded database restarts.
    bufferCommands: false,
    heartbeatFrequencyMS: 2_000,
    maxPoolSize: 50,
    // Production replica sets: an acknowledged write is on a majority of members.
    ...(embedded ? {} : { writeConcern: { w: 'majority' as const, journal: true } }),
    autoIndex: true,
    // An event per command costs a little on every call: only when someone reads the metrics.
    monitorCommands: metrics !== undefined,
  });
  if (metrics) reportCommandLatency(connection, metrics);
  try {
    await connection.asPromise();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  logger.info({ kind: embedded ? 'embedded-ferretdb' : 'mongodb', db: config.dbName }, 'database connected');

  return {
    kind: embedded ? 'embedded-ferretdb' : 'mongodb',
    connection,
    async ping() {
      const db = connection.db;
      if (!db) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      });
      try {
        return await Promise.race([
          db
            .admin()
            .ping({ maxTimeMS: PING_TIMEOUT_MS })
            .then(() => true),
          timeout,
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    processState: () => embedded?.status,
    async close() {
      // With the database already gone the driver can wait long for it; do not let that block exit.
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([connection.close(true).catch(() => undefined), giveUp]);
      clearTimeout(timer);
      await embedded?.stop();
    },
  };
}

/** Each driver command's duration by command name (never its arguments), successes and failures alike. */
function reportCommandLatency(connection: Connection, metrics: Pick<MetricsPort, 'dbCommand'>): void {
  const client = connection.getClient();
  const report = (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent): void =>
    metrics.dbCommand(event.commandName, event.duration / 1000);
  client.on('commandSucceeded', report);
  client.on('commandFailed', report);
}
