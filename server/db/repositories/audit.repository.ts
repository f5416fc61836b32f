import type { Collection, mongo } from 'mongoose';
import { isDuplicateKey } from '../database-errors.js';
import type { AuditEntry } from '../../modules/audit/audit-entry.js';
import { inStateTrail } from '../../modules/audit/audit-entry.js';
import type { AuditSegment } from '../../modules/audit/audit-segment.js';
import type { AuditQuery, AuditStore, SegmentBounds } from '../../modules/audit/ports.js';
import type { AuditLogModel } from '../models/audit-log.model.js';

/** Segments looked for past the count in one key lookup when finding the newest. */
const HEAD_PROBE = 64;
const HEAD_PROBE_ROUNDS = 8;

/** How pages are read by key: segment numbers per lookup, and lookups before the filtered query takes over. */
export interface KeyedPaging {
  window: number;
  windows: number;
}

const KEYED_PAGING: KeyedPaging = { window: 50, windows: 8 };

type SegmentDoc = Omit<AuditSegment, 'id'> & { _id: number };

/** Plain objects in and out; the audit log is only ever inserted into. */
export class AuditRepository implements AuditStore {
  constructor(
    private readonly model: AuditLogModel,
    private readonly paging: KeyedPaging = KEYED_PAGING,
  ) {}

  /** The collection, typed with its numeric `_id`, for the driver's own reads and insert. */
  private get records(): Collection<SegmentDoc> {
    return this.model.db.collection<SegmentDoc>(this.model.collection.collectionName);
  }

  /**
   * The newest segment. Segments are numbered 1, 2, … by the append that stores them, so with n
   * segments the newest is number n, or a little further when appends land meanwhile: read by
   * primary key (FerretDB answers a sort or a range by reading the whole collection; a key lookup
   * takes milliseconds). A missing segment — which only tampering makes — falls back to the sort.
   */
  async lastSegment(): Promise<AuditSegment | undefined> {
    // Where this node last saw the end (segments are never removed): two key lookups when nothing
    // was appended since, instead of the count (≈ 65 ms on FerretDB) and a probe.
    const known = this.lastSeen;
    if (known !== undefined) {
      const [at, next] = await Promise.all([
        this.segment(known),
        this.records.findOne({ _id: known + 1 }, { projection: { _id: 1 } }),
      ]);
      if (at && !next) return at;
    }
    const found = await this.probeLast();
    this.lastSeen = found?.id;
    return found;
  }

  /** The number of the newest segment this node has seen. */
  private lastSeen: number | undefined;

  private async probeLast(): Promise<AuditSegment | undefined> {
    const count = await this.count();
    let last = count === 0 ? undefined : await this.segment(count);
    if (count > 0 && !last) return this.sortedLast();
    for (let from = count + 1; ; from += HEAD_PROBE) {
      if (from > count + HEAD_PROBE * HEAD_PROBE_ROUNDS) return this.sortedLast();
      // Usually nothing lies past the count: one lookup says so (an `$in` of many numbers costs more on FerretDB).
      if (!(await this.records.findOne({ _id: from }, { projection: { _id: 1 } }))) return last;
      const ids = Array.from({ length: HEAD_PROBE }, (_, i) => from + i);
      const found = (await this.records.find({ _id: { $in: ids } }).toArray()).sort((a, b) => a._id - b._id);
      if (found.some((doc, i) => doc._id !== from + i)) return this.sortedLast(); // a gap among them
      const tail = found.at(-1);
      if (tail) last = toSegment(tail);
      if (found.length < HEAD_PROBE) return last;
    }
  }

  /** The newest segment by a sorted read: exact whatever the numbering, but a scan on FerretDB. */
  async sortedLast(): Promise<AuditSegment | undefined> {
    const [doc] = await this.records.find({}).sort({ _id: -1 }).limit(1).toArray();
    return doc ? toSegment(doc) : undefined;
  }

  /** `collStats` reads the count FerretDB keeps for the table; MongoDB answers from metadata. */
  private async count(): Promise<number> {
    const name = this.model.collection.collectionName;
    const stats = await this.model.db.db?.command({ collStats: name }).catch(() => undefined);
    const count: unknown = stats?.count;
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0
      ? count
      : this.model.estimatedDocumentCount();
  }

  async segment(id: number): Promise<AuditSegment | undefined> {
    const doc = await this.records.findOne({ _id: id });
    return doc ? toSegment(doc) : undefined;
  }

  async segments(ids: readonly number[]): Promise<AuditSegment[]> {
    if (ids.length === 0) return [];
    const docs = await this.records.find({ _id: { $in: [...ids] } }).toArray();
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [toSegment(doc)] : [];
    });
  }

  async bounds(id: number): Promise<SegmentBounds | undefined> {
    const doc = await this.records.findOne({ _id: id }, { projection: { firstSeq: 1, size: 1 } });
    return doc ? { id: doc._id, firstSeq: doc.firstSeq, size: doc.size } : undefined;
  }

  /** Inserts; resolves false when another writer took this number first (duplicate key). */
  async tryInsert(segment: AuditSegment): Promise<boolean> {
    const { id, ...rest } = segment;
    try {
      // Straight to the driver: a plain, already-typed record (a mongoose document per entry cost more than the insert).
      await this.records.insertOne({ _id: id, ...rest }, { ignoreUndefined: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * A page of the trail. Read by key: growing windows of segment numbers from where the page starts
   * (the newest segment, or the one holding `beforeSeq`/`afterSeq`), each one `$in` lookup, which
   * FerretDB answers from the rows named; the filter is applied here. A filter that matches rarely
   * goes on with the filtered query after a few windows (MongoDB answers it from its indexes).
   */
  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const desc = query.order === 'desc';
    const found: AuditEntry[] = [];
    const last = await this.lastId();
    if (last === 0) return found;
    let next = desc
      ? query.beforeSeq !== undefined
        ? await this.idHolding(query.beforeSeq - 1, last)
        : last
      : query.afterSeq !== undefined
        ? await this.idHolding(query.afterSeq + 1, last)
        : 1;
    const take = (segment: AuditSegment): void => {
      const entries = segment.entries.filter((entry) => matchesQuery(entry, query));
      if (desc) entries.reverse();
      found.push(...entries.slice(0, query.limit - found.length));
    };
    // One segment first, then twice as many per lookup: a segment holds one entry or hundreds.
    let width = 1;
    for (let full = 0; full < this.paging.windows && next >= 1 && next <= last && found.length < query.limit;) {
      const size = Math.min(width, this.paging.window);
      const ids = Array.from({ length: size }, (_, i) => (desc ? next - i : next + i)).filter(
        (id) => id >= 1 && id <= last,
      );
      for (const segment of await this.segments(ids)) take(segment);
      next = desc ? next - size : next + size;
      if (size === this.paging.window) full += 1;
      width *= 2;
    }
    if (found.length < query.limit && next >= 1 && next <= last) {
      const cursor = this.records
        .find({ $and: [{ _id: desc ? { $lte: next } : { $gte: next } }, segmentFilter(query)] })
        .sort({ _id: desc ? -1 : 1 });
      for await (const doc of cursor) {
        take(toSegment(doc));
        if (found.length >= query.limit) break;
      }
      await cursor.close();
    }
    return found;
  }

  private async lastId(): Promise<number> {
    return (await this.lastSegment())?.id ?? 0;
  }

  /**
   * The segment holding entry `seq` (binary search over the dense numbers by key); a seq before
   * the first entry answers 0, past the last `last` + 1.
   */
  private async idHolding(seq: number, last: number): Promise<number> {
    let low = 1;
    let high = last;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      const bounds = await this.bounds(mid);
      if (!bounds) return (await this.sortedIdHolding(seq)) ?? 0;
      if (seq < bounds.firstSeq) high = mid - 1;
      else if (seq > bounds.size) low = mid + 1;
      else return mid;
    }
    return seq < 1 ? 0 : last + 1;
  }

  /** After tampering (a missing segment) the numbers are no guide: the sorted read. */
  private async sortedIdHolding(seq: number): Promise<number | undefined> {
    const [doc] = await this.records
      .find({ firstSeq: { $lte: seq } }, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    return doc?._id;
  }

  /**
   * Every segment in order, for the verifier. One cursor: paging by `_id > last` re-reads the
   * whole collection per page on FerretDB (no index for ranges or sorts there).
   */
  async *allSegments(batchSize = 100): AsyncGenerator<AuditSegment> {
    for await (const doc of this.records.find({}, { batchSize }).sort({ _id: 1 })) yield toSegment(doc);
  }

  /**
   * The entries a request appended (by its X-Request-Id or socket event id), with the segment that
   * holds them: an operator's way from a log line to the audit log. Entries of logs written before
   * request ids were kept have none.
   */
  async entriesOfRequest(requestId: string): Promise<Array<{ segment: number; entry: AuditEntry }>> {
    const found: Array<{ segment: number; entry: AuditEntry }> = [];
    for await (const doc of this.records.find({ 'requests.requestId': requestId }).sort({ _id: 1 })) {
      const seqs = new Set((doc.requests ?? []).filter((ref) => ref.requestId === requestId).map((ref) => ref.seq));
      for (const entry of doc.entries) if (seqs.has(entry.seq)) found.push({ segment: doc._id, entry: toEntry(entry) });
    }
    return found;
  }

  /** Every entry in seq order, for the annual review and backups. */
  async *all(batchSize = 100): AsyncGenerator<AuditEntry> {
    for await (const segment of this.allSegments(batchSize)) yield* segment.entries;
  }
}

/** The query's filters, as a test of one entry. */
function matchesQuery(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (!query.state || inStateTrail(entry, query.state)) &&
    (!query.type || entry.type === query.type) &&
    (!query.person || entry.actorId === query.person || entry.subjectId === query.person) &&
    (query.afterSeq === undefined || entry.seq > query.afterSeq) &&
    (query.beforeSeq === undefined || entry.seq < query.beforeSeq)
  );
}

/** Segments holding at least one entry of each filter (the entries are then filtered one by one). */
function segmentFilter(query: AuditQuery): mongo.Filter<SegmentDoc> {
  const and: mongo.Filter<SegmentDoc>[] = [];
  if (query.state) and.push({ $or: [{ 'entries.state': query.state }, { 'entries.alsoStates': query.state }] });
  if (query.type) and.push({ 'entries.type': query.type });
  if (query.person) and.push({ $or: [{ 'entries.actorId': query.person }, { 'entries.subjectId': query.person }] });
  return and.length === 0 ? {} : { $and: and };
}

function toSegment(doc: SegmentDoc): AuditSegment {
  return {
    id: doc._id,
    firstSeq: doc.firstSeq,
    size: doc.size,
    entries: doc.entries.map(toEntry),
    frontier: doc.frontier,
    root: doc.root,
    at: doc.at,
    signature: doc.signature,
    ...(doc.requests && doc.requests.length > 0 ? { requests: doc.requests } : {}),
  };
}

function toEntry(doc: AuditEntry): AuditEntry {
  return {
    seq: doc.seq,
    at: doc.at,
    type: doc.type,
    actorId: doc.actorId ?? null,
    state: doc.state ?? null,
    ...(doc.alsoStates && doc.alsoStates.length > 0 ? { alsoStates: doc.alsoStates } : {}),
    subjectId: doc.subjectId ?? null,
    data: doc.data ?? {},
  };
}
