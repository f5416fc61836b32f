import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { SettingStore } from '../../modules/directory/ports.js';
import type {
  ChangeBatch,
  ChangeLog,
  ClearedStore,
  EntryStatisticsSource,
  EntryStore,
  ScreeningRecord,
  ScreeningStore,
  SyncRow,
  TravelDocumentEntry,
} from '../../modules/travel-documents/ports.js';
import { isDuplicateKey, writeErrorsOf } from '../database-errors.js';
import type { ChangeModel, ClearedModel, EntryModel, ScreeningModel } from '../models/travel-documents.model.js';

/** Entries read per round trip of the sync stream. */
const STREAM_BATCH = 10_000;

type EntryDoc = Omit<TravelDocumentEntry, 'id'> & { _id: string; tagHex: string };

const toEntry = (doc: EntryDoc): TravelDocumentEntry => ({
  id: doc._id,
  state: doc.state,
  version: doc.version,
  status: doc.status,
  networkEpoch: doc.networkEpoch,
  tag: doc.tag,
  details: doc.details,
  own: { stateEpoch: doc.own.stateEpoch, ciphertext: doc.own.ciphertext },
  listedBy: doc.listedBy,
  listedAt: doc.listedAt,
  updatedAt: doc.updatedAt,
  withdrawnAt: doc.withdrawnAt ?? null,
  withdrawReason: doc.withdrawReason ?? null,
});

const hexOf = (tag: string): string => Buffer.from(fromBase64Url(tag)).toString('hex');

export class TravelDocumentEntriesRepository implements EntryStore, EntryStatisticsSource {
  constructor(private readonly model: EntryModel) {}

  async insertMany(entries: readonly TravelDocumentEntry[]): Promise<Set<string>> {
    const docs = entries.map(({ id, ...rest }) => ({ _id: id, ...rest, tagHex: hexOf(rest.tag) }));
    const stored = new Set(entries.map((entry) => entry.id));
    try {
      await this.model.insertMany(docs, { ordered: false });
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed || [...failed.values()].some((code) => code !== 11000)) throw error;
      for (const index of failed.keys()) {
        const id = entries[index]?.id;
        if (id) stored.delete(id);
      }
    }
    return stored;
  }

  async find(id: string): Promise<TravelDocumentEntry | undefined> {
    const doc = await this.model.findById(id).lean<EntryDoc>();
    return doc ? toEntry(doc) : undefined;
  }

  async findMany(ids: readonly string[]): Promise<TravelDocumentEntry[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }).lean<EntryDoc[]>();
    return docs.map(toEntry);
  }

  async listedWithTags(state: string, tags: readonly string[]): Promise<Map<string, string>> {
    if (tags.length === 0) return new Map();
    const docs = await this.model
      .find({ state, tag: { $in: [...tags] }, status: 'listed' })
      .select({ _id: 1, tag: 1 })
      .lean<Array<{ _id: string; tag: string }>>();
    return new Map(docs.map((doc) => [doc.tag, doc._id]));
  }

  async replace(
    id: string,
    expected: number,
    fields: Partial<Pick<TravelDocumentEntry, 'networkEpoch' | 'tag' | 'details' | 'own'>> & { updatedAt: Date },
    options: { nextVersion: boolean },
  ): Promise<boolean> {
    const set: Record<string, unknown> = { ...fields };
    if (fields.tag !== undefined) set.tagHex = hexOf(fields.tag);
    if (options.nextVersion) set.version = expected + 1;
    const result = await this.model.updateOne({ _id: id, version: expected, status: 'listed' }, { $set: set });
    return result.modifiedCount === 1;
  }

  async withdraw(
    id: string,
    expected: number,
    reason: TravelDocumentEntry['withdrawReason'],
    at: Date,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, version: expected, status: 'listed' },
      { $set: { status: 'withdrawn', withdrawnAt: at, withdrawReason: reason, updatedAt: at } },
    );
    return result.modifiedCount === 1;
  }

  async ownEntries(query: {
    state: string;
    status: 'listed' | 'withdrawn' | 'all';
    epochBelow?: number;
    after?: string;
    limit: number;
  }): Promise<TravelDocumentEntry[]> {
    const docs = await this.model
      .find({
        state: query.state,
        ...(query.status === 'all' ? {} : { status: query.status }),
        ...(query.epochBelow === undefined ? {} : { networkEpoch: { $lt: query.epochBelow } }),
        ...(query.after === undefined ? {} : { _id: { $gt: query.after } }),
      })
      .sort({ _id: 1 })
      .limit(query.limit)
      .lean<EntryDoc[]>();
    return docs.map(toEntry);
  }

  async listedCounts(): Promise<Map<string, number>> {
    const rows = await this.model.aggregate<{ _id: string; n: number }>([
      { $match: { status: 'listed' } },
      { $group: { _id: '$state', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((row) => [row._id, row.n]));
  }

  /**
   * One pass over the listed entries (one cursor: on FerretDB every query but one by `_id` scans
   * the collection), reading only the id, state, epoch and the tag's hex.
   */
  async *streamListed(): AsyncIterable<SyncRow[]> {
    const cursor = this.model
      .find({ status: 'listed' })
      .select({ _id: 1, state: 1, networkEpoch: 1, tagHex: 1 })
      .lean<Array<{ _id: string; state: string; networkEpoch: number; tagHex: string }>>()
      .cursor({ batchSize: STREAM_BATCH });
    let rows: SyncRow[] = [];
    for await (const doc of cursor) {
      rows.push({
        id: doc._id,
        state: doc.state,
        networkEpoch: doc.networkEpoch,
        tagPrefix: Buffer.from(doc.tagHex.slice(0, 16), 'hex'),
      });
      if (rows.length === STREAM_BATCH) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
  }

  async statistics(from: Date, to: Date): Promise<Map<string, { listed: number; withdrawn: number; current: number }>> {
    const count = (match: Record<string, unknown>) =>
      this.model.aggregate<{ _id: string; n: number }>([
        { $match: match },
        { $group: { _id: '$state', n: { $sum: 1 } } },
      ]);
    const [listed, withdrawn, current] = await Promise.all([
      count({ listedAt: { $gte: from, $lt: to } }),
      count({ withdrawnAt: { $gte: from, $lt: to } }),
      count({ status: 'listed' }),
    ]);
    const out = new Map<string, { listed: number; withdrawn: number; current: number }>();
    const row = (state: string) => {
      const known = out.get(state) ?? { listed: 0, withdrawn: 0, current: 0 };
      out.set(state, known);
      return known;
    };
    for (const r of listed) row(r._id).listed = r.n;
    for (const r of withdrawn) row(r._id).withdrawn = r.n;
    for (const r of current) row(r._id).current = r.n;
    return out;
  }
}

/** The setting that remembers how far the change log was compacted. */
const COMPACTED_SETTING = 'travelDocuments.changesCompactedThrough';

type RowDoc = { i: string; s: string; e: number; p: string };
const toRowDoc = (row: SyncRow): RowDoc => ({
  i: row.id,
  s: row.state,
  e: row.networkEpoch,
  p: row.tagPrefix.toString('hex'),
});
const fromRowDoc = (doc: RowDoc): SyncRow => ({
  id: doc.i,
  state: doc.s,
  networkEpoch: doc.e,
  tagPrefix: Buffer.from(doc.p, 'hex'),
});

/** Sequence numbers read per round trip when walking the change log by `_id`. */
const PROBE = 200;

type ChangeDoc = { _id: number; at: Date; added: RowDoc[]; removed: RowDoc[] };

/**
 * The change log. A batch's sequence number is the head's plus one, taken by a unique insert, so
 * numbers are gapless and a reader who saw n saw every number below it. Because they are gapless
 * the log is walked by `_id` lookups from a known number upward (on FerretDB a sorted or range
 * query scans every batch, a lookup by `_id` does not).
 */
export class TravelDocumentChangeLog implements ChangeLog {
  /** A sequence number known to have been taken (or compacted): the head is at or above it. */
  private floor = 0;
  private floorKnown = false;

  constructor(
    private readonly model: ChangeModel,
    private readonly settings: SettingStore,
  ) {}

  /** The batches from `from` upward as long as they follow each other (a missing number ends them). */
  private async walk(from: number, select?: Record<string, 1>): Promise<ChangeDoc[]> {
    const found: ChangeDoc[] = [];
    for (let start = from; ; start += PROBE) {
      const ids = Array.from({ length: PROBE }, (_, k) => start + k);
      const query = this.model.find({ _id: { $in: ids } });
      const docs = await (select ? query.select(select) : query).lean<ChangeDoc[]>();
      docs.sort((a, b) => a._id - b._id);
      let next = start;
      for (const doc of docs) {
        if (doc._id !== next) return found;
        found.push(doc);
        next += 1;
      }
      if (docs.length < PROBE) return found;
    }
  }

  async head(): Promise<number> {
    let floor = Math.max(this.floor, await this.compactedThrough());
    if (!this.floorKnown) {
      // Once per process: the highest number by a sorted read; from then on, lookups upward.
      const top = await this.model.findOne({}).sort({ _id: -1 }).select({ _id: 1 }).lean();
      floor = Math.max(floor, top?._id ?? 0);
      this.floorKnown = true;
    }
    const above = await this.walk(floor + 1, { _id: 1 });
    this.floor = floor + above.length;
    return this.floor;
  }

  async append(batch: Omit<ChangeBatch, 'seq'>): Promise<number> {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const seq = (await this.head()) + 1;
      try {
        await this.model.create({
          _id: seq,
          at: batch.at,
          added: batch.added.map(toRowDoc),
          removed: batch.removed.map(toRowDoc),
        });
        this.floor = Math.max(this.floor, seq);
        return seq;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error('travel documents change log: no free sequence number after 1000 attempts');
  }

  async since(since: number): Promise<ChangeBatch[]> {
    const docs = await this.walk(since + 1);
    if (docs.length > 0) this.floor = Math.max(this.floor, docs[docs.length - 1]?._id ?? 0);
    return docs.map((doc) => ({
      seq: doc._id,
      at: doc.at,
      added: doc.added.map(fromRowDoc),
      removed: doc.removed.map(fromRowDoc),
    }));
  }

  compactedThrough(): Promise<number> {
    return this.settings.get(COMPACTED_SETTING, 0);
  }

  async compact(before: Date): Promise<void> {
    const last = await this.model
      .findOne({ at: { $lt: before } })
      .sort({ _id: -1 })
      .select({ _id: 1 })
      .lean();
    if (!last) return;
    // The marker first: a cursor in the gap being deleted then gets a full stream, never a partial increment.
    if (last._id > (await this.compactedThrough())) await this.settings.set(COMPACTED_SETTING, last._id, before);
    await this.model.deleteMany({ _id: { $lte: last._id } });
  }
}

export class ScreeningsRepository implements ScreeningStore {
  constructor(private readonly model: ScreeningModel) {}

  async insert(record: ScreeningRecord): Promise<boolean> {
    const { id, ...rest } = record;
    try {
      await this.model.create({ _id: id, ...rest });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async of(prefix: string, state?: string) {
    const docs = await this.model
      .find({ month: { $gte: prefix, $lt: `${prefix}\uffff` }, ...(state === undefined ? {} : { state }) })
      .select({ _id: 0, state: 1, month: 1, screened: 1, hits: 1 })
      .lean<Array<Pick<ScreeningRecord, 'state' | 'month' | 'screened' | 'hits'>>>();
    return docs.map((doc) => ({ state: doc.state, month: doc.month, screened: doc.screened, hits: doc.hits }));
  }
}

export class ClearedRepository implements ClearedStore {
  constructor(private readonly model: ClearedModel) {}

  async add(state: string, marker: { stateEpoch: number; marker: string }, at: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: `${state}|${marker.marker}`, state, ...marker, at });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async of(state: string): Promise<Array<{ stateEpoch: number; marker: string }>> {
    const docs = await this.model.find({ state }).sort({ at: 1 }).select({ stateEpoch: 1, marker: 1 }).lean();
    return docs.map((doc) => ({ stateEpoch: doc.stateEpoch, marker: doc.marker }));
  }
}
