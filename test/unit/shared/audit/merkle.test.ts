import { createHash } from 'node:crypto';
import { expect } from 'chai';
import {
  appendLeaves,
  consistencyProof,
  EMPTY_FRONTIER,
  frontierRoot,
  inclusionProof,
  leafHash,
  memoryTreeHashes,
  nodeHash,
  splitPoint,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type Sha256,
} from '../../../../shared/audit/merkle.js';

const sha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** MTH by RFC 9162's definition, straight from the text. */
function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leafHash(sha256, leaves[0]!);
  const k = splitPoint(leaves.length);
  return nodeHash(sha256, referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

// The test vectors of RFC 6962's reference implementation (certificate-transparency merkle_tree_test).
const VECTOR_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => new Uint8Array(Buffer.from(h, 'hex')));
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the Merkle tree of RFC 9162', () => {
  const leaves = Array.from({ length: 70 }, (_, i) => new Uint8Array(Buffer.from(`entry ${i}`)));
  const hashes = leaves.map((leaf) => leafHash(sha256, leaf));
  const source = memoryTreeHashes(sha256, hashes);

  it('gives the reference implementation’s roots for its test vectors', async () => {
    const vectorSource = memoryTreeHashes(
      sha256,
      VECTOR_LEAVES.map((leaf) => leafHash(sha256, leaf)),
    );
    for (let n = 1; n <= 8; n++) {
      expect(hex(await treeRoot(sha256, vectorSource, n)), `size ${n}`).to.equal(VECTOR_ROOTS[n - 1]);
      expect(hex(referenceRoot(VECTOR_LEAVES.slice(0, n)))).to.equal(VECTOR_ROOTS[n - 1]);
    }
  });

  it('appends to the frontier and reaches the same root as the whole tree, for every size', async () => {
    let frontier = EMPTY_FRONTIER;
    for (let n = 0; n <= leaves.length; n++) {
      expect(hex(frontierRoot(sha256, frontier)), `size ${n}`).to.equal(hex(referenceRoot(leaves.slice(0, n))));
      expect(frontier.hashes).to.have.length(n.toString(2).replaceAll('0', '').length);
      if (n < leaves.length) frontier = appendLeaves(sha256, frontier, [hashes[n]!]);
    }
    // Several leaves at once, from a frontier in the middle.
    const half = appendLeaves(sha256, EMPTY_FRONTIER, hashes.slice(0, 23));
    const whole = appendLeaves(sha256, half, hashes.slice(23));
    expect(hex(frontierRoot(sha256, whole))).to.equal(hex(referenceRoot(leaves)));
  });

  it('reports every perfect subtree an append completes, with its first leaf and the hash the tree has', async () => {
    const reported: Array<{ height: number; start: number; hash: Uint8Array }> = [];
    let frontier = EMPTY_FRONTIER;
    for (let i = 0; i < leaves.length; i += 9)
      frontier = appendLeaves(sha256, frontier, hashes.slice(i, i + 9), (height, start, hash) =>
        reported.push({ height, start, hash }),
      );
    let expected = 0;
    for (let height = 1; 2 ** height <= leaves.length; height++) expected += Math.floor(leaves.length / 2 ** height);
    expect(reported).to.have.length(expected);
    for (const { height, start, hash } of reported) {
      expect(start % 2 ** height, `${height}:${start} aligned`).to.equal(0);
      expect(hex(hash), `${height}:${start}`).to.equal(hex(await source.perfect(start, height)));
    }
  });

  it('proves and verifies the inclusion of every leaf in every tree, and refuses a changed leaf', async () => {
    for (let size = 1; size <= 40; size++) {
      const root = await treeRoot(sha256, source, size);
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(sha256, source, index, size);
        expect(verifyInclusion(sha256, index, size, hashes[index]!, proof, root), `${index} in ${size}`).to.equal(true);
        const other = hashes[(index + 1) % leaves.length]!;
        expect(verifyInclusion(sha256, index, size, other, proof, root)).to.equal(false);
        if (size > 1)
          expect(verifyInclusion(sha256, (index + 1) % size, size, hashes[index]!, proof, root)).to.equal(false);
      }
    }
  });

  it('proves and verifies consistency between every pair of sizes, and refuses other roots and sizes', async () => {
    for (let to = 1; to <= 40; to++) {
      const toRoot = await treeRoot(sha256, source, to);
      for (let from = 1; from <= to; from++) {
        const fromRoot = await treeRoot(sha256, source, from);
        const proof = await consistencyProof(sha256, source, from, to);
        expect(verifyConsistency(sha256, from, to, fromRoot, toRoot, proof), `${from} → ${to}`).to.equal(true);
        // A tree rewritten below `from` keeps no proof: its old root is not reached.
        const forged = await treeRoot(sha256, memoryTreeHashes(sha256, [hashes[1]!, ...hashes.slice(1)]), from);
        expect(verifyConsistency(sha256, from, to, forged, toRoot, proof)).to.equal(false);
        if (from < to) {
          const otherRoot = await treeRoot(sha256, source, to + 1);
          expect(verifyConsistency(sha256, from, to, fromRoot, otherRoot, proof), `root of ${to + 1}`).to.equal(false);
          expect(verifyConsistency(sha256, from, to, fromRoot, toRoot, [])).to.equal(false);
        }
      }
    }
  });

  it('refuses a shortened tree: no consistency from a larger size to a smaller one', async () => {
    const root10 = await treeRoot(sha256, source, 10);
    const root8 = await treeRoot(sha256, source, 8);
    expect(verifyConsistency(sha256, 10, 8, root10, root8, [])).to.equal(false);
    await consistencyProof(sha256, source, 10, 8).then(
      () => expect.fail('a proof from 10 to 8 was produced'),
      (error: unknown) => expect(error).to.be.instanceOf(RangeError),
    );
  });
});
