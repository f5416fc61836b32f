import type { BucketResponse, SyncQuery } from '../../../shared/schemas/travel-documents.js';
import { SYNC_RECORD_BYTES, encodeSync, type SyncHeader } from '../../../shared/travel-documents/sync-format.js';
import type { User } from '../accounts/ports/users.js';
import { requireHolder } from './holders.js';
import type { SyncRow } from './ports.js';
import { screenableStates } from './screenable-states.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

/**
 * A full stream written record by record as the database yields them (a million records would be
 * a million objects for `encodeSync`): the same bytes `encodeSync` makes of the same records.
 */
async function fullStream(deps: TravelDocumentsDeps, allowed: readonly string[], cursor: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const states: string[] = [];
  let added = 0;
  for (const state of [...allowed].sort()) {
    const index = states.length;
    for await (const rows of deps.entries.streamListed(state)) {
      if (rows.length === 0) continue;
      if (states.length === index) states.push(state);
      const chunk = Buffer.allocUnsafe(rows.length * SYNC_RECORD_BYTES);
      rows.forEach((row, i) => {
        const at = i * SYNC_RECORD_BYTES;
        chunk.writeUInt16BE(index, at);
        chunk.writeUInt16BE(row.networkEpoch, at + 2);
        row.tagPrefix.copy(chunk, at + 4);
      });
      chunks.push(chunk);
      added += rows.length;
    }
  }
  const header: SyncHeader = {
    format: 1,
    full: true,
    cursor,
    states,
    allowedStates: [...allowed].sort(),
    added,
    removed: 0,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(headerBytes.length, 0);
  return Buffer.concat([length, headerBytes, ...chunks]);
}

const toRecord = (row: SyncRow) => ({ state: row.state, networkEpoch: row.networkEpoch, tagPrefix: row.tagPrefix });

/**
 * The sync stream for a holder: an increment from `since` when the change log still has it and
 * the caller knows every state it may receive now; a full stream otherwise.
 */
export async function syncStream(deps: TravelDocumentsDeps, actor: User, query: SyncQuery): Promise<Buffer> {
  const { scheme, me } = await requireHolder(deps, actor);
  const allowed = await screenableStates(deps, scheme, me.state, actor.id);
  const allowedSet = new Set(allowed);
  // The cursor is read before the entries: a change made meanwhile comes again in the next increment.
  const [head, compacted] = await Promise.all([deps.changes.head(), deps.changes.compactedThrough()]);
  const known = new Set(query.known === '' ? [] : query.known.split(','));
  const widened = allowed.some((state) => !known.has(state));
  if (query.since === 0 || widened || query.since < compacted || query.since > head)
    return fullStream(deps, allowed, head);
  const batches = await deps.changes.since(query.since);
  const cursor = batches.reduce((max, batch) => Math.max(max, batch.seq), query.since);
  const pick = (rows: SyncRow[]) => rows.filter((row) => allowedSet.has(row.state)).map(toRecord);
  return Buffer.from(
    encodeSync({
      full: false,
      cursor,
      allowedStates: allowed,
      added: batches.flatMap((batch) => pick(batch.added)),
      removed: batches.flatMap((batch) => pick(batch.removed)),
    }),
  );
}

/** The listed entries the holder may screen against whose tag begins with `prefix` (hex). */
export async function bucket(deps: TravelDocumentsDeps, actor: User, prefix: string): Promise<BucketResponse> {
  const { scheme, me } = await requireHolder(deps, actor);
  const allowed = await screenableStates(deps, scheme, me.state, actor.id);
  const entries = await deps.entries.bucket(prefix.toLowerCase(), allowed);
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      state: entry.state,
      networkEpoch: entry.networkEpoch,
      tag: entry.tag,
      version: entry.version,
      details: entry.details,
    })),
  };
}
