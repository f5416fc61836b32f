import { SYNC_RECORD_BYTES, type SyncHeader } from '../../../shared/travel-documents/sync-format.js';
import type { ChangeBatch, ChangeLog, EntryStore } from './ports.js';

/** Per entry id: its network epoch and tag prefix, as "epoch:hex" (one short string per entry keeps a million small). */
type StateSet = Map<string, string>;

/**
 * This node's copy of what the sync serves: every listed entry's state, epoch and tag prefix, by
 * entry id. Built by one scan of the listings, then kept up to date by replaying the change log
 * (on FerretDB a query on anything but `_id` scans the whole collection, so a full stream or a
 * bucket read straight from the listings would cost a scan each). Keyed by id, the replay is
 * exact even over changes the scan already saw: adding an id sets it, removing one deletes it.
 */
export class ListedSet {
  private readonly byState = new Map<string, StateSet>();
  /** The change-log sequence number this copy reflects; -1 before the first scan. */
  private through = -1;
  /** Encoded records per state (`[u16 index placeholder][u16 epoch][8 bytes]`), until that state changes. */
  private readonly encoded = new Map<string, Buffer>();
  private refreshing: Promise<number> | undefined;

  constructor(private readonly deps: { entries: Pick<EntryStore, 'streamListed'>; changes: ChangeLog }) {}

  /** Brings the copy up to the change log's head (one refresh at a time); answers the sequence number it reflects. */
  current(): Promise<number> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<number> {
    const compacted = await this.deps.changes.compactedThrough();
    if (this.through < 0 || this.through < compacted) {
      const head = await this.deps.changes.head();
      this.byState.clear();
      this.encoded.clear();
      for await (const rows of this.deps.entries.streamListed())
        for (const row of rows)
          this.setOf(row.state).set(row.id, `${row.networkEpoch}:${row.tagPrefix.toString('hex')}`);
      this.through = head;
    }
    for (const batch of await this.deps.changes.since(this.through)) this.apply(batch);
    return this.through;
  }

  private setOf(state: string): StateSet {
    let set = this.byState.get(state);
    if (!set) this.byState.set(state, (set = new Map()));
    return set;
  }

  private apply(batch: ChangeBatch): void {
    for (const row of batch.removed) {
      this.byState.get(row.state)?.delete(row.id);
      this.encoded.delete(row.state);
    }
    for (const row of batch.added) {
      this.setOf(row.state).set(row.id, `${row.networkEpoch}:${row.tagPrefix.toString('hex')}`);
      this.encoded.delete(row.state);
    }
    this.through = Math.max(this.through, batch.seq);
  }

  count(state: string): number {
    return this.byState.get(state)?.size ?? 0;
  }

  private recordsOf(state: string): Buffer {
    let bytes = this.encoded.get(state);
    if (bytes) return bytes;
    const set = this.byState.get(state) ?? new Map<string, string>();
    bytes = Buffer.alloc(set.size * SYNC_RECORD_BYTES);
    let at = 0;
    for (const value of set.values()) {
      const colon = value.indexOf(':');
      bytes.writeUInt16BE(Number(value.slice(0, colon)), at + 2);
      bytes.write(value.slice(colon + 1), at + 4, 'hex');
      at += SYNC_RECORD_BYTES;
    }
    this.encoded.set(state, bytes);
    return bytes;
  }

  /** A full stream of the allowed states' entries as of `cursor` (what `current()` answered): the format of `encodeSync`. */
  fullStream(allowed: readonly string[], cursor: number): Buffer {
    const allowedStates = [...allowed].sort();
    const states = allowedStates.filter((state) => this.count(state) > 0);
    const parts = states.map((state, index) => {
      const records = Buffer.from(this.recordsOf(state));
      for (let at = 0; at < records.length; at += SYNC_RECORD_BYTES) records.writeUInt16BE(index, at);
      return records;
    });
    const added = parts.reduce((sum, part) => sum + part.length / SYNC_RECORD_BYTES, 0);
    const header: SyncHeader = { format: 1, full: true, cursor, states, allowedStates, added, removed: 0 };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length, 0);
    return Buffer.concat([length, headerBytes, ...parts]);
  }

  /** Ids of the allowed states' entries whose tag prefix starts with `prefix` (lower-case hex, ≤ 16 characters). */
  bucket(prefix: string, allowed: readonly string[]): string[] {
    const ids: string[] = [];
    for (const state of allowed)
      for (const [id, value] of this.byState.get(state) ?? [])
        if (value.startsWith(prefix, value.indexOf(':') + 1)) ids.push(id);
    return ids;
  }
}
