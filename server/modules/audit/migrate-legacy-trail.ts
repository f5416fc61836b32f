import type { AuditEntry } from './audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type LogTip } from './audit-segment.js';
import { legacyLinkProblem } from './legacy-chain.js';
import type { LogKey } from './log-key.js';
import type { AuditStore, LegacyAuditSource } from './ports.js';

/** Entries per segment when the old trail is moved into the log. */
const MIGRATION_SEGMENT = 1000;

/**
 * Earlier versions kept the trail as a hash chain (`audit_entries`). At the first start with the
 * log empty, the chain is checked and moved into the log once, in segments of up to 1,000 entries,
 * each head signed at its last entry's time. A broken chain is not moved: the server refuses to
 * start, since the log would sign over a trail that was already tampered with.
 */
export async function migrateLegacyTrail(
  store: AuditStore,
  legacy: LegacyAuditSource,
  key: LogKey,
): Promise<{ migrated: number }> {
  if ((await legacy.count()) === 0 || (await store.lastSegment())) return { migrated: 0 };
  let tip: LogTip = EMPTY_TIP;
  let batch: AuditEntry[] = [];
  let prevHash: string | undefined;
  let migrated = 0;
  const flush = async (): Promise<void> => {
    const last = batch.at(-1);
    if (!last) return;
    const segment = sealSegment(tip, batch, last.at, key);
    // Another node migrating at the same moment took it: the log is theirs to fill; stop here.
    if (!(await store.tryInsert(segment))) throw new Error('audit trail migration: another node is migrating it');
    tip = tipOf(segment);
    migrated += batch.length;
    batch = [];
  };
  for await (const entry of legacy.all()) {
    const problem = legacyLinkProblem(entry, migrated + batch.length + 1, prevHash);
    if (problem)
      throw new Error(
        `the audit trail of this database (audit_entries) is broken at entry ${migrated + batch.length + 1}: ${problem}. It is not moved into the audit log; restore a backup with an intact trail, or move the collection aside to start a new log`,
      );
    prevHash = entry.hash;
    const { prevHash: _prev, hash: _hash, ...kept } = entry;
    batch.push(kept);
    if (batch.length >= MIGRATION_SEGMENT) await flush();
  }
  await flush();
  return { migrated };
}
