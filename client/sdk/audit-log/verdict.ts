import type { SignedTreeHead } from '../../../shared/audit/tree-head.js';
import type { DISCREPANCY_KINDS } from '../../../shared/schemas/audit-log.js';

export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/** The log extends what this client saw before (or was pinned now, on first use). */
export interface AuditLogVerified {
  ok: true;
  /** The newest head, verified and now saved. */
  head: SignedTreeHead;
  /** The size of the saved head the proof started from; null on first use (key and head pinned). */
  checkedFrom: number | null;
}

/** The log does not extend what this client saw: the saved head is kept, and the network was told. */
export interface AuditLogDiscrepancy {
  ok: false;
  kind: DiscrepancyKind;
  /** The head this client verified before (null when the first head it ever saw failed). */
  saved: SignedTreeHead | null;
  /** What the server shows now, if it showed a head at all. */
  current: SignedTreeHead | null;
  /** Whether the report reached the server (national admins and the secretariat are alerted). */
  reported: boolean;
  detail: string;
}

/** The check could not run (no answer from the server): nothing is known either way. */
export interface AuditLogUnchecked {
  ok: false;
  kind: 'unchecked';
  detail: string;
}

export type AuditLogVerdict = AuditLogVerified | AuditLogDiscrepancy | AuditLogUnchecked;

export type InclusionFailure =
  /** The entry's fields do not hash to the leaf hash it carries: it was changed. */
  | 'leaf-mismatch'
  /** The proof does not put this entry's leaf under the verified head's root. */
  | 'proof-failed'
  /** The server gave no proof for a head this client holds. */
  | 'proof-refused'
  /** The log itself did not verify (see the verdict), so nothing can be proven against it. */
  | 'log-unverified';

export type InclusionVerdict =
  | { ok: true; seq: number; head: SignedTreeHead }
  | { ok: false; seq: number; reason: InclusionFailure; detail: string };
