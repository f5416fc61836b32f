/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), §2.1: leaf and node hashes, the
 * tree head of `n` leaves, inclusion and consistency proofs, and their verification. Pure: the
 * hash function is passed in (node:crypto on the server, libsodium in browsers), and proofs are
 * generated from a `TreeHashes` source, which the server answers from stored subtree hashes.
 */

/** SHA-256 of `data`, 32 bytes. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

function concat(a: Uint8Array, b: Uint8Array, c?: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length + (c?.length ?? 0));
  out.set(a, 0);
  out.set(b, a.length);
  if (c) out.set(c, a.length + b.length);
  return out;
}

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function leafHash(sha256: Sha256, leaf: Uint8Array): Uint8Array {
  return sha256(concat(LEAF_PREFIX, leaf));
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(sha256: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concat(NODE_PREFIX, left, right));
}

/** MTH of no leaves: SHA-256 of the empty string. */
export function emptyRoot(sha256: Sha256): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** The largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Where hashes of subtrees come from when a proof is generated. */
export interface TreeHashes {
  /** MTH of the 2^height leaves from `start` (a multiple of 2^height); height 0 is a leaf hash. */
  perfect(start: number, height: number): Promise<Uint8Array>;
}

function log2(n: number): number {
  return Math.round(Math.log2(n));
}

/** MTH(D[start:end]) for the ranges RFC 9162's recursion produces (start aligned to the split). */
export async function rangeHash(sha256: Sha256, source: TreeHashes, start: number, end: number): Promise<Uint8Array> {
  const n = end - start;
  if (n <= 0) throw new RangeError(`empty range ${start}..${end}`);
  if ((n & (n - 1)) === 0 && start % n === 0) return source.perfect(start, log2(n));
  const k = splitPoint(n);
  return nodeHash(
    sha256,
    await rangeHash(sha256, source, start, start + k),
    await rangeHash(sha256, source, start + k, end),
  );
}

/** The tree head of `size` leaves. */
export async function treeRoot(sha256: Sha256, source: TreeHashes, size: number): Promise<Uint8Array> {
  return size === 0 ? emptyRoot(sha256) : rangeHash(sha256, source, 0, size);
}

/** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, leaf side first. */
export async function inclusionProof(
  sha256: Sha256,
  source: TreeHashes,
  index: number,
  size: number,
): Promise<Uint8Array[]> {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Uint8Array[] = [];
  const walk = async (m: number, start: number, end: number): Promise<void> => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      await walk(m, start, start + k);
      path.push(await rangeHash(sha256, source, start + k, end));
    } else {
      await walk(m - k, start + k, end);
      path.push(await rangeHash(sha256, source, start, start + k));
    }
  };
  await walk(index, 0, size);
  return path;
}

/** PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1; empty when from is 0 or equals to. */
export async function consistencyProof(
  sha256: Sha256,
  source: TreeHashes,
  from: number,
  to: number,
): Promise<Uint8Array[]> {
  if (!(from >= 0 && from <= to)) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  const proof: Uint8Array[] = [];
  if (from === 0 || from === to) return proof;
  const sub = async (m: number, start: number, end: number, whole: boolean): Promise<void> => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push(await rangeHash(sha256, source, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      await sub(m, start, start + k, whole);
      proof.push(await rangeHash(sha256, source, start + k, end));
    } else {
      await sub(m - k, start + k, end, false);
      proof.push(await rangeHash(sha256, source, start, start + k));
    }
  };
  await sub(from, 0, to, true);
  return proof;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** RFC 9162 §2.1.3.2: does `proof` put the leaf with hash `leaf` at `index` of the tree with `root`? */
export function verifyInclusion(
  sha256: Sha256,
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sha256, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(sha256, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show the tree of `from` leaves with `fromRoot` is a prefix of
 * the tree of `to` leaves with `toRoot`? Equal sizes need an empty proof and equal roots.
 */
export function verifyConsistency(
  sha256: Sha256,
  from: number,
  to: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from <= to)) return false;
  if (from === to) return proof.length === 0 && equalBytes(fromRoot, toRoot);
  if (from === 0) return proof.length === 0; // the empty tree is a prefix of every tree
  if (proof.length === 0) return false;
  let path = [...proof];
  // A power-of-two `from` is a subtree of the new tree: its root starts the path.
  if ((from & (from - 1)) === 0) path = [fromRoot, ...path];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [first, ...rest] = path;
  if (!first) return false;
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(sha256, c, fr);
      sr = nodeHash(sha256, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sha256, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, fromRoot) && equalBytes(sr, toRoot);
}

/**
 * The right edge of a tree: the roots of its perfect subtrees, largest (leftmost) first, one per
 * set bit of `size`. Enough to append leaves and compute the new root without reading the tree.
 */
export interface Frontier {
  size: number;
  hashes: Uint8Array[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, hashes: [] };

/** Told of each perfect subtree an append completes: its height, first leaf and hash. */
export type PerfectSubtreeListener = (height: number, start: number, hash: Uint8Array) => void;

/**
 * The frontier after appending `leaves` (leaf hashes) to `frontier`. Every perfect subtree the
 * append completes is computed on the way; `completed` hears of those above the leaves.
 */
export function appendLeaves(
  sha256: Sha256,
  frontier: Frontier,
  leaves: readonly Uint8Array[],
  completed?: PerfectSubtreeListener,
): Frontier {
  const hashes = [...frontier.hashes];
  let size = frontier.size;
  for (const leaf of leaves) {
    let carry = leaf;
    let height = 0;
    // Each trailing 1 bit of the old size is a perfect subtree of the new leaf's height: merge.
    for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) {
      carry = nodeHash(sha256, hashes.pop()!, carry);
      height += 1;
      completed?.(height, size + 1 - 2 ** height, carry);
    }
    hashes.push(carry);
    size += 1;
  }
  return { size, hashes };
}

/** MTH of the tree the frontier describes. */
export function frontierRoot(sha256: Sha256, frontier: Frontier): Uint8Array {
  const last = frontier.hashes.at(-1);
  if (!last) return emptyRoot(sha256);
  let root = last;
  for (let i = frontier.hashes.length - 2; i >= 0; i--) root = nodeHash(sha256, frontier.hashes[i]!, root);
  return root;
}

/** A TreeHashes over leaf hashes held in memory (tests, the offline verifier). */
export function memoryTreeHashes(sha256: Sha256, leaves: readonly Uint8Array[]): TreeHashes {
  const perfect = (start: number, height: number): Uint8Array => {
    if (height === 0) {
      const leaf = leaves[start];
      if (!leaf) throw new RangeError(`no leaf ${start}`);
      return leaf;
    }
    const half = 2 ** (height - 1);
    return nodeHash(sha256, perfect(start, height - 1), perfect(start + half, height - 1));
  };
  return { perfect: (start, height) => Promise.resolve(perfect(start, height)) };
}
