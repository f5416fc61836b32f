import type { AuditEntry } from './audit-chain.js';

export interface AuditQuery {
  state?: string;
  type?: string;
  /** Entries by this person or about them. */
  person?: string;
  afterSeq?: number;
  beforeSeq?: number;
  /** Oldest first (default) or newest first. */
  order?: 'asc' | 'desc';
  limit: number;
}

/** The audit trail as stored: entries numbered 1, 2, … and only ever inserted. */
export interface AuditStore {
  /** The last entry (by key; see the repository for how the numbering makes that exact). */
  head(): Promise<AuditEntry | undefined>;
  /** The last entry by a sorted read: exact whatever the numbering, but a scan on FerretDB. */
  sortedHead(): Promise<AuditEntry | undefined>;
  /** Entry number `seq`, by primary key. */
  get(seq: number): Promise<AuditEntry | undefined>;
  /** Inserts; resolves false when another writer took this seq first. */
  tryInsert(entry: AuditEntry): Promise<boolean>;
  /**
   * Inserts consecutive entries in one round trip (group commit). Ordered: a duplicate seq stops
   * the batch there, and false is returned; the caller re-reads by seq.
   */
  tryInsertBatch(entries: readonly AuditEntry[]): Promise<boolean>;
  /** A page of the trail, filtered. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** A page by the sorted query: MongoDB answers from its indexes, FerretDB by a scan. */
  sortedList(query: AuditQuery): Promise<AuditEntry[]>;
  /** Every entry in seq order, for the verifier and the annual review. */
  all(batchSize?: number): AsyncGenerator<AuditEntry>;
}
