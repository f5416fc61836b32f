import type { StartOptions } from '../../server/start-server.js';
import type { AuditEntry } from '../../server/modules/audit/audit-entry.js';
import { AUDIT_TEST_JWT_SECRET } from './audit-cli.js';
import { forgeLog, segmentsCollection } from './audit-forgery.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Stops a server started with AUDIT_TEST_JWT_SECRET and starts it again on the same database,
 * port (so a browser keeps its origin and what it stored) and log key: what the server held in
 * memory, the log's tip, is gone — as after a restart by whoever holds the host. Its clock goes
 * on from the stopped one's.
 */
export async function restartServer(t: TestServer, options: Partial<StartOptions> = {}): Promise<TestServer> {
  const port = new URL(t.url).port;
  const dbName = t.server.database.connection.name;
  const stoppedAt = t.clock.now().getTime();
  await t.close();
  const restarted = await startTestServer({ JWT_SECRET: AUDIT_TEST_JWT_SECRET, DB_NAME: dbName, PORT: port }, options);
  // Time goes on from where the tests had moved it (authenticator codes already used stay used).
  restarted.clock.advance(Math.max(0, stoppedAt - restarted.clock.now().getTime()));
  return restarted;
}

/** Deletes the newest segments of `audit_log` until at least `count` entries are gone; how many were. */
export async function dropNewestAuditEntries(t: TestServer, count: number): Promise<number> {
  const newest = await segmentsCollection(t).find({}).sort({ _id: -1 }).toArray();
  let dropped = 0;
  for (const segment of newest) {
    if (dropped >= count) break;
    await segmentsCollection(t).deleteOne({ _id: segment._id });
    dropped += segment.entries.length;
  }
  await t.server.database.connection.collection('audit_log_nodes').deleteMany({});
  return dropped;
}

/** Changes entry `seq` and re-signs the whole log with the server's key (forgeLog). */
export function rewriteAuditEntry(t: TestServer, seq: number, data: Record<string, unknown>): Promise<void> {
  return forgeLog(t, AUDIT_TEST_JWT_SECRET, (entry: AuditEntry) => (entry.seq === seq ? { ...entry, data } : entry));
}
