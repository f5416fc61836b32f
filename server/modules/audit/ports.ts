import type { TreeHead } from '../../../shared/audit/tree-head.js';
import type { AuditEntry } from './audit-entry.js';
import type { AuditSegment } from './audit-segment.js';

export interface AuditQuery {
  /** Entries in this state's trail: its own, and those it shows too (`alsoStates`). */
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

/** Where a segment's entries start and end, without reading them. */
export interface SegmentBounds {
  id: number;
  firstSeq: number;
  size: number;
}

/** The audit log as stored: segments numbered 1, 2, … and only ever inserted. */
export interface AuditStore {
  /** The newest segment (by key; see the repository for how the numbering makes that exact). */
  lastSegment(): Promise<AuditSegment | undefined>;
  /** Segment number `id`, by primary key. */
  segment(id: number): Promise<AuditSegment | undefined>;
  /** Segments by number, in the order asked (missing ones left out). */
  segments(ids: readonly number[]): Promise<AuditSegment[]>;
  /** Segment `id`'s bounds, by primary key, without its entries. */
  bounds(id: number): Promise<SegmentBounds | undefined>;
  /** Inserts; resolves false when another writer took this number first. */
  tryInsert(segment: AuditSegment): Promise<boolean>;
  /** A page of the trail, filtered. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** Every segment in order, for the verifier. */
  allSegments(batchSize?: number): AsyncGenerator<AuditSegment>;
  /** Every entry in seq order, for the annual review and backups. */
  all(batchSize?: number): AsyncGenerator<AuditEntry>;
}

/** Hashes of perfect subtrees, kept once computed (they can always be recomputed from the entries). */
export interface AuditNodeStore {
  /** Known hashes among `keys` (base64url by key). */
  get(keys: readonly string[]): Promise<Map<string, string>>;
  put(nodes: ReadonlyArray<{ key: string; hash: string }>): Promise<void>;
}

/** A national admin's co-signature of a head. */
export interface WitnessSignature {
  state: string;
  userId: string;
  head: TreeHead;
  signature: string;
  signedAt: Date;
}

export interface WitnessStore {
  /** False when this admin co-signed this head size already. */
  add(witness: WitnessSignature): Promise<boolean>;
  /** This admin's co-signature of the largest head. */
  latestBy(userId: string): Promise<WitnessSignature | undefined>;
  /** This admin's co-signature of the head of `size`. */
  find(userId: string, size: number): Promise<WitnessSignature | undefined>;
  /** Each state's co-signature of its largest head. */
  latestPerState(): Promise<WitnessSignature[]>;
  all(): AsyncGenerator<WitnessSignature>;
}

/** The hash-chained trail of earlier versions (`audit_entries`), read once to move it into the log. */
export interface LegacyAuditSource {
  count(): Promise<number>;
  /** Every entry in seq order, with the chain's hashes. */
  all(): AsyncGenerator<AuditEntry & { prevHash: string; hash: string }>;
}
