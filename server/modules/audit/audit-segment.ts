import { appendLeaves, frontierRoot, type Frontier } from '../../../shared/audit/merkle.js';
import type { SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import { entryLeafHash, sha256, type AuditEntry } from './audit-entry.js';
import type { LogKey } from './log-key.js';
import { CACHED_HEIGHTS, subtreeKey } from './segment-tree.js';

/**
 * One group commit of the log, stored as one document: its entries (seqs `firstSeq`..`size`),
 * the tree's right edge after them, the root and the log key's signature over the head.
 * Segments are numbered 1, 2, … without gaps; the number is the document's key.
 */
export interface AuditSegment {
  id: number;
  firstSeq: number;
  /** Entries in the tree after this segment: the last entry's seq. */
  size: number;
  entries: AuditEntry[];
  /** Frontier hashes after the segment, base64url (see `Frontier` in shared/audit/merkle.ts). */
  frontier: string[];
  root: string;
  /** The head's time. */
  at: Date;
  signature: string;
  /**
   * The request ids that appended entries of this segment (HTTP X-Request-Id or a socket event's
   * id), by seq. Outside the entries and the tree: not signed, only an operator's index.
   */
  requests?: AuditRequestRef[];
}

/** Entry `seq` was appended while handling request `requestId`. */
export interface AuditRequestRef {
  seq: number;
  requestId: string;
}

/** What an append needs of the log so far: the last segment's number and the tree's right edge. */
export interface LogTip {
  segment: number;
  frontier: Frontier;
}

export const EMPTY_TIP: LogTip = { segment: 0, frontier: { size: 0, hashes: [] } };

export function tipOf(segment: AuditSegment): LogTip {
  return { segment: segment.id, frontier: { size: segment.size, hashes: segment.frontier.map(fromBase64Url) } };
}

/** A subtree cache entry: `<height>:<first leaf>` and the hash, base64url. */
export interface CachedSubtree {
  key: string;
  hash: string;
}

/**
 * The next segment after `tip` holding `entries` (numbered on from the tip), signed; and the
 * cached-height subtrees it completes, hashed on the way anyway, so proofs never find them cold.
 */
export function sealSegment(
  tip: LogTip,
  entries: AuditEntry[],
  at: Date,
  key: LogKey,
  completed: CachedSubtree[] = [],
): AuditSegment {
  const frontier = appendLeaves(sha256, tip.frontier, entries.map(entryLeafHash), (height, start, hash) => {
    if ((CACHED_HEIGHTS as readonly number[]).includes(height))
      completed.push({ key: subtreeKey(height, start), hash: toBase64Url(hash) });
  });
  const root = toBase64Url(frontierRoot(sha256, frontier));
  const head = key.signHead({ size: frontier.size, root, at: at.toISOString() });
  return {
    id: tip.segment + 1,
    firstSeq: tip.frontier.size + 1,
    size: frontier.size,
    entries,
    frontier: frontier.hashes.map(toBase64Url),
    root,
    at,
    signature: head.signature,
  };
}

export function segmentHead(segment: Pick<AuditSegment, 'size' | 'root' | 'at' | 'signature'>): SignedTreeHead {
  return { size: segment.size, root: segment.root, at: segment.at.toISOString(), signature: segment.signature };
}
