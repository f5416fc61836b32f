import { appendLeaves, EMPTY_FRONTIER, frontierRoot, type Frontier } from '../../../shared/audit/merkle.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { entryLeafHash, sha256, type AuditEntry } from './audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type LogTip } from './audit-segment.js';
import { legacyLinkProblem } from './legacy-chain.js';
import type { LogKey } from './log-key.js';
import type { AuditStore, LegacyAuditSource } from './ports.js';

/** Entries per segment when the old trail is moved into the log. */
const MIGRATION_SEGMENT = 1000;

/**
 * Earlier versions kept the trail as a hash chain (`audit_entries`). At start, while the log holds
 * fewer entries than the chain, the chain is checked and moved into the log, in segments of up to
 * 1,000 entries, each head signed at its last entry's time. A move cut short (the node stopped)
 * goes on from where it stopped, once the entries already moved are shown to be the chain's.
 * A broken chain is not moved: the server refuses to start, since the log would sign over a trail
 * that was already tampered with.
 */
export async function migrateLegacyTrail(
  store: AuditStore,
  legacy: LegacyAuditSource,
  key: LogKey,
): Promise<{ migrated: number }> {
  const total = await legacy.count();
  const last = await store.lastSegment();
  if (total === 0 || (last && last.size >= total)) return { migrated: 0 };
  let tip: LogTip = last ? tipOf(last) : EMPTY_TIP;
  const moved = tip.frontier.size;
  let before: Frontier = EMPTY_FRONTIER;
  let batch: AuditEntry[] = [];
  let prevHash: string | undefined;
  let seq = 0;
  let migrated = 0;
  const flush = async (): Promise<void> => {
    const newest = batch.at(-1);
    if (!newest) return;
    const segment = sealSegment(tip, batch, newest.at, key);
    if (!(await store.tryInsert(segment))) throw new Error('audit trail migration: another node is moving it now');
    tip = tipOf(segment);
    migrated += batch.length;
    batch = [];
  };
  for await (const entry of legacy.all()) {
    seq += 1;
    const problem = legacyLinkProblem(entry, seq, prevHash);
    if (problem)
      throw new Error(
        `the audit trail of this database (audit_entries) is broken at entry ${seq}: ${problem}. It is not moved into the audit log; restore a backup with an intact trail, or move the collection aside to start a new log`,
      );
    prevHash = entry.hash;
    const { prevHash: _prev, hash: _hash, ...kept } = entry;
    if (seq <= moved) {
      // Already moved by an earlier start: the log must hold exactly these entries.
      before = appendLeaves(sha256, before, [entryLeafHash(kept)]);
      if (seq === moved && toBase64Url(frontierRoot(sha256, before)) !== last?.root)
        throw new Error(
          `the audit log's first ${moved} entries are not those of the old trail (audit_entries): the move cannot go on`,
        );
      continue;
    }
    batch.push(kept);
    if (batch.length >= MIGRATION_SEGMENT) await flush();
  }
  await flush();
  return { migrated };
}
