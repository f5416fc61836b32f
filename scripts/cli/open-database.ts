import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import type { Config } from '../../server/config.js';
import { EmbeddedFerretDB } from '../../server/db/embedded-ferretdb.js';

export interface CliDatabase {
  connection: Connection;
  /** The embedded database belongs to a server that is running now (unknown with MONGODB_URI). */
  serverRunning: boolean;
  close(): Promise<void>;
}

/**
 * The database the server uses: MONGODB_URI; else the embedded FerretDB of a running server
 * (through its socket); else a FerretDB started just for this command and stopped after it.
 */
export async function openCliDatabase(config: Config): Promise<CliDatabase> {
  let embedded: EmbeddedFerretDB | undefined;
  let uri = config.mongodbUri;
  let serverRunning = false;
  if (!uri) {
    const running = EmbeddedFerretDB.runningSocket(config.dataDir);
    serverRunning = running !== undefined;
    if (running) {
      uri = `mongodb://${encodeURIComponent(running)}/${config.dbName}`;
    } else {
      embedded = new EmbeddedFerretDB({ dataDir: config.dataDir, logger: pino({ level: 'silent' }), maxRestarts: 0 });
      await embedded.start();
      uri = embedded.uri(config.dbName);
    }
  }
  const connection = await mongoose
    .createConnection(uri, { dbName: config.dbName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  return {
    connection,
    serverRunning,
    async close() {
      await connection.close();
      await embedded?.stop();
    },
  };
}
