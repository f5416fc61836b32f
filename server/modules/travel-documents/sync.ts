import type { BucketResponse, SyncQuery } from '../../../shared/schemas/travel-documents.js';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import { encodeSync } from '../../../shared/travel-documents/sync-format.js';
import type { User } from '../accounts/ports/users.js';
import { requireHolder } from './holders.js';
import type { ChangeBatch, SyncRow } from './ports.js';
import { screenableStates } from './screenable-states.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

const toRecord = (row: SyncRow) => ({ state: row.state, networkEpoch: row.networkEpoch, tagPrefix: row.tagPrefix });
const hexOf = (tag: string): string => Buffer.from(fromBase64Url(tag)).toString('hex');

/**
 * The net effect of a window of changes, per entry: what the client had at the cursor (removed)
 * and what the entry is now (added). An entry listed and withdrawn inside the window is neither;
 * a re-key is its old record removed and its new one added.
 */
export function netChanges(batches: readonly ChangeBatch[]): { added: SyncRow[]; removed: SyncRow[] } {
  const net = new Map<string, { before?: SyncRow | undefined; after?: SyncRow | undefined }>();
  for (const batch of batches) {
    for (const row of batch.removed) {
      const entry = net.get(row.id);
      if (!entry) net.set(row.id, { before: row });
      else entry.after = undefined;
    }
    for (const row of batch.added) {
      const entry = net.get(row.id);
      if (entry) entry.after = row;
      else net.set(row.id, { after: row });
    }
  }
  const added: SyncRow[] = [];
  const removed: SyncRow[] = [];
  const same = (a: SyncRow, b: SyncRow) =>
    a.state === b.state && a.networkEpoch === b.networkEpoch && a.tagPrefix.equals(b.tagPrefix);
  for (const { before, after } of net.values()) {
    if (before && after && same(before, after)) continue;
    if (before) removed.push(before);
    if (after) added.push(after);
  }
  return { added, removed };
}

/**
 * The sync stream for a holder: an increment from `since` when the change log still has it and
 * the caller knows every state it may receive now; a full stream otherwise.
 */
export async function syncStream(deps: TravelDocumentsDeps, actor: User, query: SyncQuery): Promise<Buffer> {
  const { scheme, me } = await requireHolder(deps, actor);
  const allowed = await screenableStates(deps, scheme, me.state, actor.id);
  const allowedSet = new Set(allowed);
  // The node's copy of the listings, replayed up to the log's head: a full stream is exact at `head`.
  const head = await deps.listed.current();
  const compacted = await deps.changes.compactedThrough();
  const known = new Set(query.known === '' ? [] : query.known.split(','));
  const widened = allowed.some((state) => !known.has(state));
  if (query.since === 0 || widened || query.since < compacted || query.since > head)
    return deps.listed.fullStream(allowed, head);
  const batches = await deps.changes.since(query.since);
  const cursor = batches.reduce((max, batch) => Math.max(max, batch.seq), query.since);
  const net = netChanges(batches);
  const pick = (rows: SyncRow[]) => rows.filter((row) => allowedSet.has(row.state)).map(toRecord);
  return Buffer.from(
    encodeSync({
      full: false,
      cursor,
      allowedStates: allowed,
      added: pick(net.added),
      removed: pick(net.removed),
    }),
  );
}

/** The listed entries the holder may screen against whose tag begins with `prefix` (hex). */
export async function bucket(deps: TravelDocumentsDeps, actor: User, prefix: string): Promise<BucketResponse> {
  const { scheme, me } = await requireHolder(deps, actor);
  const allowed = await screenableStates(deps, scheme, me.state, actor.id);
  const lower = prefix.toLowerCase();
  await deps.listed.current();
  // Candidates from the node's copy, then the entries by id (the one indexed read on FerretDB);
  // each checked again, as the copy may lag a change made since.
  const allowedSet = new Set(allowed);
  const entries = (await deps.entries.findMany(deps.listed.bucket(lower, allowed)))
    .filter((entry) => entry.status === 'listed' && allowedSet.has(entry.state) && hexOf(entry.tag).startsWith(lower))
    .sort((a, b) => a.tag.localeCompare(b.tag));
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      state: entry.state,
      networkEpoch: entry.networkEpoch,
      tag: entry.tag,
      version: entry.version,
      details: entry.details,
      listedAt: entry.listedAt.toISOString(),
    })),
  };
}
