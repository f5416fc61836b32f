import {
  appendLeaves,
  EMPTY_FRONTIER,
  frontierRoot,
  memoryTreeHashes,
  treeRoot,
  type Frontier,
} from '../../../shared/audit/merkle.js';
import {
  verifyTreeHeadSignature,
  verifyWitnessSignature,
  type SignedTreeHead,
} from '../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { entryLeafHash, sha256, type AuditEntry } from './audit-entry.js';
import { segmentHead, type AuditSegment } from './audit-segment.js';
import type { WitnessSignature } from './ports.js';

export type LogVerdict =
  | { ok: true; segments: number; checked: number; root: string }
  | { ok: false; segments: number; checked: number; firstBroken: { seq: number; reason: string } };

export interface VerifyOptions {
  /**
   * The log keys in the order they were in force (server-keys/logKeyHistory; one for a log whose
   * keys were never renewed). A head may be signed by the key of the segment before it or a later
   * one, never an earlier one: renewals go forward.
   */
  logKeys: readonly string[];
  /** Called with every entry as it is checked (the annual review counts them). */
  onEntry?: (entry: AuditEntry) => void;
  /** Leaf hashes are kept (32 bytes each) to check saved and witnessed heads against. */
  keepLeaves?: boolean;
}

/**
 * Walks the log from its first segment: numbers without gaps, entries numbered on from the last,
 * each segment's frontier and root recomputed from the leaves, each head signed by the log key.
 * Names the first entry that does not hold.
 */
export async function verifySegments(
  segments: AsyncIterable<AuditSegment>,
  options: VerifyOptions,
): Promise<LogVerdict & { leaves: Uint8Array[] }> {
  let frontier: Frontier = EMPTY_FRONTIER;
  let expectedId = 1;
  let checked = 0;
  let keyInForce = 0;
  const leaves: Uint8Array[] = [];
  const broken = (seq: number, reason: string) => ({
    ok: false as const,
    segments: expectedId - 1,
    checked,
    firstBroken: { seq, reason },
    leaves,
  });
  for await (const segment of segments) {
    const nextSeq = frontier.size + 1;
    if (segment.id !== expectedId)
      return broken(nextSeq, `segment ${expectedId} is missing (next stored segment is ${segment.id})`);
    if (segment.firstSeq !== nextSeq || segment.entries.length === 0)
      return broken(nextSeq, `segment ${segment.id} starts at entry ${segment.firstSeq}, not ${nextSeq}`);
    const hashes: Uint8Array[] = [];
    for (const [i, entry] of segment.entries.entries()) {
      if (entry.seq !== nextSeq + i) return broken(nextSeq + i, `entry ${nextSeq + i} is missing (found ${entry.seq})`);
      hashes.push(entryLeafHash(entry));
    }
    frontier = appendLeaves(sha256, frontier, hashes);
    const root = toBase64Url(frontierRoot(sha256, frontier));
    if (root !== segment.root)
      return broken(segment.firstSeq, `segment ${segment.id}'s root does not match its entries (an entry was changed)`);
    if (segment.size !== frontier.size || frontier.hashes.map(toBase64Url).join() !== segment.frontier.join())
      return broken(segment.firstSeq, `segment ${segment.id}'s frontier does not match its entries`);
    const signedBy = await keyOfHead(segmentHead(segment), options.logKeys, keyInForce);
    if (signedBy === undefined)
      return broken(segment.firstSeq, `segment ${segment.id}'s head is not signed by the log key in force`);
    keyInForce = signedBy;
    for (const entry of segment.entries) options.onEntry?.(entry);
    if (options.keepLeaves) leaves.push(...hashes);
    checked += segment.entries.length;
    expectedId += 1;
  }
  return { ok: true, segments: expectedId - 1, checked, root: toBase64Url(frontierRoot(sha256, frontier)), leaves };
}

/** Which of the keys from `from` on signed the head (its index), or undefined when none did. */
async function keyOfHead(head: SignedTreeHead, keys: readonly string[], from: number): Promise<number | undefined> {
  for (let i = from; i < keys.length; i += 1) if (await verifyTreeHeadSignature(head, keys[i] as string)) return i;
  return undefined;
}

/** Does the log of these leaves extend `head`: same root at its size? Names what is wrong when not. */
export async function extendsHead(leaves: readonly Uint8Array[], head: SignedTreeHead): Promise<string | undefined> {
  if (head.size > leaves.length)
    return `the trail was shortened since the saved head: it holds ${leaves.length} entries, the saved head ${head.size}`;
  const root = toBase64Url(await treeRoot(sha256, memoryTreeHashes(sha256, leaves), head.size));
  if (root !== head.root) return `the trail was rewritten or shortened since the saved head of ${head.size} entries`;
  return undefined;
}

/** Witness co-signatures that do not hold: a bad signature, or a head the log does not extend. */
export async function badWitnesses(
  witnesses: AsyncIterable<WitnessSignature>,
  leaves: readonly Uint8Array[],
  identityKeyOf: (userId: string) => Promise<string[]>,
): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  const verdicts = new Map<string, Promise<string | undefined>>();
  let checked = 0;
  for await (const witness of witnesses) {
    checked += 1;
    const keys = await identityKeyOf(witness.userId);
    const results = await Promise.all(keys.map((key) => verifyWitnessSignature(witness.head, witness.signature, key)));
    const who = `${witness.state} admin ${witness.userId}`;
    if (!results.some(Boolean)) problems.push(`${who}: the co-signature of head ${witness.head.size} does not verify`);
    const headKey = `${witness.head.size}:${witness.head.root}`;
    let verdict = verdicts.get(headKey);
    if (!verdict) verdicts.set(headKey, (verdict = extendsHead(leaves, { ...witness.head, signature: '' })));
    const mismatch = await verdict;
    if (mismatch) problems.push(`${who} co-signed head ${witness.head.size}: ${mismatch}`);
  }
  return { checked, problems };
}
