import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import type { AuditEntry } from './audit-entry.js';

/** prevHash of the first entry of the old hash chain. */
const GENESIS_HASH = '0'.repeat(64);

export type LegacyEntry = AuditEntry & { prevHash: string; hash: string };

/** The old chain's hash: SHA-256 (hex) of the canonical JSON of the entry and prevHash; dates as ISO strings. */
function legacyHash(entry: Omit<LegacyEntry, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ ...entry, at: entry.at.toISOString() }))
    .digest('hex');
}

/**
 * Checks one entry of the hash chain the log replaced (earlier versions kept `audit_entries`),
 * in seq order: returns why it does not hold, or undefined. `prev` is the previous entry's hash.
 */
export function legacyLinkProblem(
  entry: LegacyEntry,
  expectedSeq: number,
  prevHash: string | undefined,
): string | undefined {
  if (entry.seq !== expectedSeq) return `entry ${expectedSeq} is missing (next stored entry is ${entry.seq})`;
  if (entry.prevHash !== (prevHash ?? GENESIS_HASH)) return 'prevHash does not match the previous entry';
  const { hash, ...record } = entry;
  if (legacyHash(record) !== hash) return 'content does not match its hash (entry was changed)';
  return undefined;
}

/** For tests of the migration: the old chain's hash of an entry. */
export const legacyHashForTests = legacyHash;
