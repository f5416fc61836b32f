import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/crypto/canonical-json.js';

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says; `hash` covers all of it plus the previous entry's hash. */
export interface AuditRecord {
  seq: number;
  at: Date;
  type: string;
  actorId: string | null;
  state: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
}

export interface AuditEntry extends AuditRecord {
  hash: string;
}

/** SHA-256 (hex) of the canonical JSON of the record; dates as ISO strings. */
export function hashAuditRecord(record: AuditRecord): string {
  const canonical = canonicalJson({ ...record, at: record.at.toISOString() });
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainVerdict =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked: number; firstBroken: { seq: number; reason: string } };

/**
 * Recomputes the chain in `seq` order and names the first entry that does not hold: a changed
 * entry (its hash no longer matches), a deleted one (a gap in seq, or a prevHash that points
 * elsewhere), or an inserted one.
 */
export async function verifyChain(entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        checked,
        firstBroken: {
          seq: expectedSeq,
          reason: `entry ${expectedSeq} is missing (next stored entry is ${entry.seq})`,
        },
      };
    }
    if (entry.prevHash !== prevHash) {
      return {
        ok: false,
        checked,
        firstBroken: { seq: entry.seq, reason: 'prevHash does not match the previous entry' },
      };
    }
    const { hash, ...record } = entry;
    if (hashAuditRecord(record) !== hash) {
      return {
        ok: false,
        checked,
        firstBroken: { seq: entry.seq, reason: 'content does not match its hash (entry was changed)' },
      };
    }
    prevHash = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, headHash: prevHash };
}
