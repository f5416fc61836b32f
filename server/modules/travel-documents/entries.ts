import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import { AppError } from '../../../shared/errors.js';
import {
  RING_NETWORK,
  TRAVEL_DOCUMENT_LIMITS,
  ringOfState,
  type ListEntriesRequest,
  type ListEntriesResponse,
  type OwnEntriesPage,
  type OwnEntriesQuery,
  type OwnEntryView,
  type RekeyEntriesRequest,
  type RekeyEntriesResponse,
  type UpdateEntryRequest,
  type WithdrawEntryRequest,
} from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import { requireHolder } from './holders.js';
import type { SyncRow, TravelDocumentEntry } from './ports.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

/** What the sync stream carries of a tag: its first 8 bytes. */
export const syncRowOf = (entry: Pick<TravelDocumentEntry, 'id' | 'state' | 'networkEpoch' | 'tag'>): SyncRow => ({
  id: entry.id,
  state: entry.state,
  networkEpoch: entry.networkEpoch,
  tagPrefix: Buffer.from(fromBase64Url(entry.tag).subarray(0, TRAVEL_DOCUMENT_LIMITS.syncTagBytes)),
});

export function ownEntryView(entry: TravelDocumentEntry): OwnEntryView {
  return {
    id: entry.id,
    version: entry.version,
    status: entry.status,
    networkEpoch: entry.networkEpoch,
    own: entry.own,
    listedAt: entry.listedAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    withdrawnAt: entry.withdrawnAt?.toISOString() ?? null,
    withdrawReason: entry.withdrawReason,
  };
}

const epochOf = async (deps: TravelDocumentsDeps, ring: string): Promise<number> =>
  (await deps.rings.find(ring))?.epoch ?? 0;

/** The epochs a listing must be made under: the network ring's and the state ring's current ones. */
async function requireCurrentEpochs(
  deps: TravelDocumentsDeps,
  state: string,
  given: { networkEpoch?: number | undefined; stateEpoch?: number | undefined },
): Promise<{ network: number; own: number }> {
  const [network, own] = await Promise.all([epochOf(deps, RING_NETWORK), epochOf(deps, ringOfState(state))]);
  if (given.networkEpoch !== undefined && given.networkEpoch !== network)
    throw new AppError(
      'travel-documents.stale-epoch',
      `the network key is at epoch ${network}, not ${given.networkEpoch}: prepare the keys again`,
    );
  if (given.stateEpoch !== undefined && given.stateEpoch !== own)
    throw new AppError(
      'travel-documents.stale-epoch',
      `your state's key is at epoch ${own}, not ${given.stateEpoch}: prepare the keys again`,
    );
  return { network, own };
}

function requireOneEpoch(values: readonly number[], what: string): number | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length > 1)
    throw new AppError(
      'travel-documents.stale-epoch',
      `one call lists under one ${what} epoch (got ${distinct.join(', ')})`,
    );
  return distinct[0];
}

/**
 * Lists entries for the holder's state. Per entry: stored ("listed", also for an id stored before),
 * or the state lists the same tag already ("duplicate").
 */
export async function listEntries(
  deps: TravelDocumentsDeps,
  actor: User,
  input: ListEntriesRequest,
): Promise<ListEntriesResponse> {
  const { me } = await requireHolder(deps, actor);
  const state = me.state;
  await requireCurrentEpochs(deps, state, {
    networkEpoch: requireOneEpoch(
      input.entries.map((e) => e.networkEpoch),
      'network',
    ),
    stateEpoch: requireOneEpoch(
      input.entries.map((e) => e.own.stateEpoch),
      'state',
    ),
  });
  const ids = input.entries.map((entry) => entry.id);
  const existing = new Map((await deps.entries.findMany(ids)).map((entry) => [entry.id, entry]));
  const listedTags = await deps.entries.listedWithTags(
    state,
    input.entries.map((entry) => entry.tag),
  );
  const at = deps.clock.now();
  const results: ListEntriesResponse['results'] = [];
  const fresh: TravelDocumentEntry[] = [];
  input.entries.forEach((upload, i) => {
    const stored = existing.get(upload.id);
    if (stored) {
      // A retry of the same listing; an id of another state is not ours to confirm.
      if (stored.state !== state)
        throw new AppError('validation.failed', 'this entry id is taken: choose another', [
          { path: ['body', 'entries', i, 'id'], message: 'taken' },
        ]);
      results.push({ id: upload.id, outcome: 'listed' });
      return;
    }
    const duplicateOf = listedTags.get(upload.tag);
    if (duplicateOf !== undefined) {
      results.push({ id: upload.id, outcome: 'duplicate', duplicateOf });
      return;
    }
    listedTags.set(upload.tag, upload.id);
    results.push({ id: upload.id, outcome: 'listed' });
    fresh.push({
      id: upload.id,
      state,
      version: 1,
      status: 'listed',
      networkEpoch: upload.networkEpoch,
      tag: upload.tag,
      details: upload.details,
      own: { stateEpoch: upload.own.stateEpoch, ciphertext: upload.own.ciphertext },
      listedBy: actor.id,
      listedAt: at,
      updatedAt: at,
      withdrawnAt: null,
      withdrawReason: null,
    });
  });
  if (fresh.length === 0) return { results };
  const stored = await deps.entries.insertMany(fresh);
  const added = fresh.filter((entry) => stored.has(entry.id));
  // An id stored meanwhile by a concurrent retry of the same call is that retry's to log.
  if (added.length > 0) await deps.changes.append({ at, added: added.map(syncRowOf), removed: [] });
  await deps.audit.append({
    type: 'travel-documents.listed',
    actorId: actor.id,
    state,
    subjectId: state,
    data: { state, count: added.length, duplicates: results.filter((r) => r.outcome === 'duplicate').length },
  });
  return { results };
}

export async function ownEntries(
  deps: TravelDocumentsDeps,
  actor: User,
  query: OwnEntriesQuery,
): Promise<OwnEntriesPage> {
  const { me } = await requireHolder(deps, actor);
  const page = await deps.entries.ownEntries({
    state: me.state,
    status: query.status,
    ...(query.epochBelow === undefined ? {} : { epochBelow: query.epochBelow }),
    ...(query.after === undefined ? {} : { after: query.after }),
    limit: query.limit + 1,
  });
  const entries = page.slice(0, query.limit);
  return {
    entries: entries.map(ownEntryView),
    next: page.length > query.limit ? (entries[entries.length - 1]?.id ?? null) : null,
  };
}

async function ownEntry(deps: TravelDocumentsDeps, state: string, id: string): Promise<TravelDocumentEntry> {
  const entry = await deps.entries.find(id);
  if (!entry || entry.state !== state)
    throw new AppError('travel-documents.not-found', 'no such listing of your state');
  return entry;
}

const conflict = (entry: TravelDocumentEntry): AppError =>
  new AppError('travel-documents.conflict', `the listing is at version ${entry.version} now: open it again`);

/** A correction (status, date, notes): new details and own copy, the same tag, the next version. */
export async function updateEntry(
  deps: TravelDocumentsDeps,
  actor: User,
  id: string,
  input: UpdateEntryRequest,
): Promise<OwnEntryView> {
  const { me } = await requireHolder(deps, actor);
  const entry = await ownEntry(deps, me.state, id);
  if (entry.status === 'withdrawn') throw new AppError('travel-documents.withdrawn', 'this listing was withdrawn');
  if (entry.version !== input.version) throw conflict(entry);
  // The details key comes from the tag's epoch: an entry under an older one is re-keyed first.
  if (input.networkEpoch !== entry.networkEpoch)
    throw new AppError(
      'travel-documents.stale-epoch',
      `the listing is keyed under network epoch ${entry.networkEpoch}: seal the details under it, or re-key it first`,
    );
  await requireCurrentEpochs(deps, me.state, { stateEpoch: input.own.stateEpoch });
  const at = deps.clock.now();
  if (
    !(await deps.entries.replace(
      id,
      input.version,
      { details: input.details, own: input.own, updatedAt: at },
      { nextVersion: true },
    ))
  )
    throw conflict(await ownEntry(deps, me.state, id));
  await deps.audit.append({
    type: 'travel-documents.updated',
    actorId: actor.id,
    state: me.state,
    subjectId: id,
    data: { state: me.state, count: 1 },
  });
  return ownEntryView(await ownEntry(deps, me.state, id));
}

/** Withdrawn (recovered, listed in error, expired): no longer served; a repeat answers the withdrawn entry. */
export async function withdrawEntry(
  deps: TravelDocumentsDeps,
  actor: User,
  id: string,
  input: WithdrawEntryRequest,
): Promise<OwnEntryView> {
  const { me } = await requireHolder(deps, actor);
  let entry = await ownEntry(deps, me.state, id);
  const at = deps.clock.now();
  while (entry.status === 'listed') {
    if (await deps.entries.withdraw(id, entry.version, input.reason, at)) {
      await deps.changes.append({ at, added: [], removed: [syncRowOf(entry)] });
      await deps.audit.append({
        type: 'travel-documents.withdrawn',
        actorId: actor.id,
        state: me.state,
        subjectId: id,
        data: { state: me.state, count: 1, reason: input.reason },
      });
    }
    entry = await ownEntry(deps, me.state, id);
  }
  return ownEntryView(entry);
}

/** After a network rotation: the state's entries under the current network epoch, each at its version. */
export async function rekeyEntries(
  deps: TravelDocumentsDeps,
  actor: User,
  input: RekeyEntriesRequest,
): Promise<RekeyEntriesResponse> {
  const { me } = await requireHolder(deps, actor);
  await requireCurrentEpochs(deps, me.state, {
    networkEpoch: requireOneEpoch(
      input.entries.map((e) => e.networkEpoch),
      'network',
    ),
  });
  const stored = new Map((await deps.entries.findMany(input.entries.map((e) => e.id))).map((e) => [e.id, e]));
  const at = deps.clock.now();
  const results: RekeyEntriesResponse['results'] = [];
  const added: SyncRow[] = [];
  const removed: SyncRow[] = [];
  for (const upload of input.entries) {
    const entry = stored.get(upload.id);
    if (!entry || entry.state !== me.state) {
      results.push({ id: upload.id, outcome: 'not-found', version: null });
      continue;
    }
    if (entry.status === 'withdrawn') {
      results.push({ id: upload.id, outcome: 'withdrawn', version: entry.version });
      continue;
    }
    const replaced =
      entry.version === upload.version &&
      (await deps.entries.replace(
        upload.id,
        upload.version,
        {
          networkEpoch: upload.networkEpoch,
          tag: upload.tag,
          details: upload.details,
          updatedAt: at,
        },
        { nextVersion: false },
      ));
    if (!replaced) {
      results.push({
        id: upload.id,
        outcome: 'conflict',
        version: (await deps.entries.find(upload.id))?.version ?? null,
      });
      continue;
    }
    removed.push(syncRowOf(entry));
    added.push(syncRowOf({ id: upload.id, state: me.state, networkEpoch: upload.networkEpoch, tag: upload.tag }));
    results.push({ id: upload.id, outcome: 'rekeyed', version: upload.version });
  }
  if (added.length > 0) {
    await deps.changes.append({ at, added, removed });
    await deps.audit.append({
      type: 'travel-documents.rekeyed',
      actorId: actor.id,
      state: me.state,
      subjectId: me.state,
      data: { state: me.state, count: added.length, networkEpoch: input.entries[0]?.networkEpoch ?? 0 },
    });
  }
  return { results };
}
