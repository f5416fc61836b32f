import { TRAVEL_DOCUMENT_LIMITS } from '../schemas/travel-documents.js';
import {
  decodeSyncHeader,
  SYNC_RECORD_BYTES,
  SyncFormatError,
  type SyncBatch,
  type SyncHeader,
  type SyncRecord,
} from './sync-format.js';

const EMPTY = 0;
const REMOVED = 0xffff;

/**
 * One network epoch's tag prefixes: an open-addressing table (linear probing) keyed on the first
 * 8 bytes of the tag as two 32-bit words. Tags are HMAC outputs, so their low word is already a
 * uniform hash. A slot also holds the listing state (index + 1; 0 empty, 0xffff removed): the
 * same document listed by two states is two slots.
 */
class PrefixTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private owner: Uint16Array;
  private used = 0;
  size = 0;

  constructor(expected = 0) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.owner = new Uint16Array(capacity);
  }

  add(hi: number, lo: number, state: number): void {
    if ((this.used + 1) * 2 > this.owner.length) this.resize(Math.max(1024, this.size * 4));
    const mask = this.owner.length - 1;
    let slot = lo & mask;
    while (this.owner[slot] !== EMPTY && this.owner[slot] !== REMOVED) slot = (slot + 1) & mask;
    if (this.owner[slot] === EMPTY) this.used++;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.owner[slot] = state + 1;
    this.size++;
  }

  /** Removes one slot of this prefix and state; answers whether there was one. */
  remove(hi: number, lo: number, state: number): boolean {
    const mask = this.owner.length - 1;
    for (let slot = lo & mask; this.owner[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (this.owner[slot] === state + 1 && this.lo[slot] === lo && this.hi[slot] === hi) {
        this.owner[slot] = REMOVED;
        this.size--;
        return true;
      }
    }
    return false;
  }

  /** The states (indexes) that list this prefix; empty for a miss. */
  find(hi: number, lo: number, into: number[]): void {
    const mask = this.owner.length - 1;
    for (let slot = lo & mask; this.owner[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const owner = this.owner[slot] ?? EMPTY;
      if (owner !== REMOVED && this.lo[slot] === lo && this.hi[slot] === hi) into.push(owner - 1);
    }
  }

  /** Keeps the slots whose state passes. */
  retain(keep: (state: number) => boolean): void {
    const { hi, lo, owner } = this;
    this.resize(this.owner.length, keep, { hi, lo, owner });
  }

  private resize(
    capacity: number,
    keep: (state: number) => boolean = () => true,
    from = { hi: this.hi, lo: this.lo, owner: this.owner },
  ): void {
    let size = 1024;
    while (size < capacity) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.owner = new Uint16Array(size);
    this.used = 0;
    this.size = 0;
    for (let slot = 0; slot < from.owner.length; slot++) {
      const owner = from.owner[slot] ?? EMPTY;
      if (owner !== EMPTY && owner !== REMOVED && keep(owner - 1))
        this.add(from.hi[slot] ?? 0, from.lo[slot] ?? 0, owner - 1);
    }
  }
}

const wordsOf = (prefix: Uint8Array): [number, number] => {
  const view = new DataView(prefix.buffer, prefix.byteOffset, TRAVEL_DOCUMENT_LIMITS.syncTagBytes);
  return [view.getUint32(0), view.getUint32(4)];
};

/**
 * What a screening client holds of every listing it may screen against: per network epoch, the
 * first 8 bytes of each entry's tag and its listing state, built from the sync stream. A match
 * here is only a candidate: the full tag is checked against the entry's bucket.
 */
export class ListingMatcher {
  private readonly tables = new Map<number, PrefixTable>();
  private readonly stateIndex = new Map<string, number>();
  private readonly stateNames: string[] = [];
  private allowed = new Set<string>();
  /** The cursor of the last batch applied; undefined before the first sync. */
  cursor: number | undefined;

  /**
   * Applies a batch of the sync stream: a full one replaces everything; an increment removes,
   * then adds (an entry updated or re-listed comes as both). States no longer allowed are dropped.
   */
  apply(batch: SyncBatch): void {
    if (batch.header.full) this.tables.clear();
    for (const record of batch.removed) {
      const [hi, lo] = wordsOf(record.tagPrefix);
      this.tables.get(record.networkEpoch)?.remove(hi, lo, this.indexOf(record.state));
    }
    for (const record of batch.added) this.add(record);
    this.finish(batch.header);
  }

  /**
   * The same as `apply(decodeSync(bytes))`, read straight from the bytes: a million records
   * become no objects, and a full stream's tables are sized once.
   */
  applyStream(bytes: Uint8Array): SyncHeader {
    const { header, recordsAt } = decodeSyncHeader(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const states = header.states.map((state) => this.indexOf(state));
    const record = (i: number) => {
      const at = recordsAt + i * SYNC_RECORD_BYTES;
      const state = states[view.getUint16(at)];
      if (state === undefined) throw new SyncFormatError('a record names no state of the header');
      return { state, epoch: view.getUint16(at + 2), hi: view.getUint32(at + 4), lo: view.getUint32(at + 8) };
    };
    if (header.full) {
      this.tables.clear();
      const perEpoch = new Map<number, number>();
      for (let i = 0; i < header.added; i++) {
        const epoch = view.getUint16(recordsAt + i * SYNC_RECORD_BYTES + 2);
        perEpoch.set(epoch, (perEpoch.get(epoch) ?? 0) + 1);
      }
      for (const [epoch, count] of perEpoch) this.tables.set(epoch, new PrefixTable(count));
    }
    for (let i = header.added; i < header.added + header.removed; i++) {
      const { state, epoch, hi, lo } = record(i);
      this.tables.get(epoch)?.remove(hi, lo, state);
    }
    for (let i = 0; i < header.added; i++) {
      const { state, epoch, hi, lo } = record(i);
      let table = this.tables.get(epoch);
      if (!table) this.tables.set(epoch, (table = new PrefixTable()));
      table.add(hi, lo, state);
    }
    this.finish(header);
    return header;
  }

  private finish(header: SyncHeader): void {
    this.allowed = new Set(header.allowedStates);
    const dropped = new Set(this.stateNames.flatMap((name, index) => (this.allowed.has(name) ? [] : [index])));
    if (dropped.size > 0) for (const table of this.tables.values()) table.retain((state) => !dropped.has(state));
    this.cursor = header.cursor;
  }

  private add(record: SyncRecord): void {
    let table = this.tables.get(record.networkEpoch);
    if (!table) this.tables.set(record.networkEpoch, (table = new PrefixTable()));
    const [hi, lo] = wordsOf(record.tagPrefix);
    table.add(hi, lo, this.indexOf(record.state));
  }

  private indexOf(state: string): number {
    let index = this.stateIndex.get(state);
    if (index === undefined) {
      index = this.stateNames.push(state) - 1;
      this.stateIndex.set(state, index);
    }
    return index;
  }

  /** Listing states with an entry whose tag starts with these 8 bytes under this epoch (empty: a miss). */
  candidates(networkEpoch: number, tag: Uint8Array): string[] {
    const table = this.tables.get(networkEpoch);
    if (!table) return [];
    const [hi, lo] = wordsOf(tag);
    const found: number[] = [];
    table.find(hi, lo, found);
    return found.map((index) => this.stateNames[index] ?? '');
  }

  /** The network epochs entries are held under. */
  get epochs(): number[] {
    return [...this.tables.entries()].filter(([, table]) => table.size > 0).map(([epoch]) => epoch);
  }

  get size(): number {
    let size = 0;
    for (const table of this.tables.values()) size += table.size;
    return size;
  }

  /** States the last sync allowed (whose entries are held). */
  get states(): string[] {
    return [...this.allowed].sort();
  }
}

/**
 * Hex characters of the bucket prefix to ask for, so that a bucket of `entries` holds 16 or more
 * on average (a crowd the server cannot tell the match from), within the API's 2–6.
 */
export function bucketPrefixChars(entries: number): number {
  const { bucketPrefixMin, bucketPrefixMax } = TRAVEL_DOCUMENT_LIMITS;
  let chars = bucketPrefixMin;
  while (chars < bucketPrefixMax && entries / 16 ** (chars + 1) >= 16) chars++;
  return chars;
}
