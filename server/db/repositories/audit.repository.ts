import type { Collection } from 'mongoose';
import type { AuditEntry } from '../../modules/audit/audit-chain.js';
import type { AuditEntryModel } from '../models/audit-entry.model.js';

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

/** Entries looked for past the count in one key lookup when finding the head. */
const HEAD_PROBE = 64;
const HEAD_PROBE_ROUNDS = 8;

/** Plain objects in and out; the audit collection is only ever inserted into. */
export class AuditRepository {
  constructor(private readonly model: AuditEntryModel) {}

  /** The collection, typed with its numeric `_id`, for the driver's own insert. */
  private get records(): Collection<AuditEntry & { _id: number }> {
    return this.model.db.collection<AuditEntry & { _id: number }>(this.model.collection.collectionName);
  }

  /**
   * The last entry. Entries are numbered 1, 2, … by the append that stores them, so with n entries
   * the last is number n, or a little further when appends land meanwhile: read by primary key
   * (FerretDB answers a sort or a range by reading the whole collection, ≈ 1.4 s per 30,000
   * entries; a key lookup takes milliseconds). Anything that does not fit that numbering — a
   * missing entry, which only tampering makes — is answered by the sorted read.
   */
  async head(): Promise<AuditEntry | undefined> {
    const count = await this.count();
    let last = count === 0 ? undefined : await this.get(count);
    if (count > 0 && !last) return this.sortedHead();
    for (let from = count + 1; ; from += HEAD_PROBE) {
      // A count far behind (it should not be) costs the scan, not many lookups.
      if (from > count + HEAD_PROBE * HEAD_PROBE_ROUNDS) return this.sortedHead();
      const ids = Array.from({ length: HEAD_PROBE }, (_, i) => from + i);
      const found = (await this.records.find({ _id: { $in: ids } }).toArray()).sort((a, b) => a._id - b._id);
      if (found.some((doc, i) => doc._id !== from + i)) return this.sortedHead(); // a gap among them
      const tail = found.at(-1);
      if (tail) last = toEntry(tail);
      if (found.length < HEAD_PROBE) return last;
    }
  }

  /** The last entry by a sorted read: exact whatever the numbering, but a scan on FerretDB. */
  async sortedHead(): Promise<AuditEntry | undefined> {
    const doc = await this.model.findOne().sort({ seq: -1 }).lean();
    return doc ? toEntry(doc) : undefined;
  }

  /**
   * How many entries there are. `collStats` reads the count FerretDB keeps for the table (the
   * driver's estimate scans there); MongoDB answers either from metadata.
   */
  private async count(): Promise<number> {
    const name = this.model.collection.collectionName;
    const stats = await this.model.db.db?.command({ collStats: name }).catch(() => undefined);
    const count: unknown = stats?.count;
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : this.model.estimatedDocumentCount();
  }

  /** Entry number `seq`, by primary key. */
  async get(seq: number): Promise<AuditEntry | undefined> {
    const doc = await this.records.findOne({ _id: seq });
    return doc ? toEntry(doc) : undefined;
  }

  /** Inserts; resolves false when another writer took this seq first (duplicate key). */
  async tryInsert(entry: AuditEntry): Promise<boolean> {
    try {
      await this.model.create({ _id: entry.seq, ...entry });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Inserts consecutive entries in one round trip (group commit). Ordered: a duplicate seq stops
   * the batch there. Never trusts the driver's partial-failure report; the caller re-reads by seq.
   */
  async tryInsertBatch(entries: readonly AuditEntry[]): Promise<boolean> {
    try {
      // Straight to the driver: these are plain, already-typed records, and building a mongoose
      // document per entry cost more than the insert (two entries per message sent).
      // Undefined fields are left out, as the chain's hash (canonical JSON) leaves them out.
      await this.records.insertMany(entries.map((entry) => ({ _id: entry.seq, ...entry })), { ordered: true, ignoreUndefined: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error) || (typeof error === 'object' && error !== null && 'writeErrors' in error)) return false;
      throw error;
    }
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const filter: Record<string, unknown> = {};
    if (query.state) filter.state = query.state;
    if (query.type) filter.type = query.type;
    if (query.person) filter.$or = [{ actorId: query.person }, { subjectId: query.person }];
    const seq: Record<string, number> = {};
    if (query.afterSeq !== undefined) seq.$gt = query.afterSeq;
    if (query.beforeSeq !== undefined) seq.$lt = query.beforeSeq;
    if (Object.keys(seq).length > 0) filter.seq = seq;
    const docs = await this.model.find(filter).sort({ seq: query.order === 'desc' ? -1 : 1 }).limit(query.limit).lean();
    return docs.map(toEntry);
  }

  /**
   * Every entry in seq order, for the verifier and the annual review. One cursor: paging by
   * `seq > last` re-reads the whole collection per page on FerretDB (no index for ranges or
   * sorts there), which made 40,000 entries take 100 s; one sorted cursor takes 5.
   */
  async *all(batchSize = 1000): AsyncGenerator<AuditEntry> {
    for await (const doc of this.records.find({}, { batchSize }).sort({ _id: 1 })) yield toEntry(doc);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

function toEntry(doc: { seq: number; at: Date; type: string; actorId?: string | null; state?: string | null; subjectId?: string | null; data?: unknown; prevHash: string; hash: string }): AuditEntry {
  return {
    seq: doc.seq,
    at: doc.at,
    type: doc.type,
    actorId: doc.actorId ?? null,
    state: doc.state ?? null,
    subjectId: doc.subjectId ?? null,
    data: (doc.data ?? {}) as Record<string, unknown>,
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}
