import { expect } from 'chai';
import { consistencyProof, inclusionProof, memoryTreeHashes, treeRoot } from '../../../../shared/audit/merkle.js';
import { toBase64Url } from '../../../../shared/crypto/encoding.js';
import { entryLeafHash, sha256, type AuditEntry } from '../../../../server/modules/audit/audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type AuditSegment } from '../../../../server/modules/audit/audit-segment.js';
import { logKey } from '../../../../server/modules/audit/log-key.js';
import type { AuditNodeStore, AuditStore } from '../../../../server/modules/audit/ports.js';
import { SegmentTree } from '../../../../server/modules/audit/segment-tree.js';

/** Segments in memory, counting reads, for the tree's lookups (the rest of the store is not used). */
function memoryStore(segments: AuditSegment[]): AuditStore & { reads: number } {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const store = {
    reads: 0,
    lastSegment: () => Promise.resolve(segments.at(-1)),
    segment(id: number) {
      store.reads += 1;
      return Promise.resolve(byId.get(id));
    },
    segments(ids: readonly number[]) {
      store.reads += 1;
      return Promise.resolve(ids.flatMap((id) => byId.get(id) ?? []));
    },
    bounds(id: number) {
      store.reads += 1;
      const s = byId.get(id);
      return Promise.resolve(s && { id: s.id, firstSeq: s.firstSeq, size: s.size });
    },
    tryInsert: () => Promise.reject(new Error('read only')),
    list: () => Promise.reject(new Error('not used')),
    allSegments: () => {
      throw new Error('not used');
    },
    all: () => {
      throw new Error('not used');
    },
  };
  return store;
}

function memoryNodes(): AuditNodeStore & { nodes: Map<string, string> } {
  const nodes = new Map<string, string>();
  return {
    nodes,
    get: (keys) => Promise.resolve(new Map(keys.flatMap((k) => (nodes.has(k) ? [[k, nodes.get(k)!] as const] : [])))),
    put: (items) => {
      for (const { key, hash } of items) nodes.set(key, hash);
      return Promise.resolve();
    },
  };
}

/** A log of `size` entries in segments of 1 to 300 entries (a fixed pattern). */
function buildLog(size: number): { segments: AuditSegment[]; leaves: Uint8Array[] } {
  const key = logKey('unit-test-secret-unit-test-secret-unit');
  const segments: AuditSegment[] = [];
  const leaves: Uint8Array[] = [];
  let tip = EMPTY_TIP;
  let seq = 1;
  for (let i = 0; seq <= size; i++) {
    const count = Math.min(size - seq + 1, [1, 7, 300, 45, 2, 129][i % 6]!);
    const entries: AuditEntry[] = Array.from({ length: count }, (_, k) => ({
      seq: seq + k,
      at: new Date(1_700_000_000_000 + seq + k),
      type: 'auth.signed-in',
      actorId: null,
      state: 'KZ',
      subjectId: null,
      data: { n: seq + k },
    }));
    leaves.push(...entries.map(entryLeafHash));
    const segment = sealSegment(tip, entries, new Date(1_700_000_000_000 + seq), key);
    segments.push(segment);
    tip = tipOf(segment);
    seq += count;
  }
  return { segments, leaves };
}

const b64 = (hashes: Uint8Array[]): string[] => hashes.map(toBase64Url);

describe('SegmentTree: proofs over stored segments and the subtree cache', function () {
  this.timeout(120_000);
  const { segments, leaves } = buildLog(140_000);
  const reference = memoryTreeHashes(sha256, leaves);

  it('every segment root is the tree of its first `size` leaves', async () => {
    for (const segment of segments.filter((_, i) => i % 97 === 0))
      expect(toBase64Url(await treeRoot(sha256, reference, segment.size))).to.equal(segment.root);
  });

  it('gives the same consistency and inclusion proofs as the leaves themselves, past 2^16 leaves', async () => {
    const tree = new SegmentTree(memoryStore(segments), memoryNodes());
    for (const [from, to] of [
      [1, 2],
      [255, 257],
      [40_000, 140_000],
      [65_536, 131_073],
      [100, 65_536],
      [139_999, 140_000],
    ] as const) {
      expect(b64(await consistencyProof(sha256, tree, from, to)), `${from}→${to}`).to.deep.equal(
        b64(await consistencyProof(sha256, reference, from, to)),
      );
    }
    for (const index of [0, 255, 256, 65_535, 65_536, 99_999, 139_999])
      expect(b64(await inclusionProof(sha256, tree, index, 140_000)), `${index}`).to.deep.equal(
        b64(await inclusionProof(sha256, reference, index, 140_000)),
      );
  });

  it('a warm cache answers a proof for a client 100,000 entries behind in a few lookups', async () => {
    const store = memoryStore(segments);
    const nodes = memoryNodes();
    const tree = new SegmentTree(store, nodes);
    await consistencyProof(sha256, tree, 40_000, 140_000);
    expect(nodes.nodes.size).to.be.greaterThan(0);
    expect([...nodes.nodes.keys()].some((k) => k.startsWith('16:'))).to.equal(true);
    const cold = store.reads;
    store.reads = 0;
    const warm = new SegmentTree(store, nodes);
    await consistencyProof(sha256, warm, 40_000, 140_000);
    // Only the edges below 2^8 leaves are read from segments (and the binary search finding them).
    expect(store.reads).to.be.lessThan(60).and.lessThan(cold);
  });
});
