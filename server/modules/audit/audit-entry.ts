import { createHash } from 'node:crypto';
import { auditLeafHash } from '../../../shared/audit/audit-leaf.js';
import type { Sha256 } from '../../../shared/audit/merkle.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';

/** SHA-256 with node:crypto, the hash of the log's tree. */
export const sha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());

/** One entry of the trail as stored: what it says, nothing derived. */
export interface AuditEntry {
  seq: number;
  at: Date;
  type: string;
  actorId: string | null;
  state: string | null;
  /** Other states whose trail shows the entry (a decision taken by their rule); absent when none. */
  alsoStates?: string[] | undefined;
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** The entry's leaf in the Merkle tree. */
export function entryLeafHash(entry: AuditEntry): Uint8Array {
  const { alsoStates, ...rest } = entry;
  return auditLeafHash(sha256, {
    ...rest,
    at: entry.at.toISOString(),
    ...(alsoStates && alsoStates.length > 0 ? { alsoStates } : {}),
  });
}

export function auditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    type: entry.type,
    actorId: entry.actorId,
    state: entry.state,
    ...(entry.alsoStates && entry.alsoStates.length > 0 ? { alsoStates: entry.alsoStates } : {}),
    subjectId: entry.subjectId,
    data: entry.data,
    leafHash: toBase64Url(entryLeafHash(entry)),
  };
}

/** Does the entry show in `state`'s trail: its own state, or one whose rule decided about it. */
export function inStateTrail(entry: Pick<AuditEntry, 'state' | 'alsoStates'>, state: string): boolean {
  return entry.state === state || (entry.alsoStates?.includes(state) ?? false);
}
