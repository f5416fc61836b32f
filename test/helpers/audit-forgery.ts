import type { AuditEntry } from '../../server/modules/audit/audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type AuditSegment } from '../../server/modules/audit/audit-segment.js';
import { logKey } from '../../server/modules/audit/log-key.js';
import type { TestServer } from './test-server.js';

type SegmentDoc = Omit<AuditSegment, 'id'> & { _id: number };

/** The `audit_log` collection, for tests that tamper with it as someone holding the database would. */
export const segmentsCollection = (t: TestServer) => t.server.database.connection.collection<SegmentDoc>('audit_log');

/**
 * What an attacker holding the server can do: change entries, then recompute every frontier, root
 * and head signature with the log key (derived from `jwtSecret`), and drop the subtree cache.
 */
export async function forgeLog(
  t: TestServer,
  jwtSecret: string,
  change: (entry: AuditEntry) => AuditEntry,
): Promise<void> {
  const key = logKey(jwtSecret);
  const docs = await segmentsCollection(t).find({}).sort({ _id: 1 }).toArray();
  let tip = EMPTY_TIP;
  for (const doc of docs) {
    const segment = sealSegment(tip, doc.entries.map(change), doc.at, key);
    const { id, ...rest } = segment;
    await segmentsCollection(t).replaceOne({ _id: id }, rest);
    tip = tipOf(segment);
  }
  await t.server.database.connection.collection('audit_log_nodes').deleteMany({});
}
