import { isDuplicateKey, writeErrorsOf } from '../database-errors.js';
import type { Collection } from 'mongoose';
import type { AuditEntry } from '../../modules/audit/audit-chain.js';
import type { AuditQuery, AuditStore } from '../../modules/audit/ports.js';
import type { AuditEntryModel } from '../models/audit-entry.model.js';

/** Entries looked for past the count in one key lookup when finding the head. */
const HEAD_PROBE = 64;
const HEAD_PROBE_ROUNDS = 8;

/** How the newest-first pages are read by key: ids per lookup, and lookups before the sorted query takes over. */
export interface KeyedPaging {
  window: number;
  windows: number;
}

const KEYED_PAGING: KeyedPaging = { window: 1000, windows: 8 };

/** Plain objects in and out; the audit collection is only ever inserted into. */
export class AuditRepository implements AuditStore {
  constructor(
    private readonly model: AuditEntryModel,
    private readonly paging: KeyedPaging = KEYED_PAGING,
  ) {}

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
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0
      ? count
      : this.model.estimatedDocumentCount();
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
      await this.records.insertMany(
        entries.map((entry) => ({ _id: entry.seq, ...entry })),
        { ordered: true, ignoreUndefined: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error) || writeErrorsOf(error)) return false;
      throw error;
    }
  }

  /**
   * A page of the trail. Newest first (the audit page) is read by key: windows of sequence numbers
   * downwards from the head or `beforeSeq`, each one `$in` lookup, which FerretDB answers from the
   * rows named (its sorted read scans the whole collection: ≈ 3 s at 30,000 entries). The lookup
   * carries no other condition, since FerretDB pushes `_id` down only when it stands alone; the
   * filter is applied here. A filter that matches rarely falls back to the sorted query after a
   * few windows.
   */
  async list(query: AuditQuery): Promise<AuditEntry[]> {
    if (query.order !== 'desc' || query.afterSeq !== undefined) return this.sortedList(query);
    const found: AuditEntry[] = [];
    let top = query.beforeSeq !== undefined ? query.beforeSeq - 1 : ((await this.head())?.seq ?? 0);
    for (let round = 0; round < this.paging.windows && top >= 1 && found.length < query.limit; round++) {
      const bottom = Math.max(1, top - this.paging.window + 1);
      const ids = Array.from({ length: top - bottom + 1 }, (_, i) => bottom + i);
      const docs = await this.records.find({ _id: { $in: ids } }).toArray();
      const matching = docs
        .map(toEntry)
        .filter((entry) => matchesQuery(entry, query))
        .sort((a, b) => b.seq - a.seq);
      found.push(...matching.slice(0, query.limit - found.length));
      top = bottom - 1;
    }
    if (found.length < query.limit && top >= 1)
      found.push(...(await this.sortedList({ ...query, beforeSeq: top + 1, limit: query.limit - found.length })));
    return found;
  }

  /** A page by the sorted query: MongoDB answers from its indexes, FerretDB by a scan. */
  async sortedList(query: AuditQuery): Promise<AuditEntry[]> {
    const filter = filterOf(query);
    const seq: Record<string, number> = {};
    if (query.afterSeq !== undefined) seq.$gt = query.afterSeq;
    if (query.beforeSeq !== undefined) seq.$lt = query.beforeSeq;
    if (Object.keys(seq).length > 0) filter.seq = seq;
    const docs = await this.model
      .find(filter)
      .sort({ seq: query.order === 'desc' ? -1 : 1 })
      .limit(query.limit)
      .lean();
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

/** filterOf(query) as a test of one entry. */
function matchesQuery(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (!query.state || entry.state === query.state) &&
    (!query.type || entry.type === query.type) &&
    (!query.person || entry.actorId === query.person || entry.subjectId === query.person)
  );
}

/** The query's filters other than the sequence range. */
function filterOf(query: AuditQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.state) filter.state = query.state;
  if (query.type) filter.type = query.type;
  if (query.person) filter.$or = [{ actorId: query.person }, { subjectId: query.person }];
  return filter;
}

function toEntry(doc: {
  seq: number;
  at: Date;
  type: string;
  actorId?: string | null;
  state?: string | null;
  subjectId?: string | null;
  data?: unknown;
  prevHash: string;
  hash: string;
}): AuditEntry {
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
