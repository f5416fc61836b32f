import { canonicalJsonBytes } from '../crypto/canonical-json.js';
import { leafHash, type Sha256 } from './merkle.js';

/**
 * What one audit entry says, as it is hashed into the log: the leaf of the Merkle tree at index
 * `seq - 1`. Dates are ISO strings, so a client recomputes the leaf from the entry it was shown.
 */
export interface AuditLeafRecord {
  seq: number;
  /** ISO 8601 with milliseconds, UTC (`Date.prototype.toISOString`). */
  at: string;
  type: string;
  actorId: string | null;
  state: string | null;
  /**
   * Other states whose trail shows this entry: a decision taken by their rule about an exchange
   * of `state`'s. Left out of the leaf when there are none.
   */
  alsoStates?: readonly string[];
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** The leaf's bytes: the canonical JSON of the record (no other field, none missing). */
export function auditLeafBytes(record: AuditLeafRecord): Uint8Array {
  const { seq, at, type, actorId, state, alsoStates, subjectId, data } = record;
  return canonicalJsonBytes({
    seq,
    at,
    type,
    actorId,
    state,
    ...(alsoStates && alsoStates.length > 0 ? { alsoStates: [...alsoStates] } : {}),
    subjectId,
    data,
  });
}

/** The entry's leaf hash: SHA-256(0x00 ‖ leaf bytes). */
export function auditLeafHash(sha256: Sha256, record: AuditLeafRecord): Uint8Array {
  return leafHash(sha256, auditLeafBytes(record));
}
