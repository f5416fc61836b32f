import { TRAVEL_DOCUMENT_LIMITS } from '../schemas/travel-documents.js';

/**
 * The sync stream: what a screening client holds of every listing it may screen against. Binary,
 * because a million JSON records would be five times the size:
 *
 *   [u32 BE: header length][header: UTF-8 JSON][added records][removed records]
 *   record = [u16 BE: index into header.states][u16 BE: network epoch][8 bytes: tag prefix]
 *
 * A full stream replaces what the client holds; an increment applies on top of the cursor it
 * was asked from. The client drops every state not in `allowedStates` (a policy or the
 * reciprocity rule changed).
 */
export const SYNC_MEDIA_TYPE = 'application/vnd.focalnet.sltd-sync.v1';
export const SYNC_RECORD_BYTES = 4 + TRAVEL_DOCUMENT_LIMITS.syncTagBytes;

export interface SyncHeader {
  format: 1;
  /** The records replace everything the client holds (first sync, or the increment was not possible). */
  full: boolean;
  /** Ask from here next time. */
  cursor: number;
  /** Listing states named by the records' index. */
  states: string[];
  /** States whose listings the caller receives now. */
  allowedStates: string[];
  added: number;
  removed: number;
}

export interface SyncRecord {
  state: string;
  networkEpoch: number;
  /** The first 8 bytes of the entry's tag. */
  tagPrefix: Uint8Array;
}

export interface SyncBatch {
  header: SyncHeader;
  added: SyncRecord[];
  removed: SyncRecord[];
}

export class SyncFormatError extends Error {}

export function encodeSync(batch: {
  full: boolean;
  cursor: number;
  allowedStates: string[];
  added: readonly SyncRecord[];
  removed: readonly SyncRecord[];
}): Uint8Array {
  const states = [...new Set([...batch.added, ...batch.removed].map((record) => record.state))].sort();
  const index = new Map(states.map((state, i) => [state, i]));
  const header: SyncHeader = {
    format: 1,
    full: batch.full,
    cursor: batch.cursor,
    states,
    allowedStates: [...batch.allowedStates].sort(),
    added: batch.added.length,
    removed: batch.removed.length,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + headerBytes.length + (header.added + header.removed) * SYNC_RECORD_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  let at = 4 + headerBytes.length;
  for (const record of [...batch.added, ...batch.removed]) {
    if (record.tagPrefix.length !== TRAVEL_DOCUMENT_LIMITS.syncTagBytes)
      throw new SyncFormatError('tag prefix of 8 bytes');
    view.setUint16(at, index.get(record.state) ?? 0);
    view.setUint16(at + 2, record.networkEpoch);
    out.set(record.tagPrefix, at + 4);
    at += SYNC_RECORD_BYTES;
  }
  return out;
}

export function decodeSyncHeader(bytes: Uint8Array): { header: SyncHeader; recordsAt: number } {
  if (bytes.length < 4) throw new SyncFormatError('sync stream too short');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + length > bytes.length) throw new SyncFormatError('sync header runs past the stream');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as SyncHeader;
  if (header.format !== 1) throw new SyncFormatError(`unknown sync format ${String(header.format)}`);
  const expected = 4 + length + (header.added + header.removed) * SYNC_RECORD_BYTES;
  if (bytes.length !== expected)
    throw new SyncFormatError(`sync stream of ${bytes.length} bytes, expected ${expected}`);
  return { header, recordsAt: 4 + length };
}

/** Decodes a whole stream (tag prefixes are views into `bytes`, not copies). */
export function decodeSync(bytes: Uint8Array): SyncBatch {
  const { header, recordsAt } = decodeSyncHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (from: number, count: number): SyncRecord[] => {
    const records: SyncRecord[] = [];
    for (let i = 0; i < count; i++) {
      const at = from + i * SYNC_RECORD_BYTES;
      const state = header.states[view.getUint16(at)];
      if (state === undefined) throw new SyncFormatError('a record names no state of the header');
      records.push({
        state,
        networkEpoch: view.getUint16(at + 2),
        tagPrefix: bytes.subarray(at + 4, at + SYNC_RECORD_BYTES),
      });
    }
    return records;
  };
  return {
    header,
    added: read(recordsAt, header.added),
    removed: read(recordsAt + header.added * SYNC_RECORD_BYTES, header.removed),
  };
}
