import { nodeHash, type TreeHashes } from '../../../shared/audit/merkle.js';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import { entryLeafHash, sha256 } from './audit-entry.js';
import type { AuditNodeStore, AuditStore, SegmentBounds } from './ports.js';

/** Heights of the perfect subtrees kept in `audit_log_nodes`: 256 and 65,536 leaves. */
export const CACHED_HEIGHTS = [8, 16] as const;

/** A subtree cache key: `<height>:<first leaf>`. */
export const subtreeKey = (height: number, start: number): string => `${height}:${start}`;
/** Segment bounds remembered per node (they never change); past this the memory starts over. */
const MAX_REMEMBERED_BOUNDS = 100_000;
/** Subtree hashes remembered per node (≈ 100 bytes each). */
const MAX_REMEMBERED_NODES = 200_000;
/** Segments read per lookup when hashing leaves. */
const LEAF_WINDOW = 64;

/**
 * The tree's subtree hashes, answered from the segments and the subtree cache: a perfect subtree
 * of 2^8 or 2^16 leaves is read from the cache (computed and stored on first need), larger ones
 * are combined from those, smaller ones hashed from their leaves. A proof over 100,000+ entries
 * costs a few key lookups. Only ever asked about leaves below a signed head's size.
 */
export class SegmentTree implements TreeHashes {
  private readonly bounds = new Map<number, SegmentBounds>();
  /** Subtree hashes this node has read or computed (base64url by key). */
  private readonly remembered = new Map<string, string>();

  private remember(key: string, hash: string): void {
    if (this.remembered.size >= MAX_REMEMBERED_NODES) this.remembered.clear();
    this.remembered.set(key, hash);
  }

  /** The newest segment number seen: the binary search's upper end (re-read when an entry lies past it). */
  private lastId: number | undefined;

  constructor(
    private readonly store: AuditStore,
    private readonly nodes: AuditNodeStore,
  ) {}

  async perfect(start: number, height: number): Promise<Uint8Array> {
    const [hash] = await this.perfectMany([start], height);
    return hash!;
  }

  /** Hashes of the perfect subtrees of `height` starting at each of `starts`, in order. */
  private async perfectMany(starts: readonly number[], height: number): Promise<Uint8Array[]> {
    const cached = CACHED_HEIGHTS.find((h) => h === height);
    if (cached !== undefined) return this.cachedNodes(starts, cached);
    const below = [...CACHED_HEIGHTS].reverse().find((h) => h < height);
    if (below === undefined) return Promise.all(starts.map((start) => this.fromLeaves(start, height)));
    // Combine the cached subtrees below: 2^(height − below) of them per start, read at once.
    const per = 2 ** (height - below);
    const width = 2 ** below;
    const parts = await this.perfectMany(
      starts.flatMap((start) => Array.from({ length: per }, (_, i) => start + i * width)),
      below,
    );
    return starts.map((_, s) => combine(parts.slice(s * per, (s + 1) * per)));
  }

  private async cachedNodes(starts: readonly number[], height: number): Promise<Uint8Array[]> {
    const keys = starts.map((start) => subtreeKey(height, start));
    // Remembered by this node first (hashes of complete subtrees never change), then the store.
    const known = new Map<string, string>();
    const unknown: string[] = [];
    for (const key of keys) {
      const hash = this.remembered.get(key);
      if (hash) known.set(key, hash);
      else unknown.push(key);
    }
    if (unknown.length > 0) for (const [key, hash] of await this.nodes.get(unknown)) this.remember(key, hash);
    for (const key of unknown) {
      const hash = this.remembered.get(key);
      if (hash) known.set(key, hash);
    }
    const hashes: Uint8Array[] = [];
    const fresh: Array<{ key: string; hash: string }> = [];
    const below = CACHED_HEIGHTS.find((h) => h < height);
    const width = 2 ** height;
    // The lowest cached height, cold: the missing subtrees' leaves are read in one pass, not one run each.
    const missing = starts.filter((_, i) => !known.has(keys[i]!));
    const first = missing[0];
    const run =
      below === undefined && first !== undefined && missing.length > 1
        ? { from: first, leaves: await this.leaves(first, missing.at(-1)! + width) }
        : undefined;
    for (const [i, start] of starts.entries()) {
      const hit = known.get(keys[i]!);
      if (hit) {
        hashes.push(fromBase64Url(hit));
        continue;
      }
      const hash = run
        ? combine(run.leaves.slice(start - run.from, start - run.from + width))
        : below === undefined
          ? await this.fromLeaves(start, height)
          : combine(
              await this.cachedNodes(
                Array.from({ length: 2 ** (height - below) }, (_, k) => start + k * 2 ** below),
                below,
              ),
            );
      hashes.push(hash);
      fresh.push({ key: keys[i]!, hash: toBase64Url(hash) });
    }
    if (fresh.length > 0) await this.nodes.put(fresh);
    for (const { key, hash } of fresh) this.remember(key, hash);
    return hashes;
  }

  /** MTH of the 2^height leaves from index `start`, hashed from the entries. */
  private async fromLeaves(start: number, height: number): Promise<Uint8Array> {
    return combine(await this.leaves(start, start + 2 ** height));
  }

  /** Leaf hashes of indexes `from`..`to` − 1 (seqs `from` + 1 .. `to`). */
  async leaves(from: number, to: number): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    let id = await this.segmentHolding(from + 1);
    // Segments hold one entry or hundreds: read one, then twice as many numbers per lookup.
    let width = 1;
    while (out.length < to - from) {
      const window = Array.from({ length: Math.min(width, LEAF_WINDOW, to - from - out.length) }, (_, i) => id + i);
      width *= 2;
      const segments = await this.store.segments(window);
      if (segments[0]?.id !== id) throw new Error(`audit log segment ${id} is missing`);
      for (const segment of segments) {
        if (segment.id !== id) break;
        for (const entry of segment.entries) if (entry.seq > from && entry.seq <= to) out.push(entryLeafHash(entry));
        id += 1;
        if (segment.size >= to) break;
      }
    }
    return out;
  }

  /** The number of the segment holding entry `seq`: a binary search over the dense numbers, by key. */
  async segmentHolding(seq: number): Promise<number> {
    for (const fresh of [false, true]) {
      if (fresh || this.lastId === undefined) this.lastId = (await this.store.lastSegment())?.id ?? 0;
      let low = 1;
      let high = this.lastId;
      while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const bounds = await this.boundsOf(mid);
        if (seq < bounds.firstSeq) high = mid - 1;
        else if (seq > bounds.size) low = mid + 1;
        else return mid;
      }
    }
    throw new RangeError(`no audit log segment holds entry ${seq}`);
  }

  private async boundsOf(id: number): Promise<SegmentBounds> {
    let found = this.bounds.get(id);
    if (!found) {
      found = await this.store.bounds(id);
      if (!found) throw new Error(`audit log segment ${id} is missing`);
      if (this.bounds.size >= MAX_REMEMBERED_BOUNDS) this.bounds.clear();
      this.bounds.set(id, found);
    }
    return found;
  }
}

/** MTH of a power-of-two run of equal-height subtree hashes. */
function combine(hashes: readonly Uint8Array[]): Uint8Array {
  let level = [...hashes];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(sha256, level[i]!, level[i + 1]!));
    level = next;
  }
  const [root] = level;
  if (!root) throw new RangeError('no hashes to combine');
  return root;
}
