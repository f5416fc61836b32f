import type { UserKeys } from '../../../shared/crypto/keys.js';
import {
  RING_NETWORK,
  ringOfState,
  TRAVEL_DOCUMENT_LIMITS,
  type RingView,
} from '../../../shared/schemas/travel-documents.js';
import { checkListing, screeningIdentity, type NormalisedListing } from '../../../shared/travel-documents/inputs.js';
import { newEntryId, clearedMarker } from '../../../shared/travel-documents/keyed-crypto.js';
import { parseListingCsv } from '../../../shared/travel-documents/listing-csv.js';
import { parseManifestCsv } from '../../../shared/travel-documents/manifest-csv.js';
import { ListingMatcher } from '../../../shared/travel-documents/matcher.js';
import { ApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import type { TravelDocumentsApi } from '../api/travel-documents-api.js';
import { openOwnCopy, ownListingOf, sealNewEntry, type Keys } from './entry-content.js';
import { rekeyStateListings, updateListing } from './own-listings.js';
import { RingKeys, rotateIfNeeded, shareWithNewcomers } from './ring-keys.js';
import { clearedChecker, confirmCandidates, localCandidates, type Screenable } from './screening.js';
import type {
  InputProblem,
  ListingOutcome,
  OwnListing,
  PrepareOutcome,
  ScreeningInput,
  ScreeningResult,
  TravelDocumentsClient,
} from './types.js';

const today = (now: () => number): string => new Date(now()).toISOString().slice(0, 10);

export function travelDocumentsClient(deps: {
  api: TravelDocumentsApi;
  session: SessionManager;
  keyStore: KeyStore;
  now?: () => number;
}): TravelDocumentsClient {
  const { api } = deps;
  const now = deps.now ?? (() => Date.now());
  const ringKeys = new RingKeys();
  const matcher = new ListingMatcher();
  let syncedAt: string | undefined;

  const me = (): { keys: UserKeys; state: string } => {
    const keys = deps.keyStore.get()?.keys;
    const state = deps.session.current()?.user.state;
    if (!keys || !state) throw new ApiError(0, 'client.keys-locked', 'unlock your keys to use travel documents');
    return { keys, state };
  };

  const epochKeys = (ring: string): Map<number, Uint8Array> =>
    new Map(
      ringKeys.epochs(ring).flatMap((epoch) => {
        const key = ringKeys.get(ring, epoch);
        return key ? [[epoch, key] as const] : [];
      }),
    );

  /** The current epoch's key of a ring, or a clear refusal while no holder has shared it yet. */
  const currentKey = (view: RingView | undefined, ring: string): { epoch: number; key: Uint8Array } => {
    const key = view ? ringKeys.get(ring, view.epoch) : undefined;
    if (!view || !key)
      throw new ApiError(
        409,
        'travel-documents.not-holder',
        'the screening key has not reached you yet: another holder shares it when their client next syncs',
      );
    return { epoch: view.epoch, key };
  };

  async function prepareRings(): Promise<{ outcome: PrepareOutcome; network?: RingView; own?: RingView }> {
    const { keys, state } = me();
    let status = await api.status();
    if (!status.holder)
      throw new ApiError(403, 'travel-documents.not-holder', status.reason?.en ?? 'you hold no travel-documents key');
    const rotated: string[] = [];
    for (const view of status.rings) {
      await ringKeys.learn(view, keys);
      if (await rotateIfNeeded(api, ringKeys, keys, view)) rotated.push(view.ring);
    }
    if (rotated.length > 0) {
      status = await api.status();
      for (const view of status.rings) await ringKeys.learn(view, keys);
    }
    let sharedWith = 0;
    for (const view of status.rings) sharedWith += await shareWithNewcomers(api, ringKeys, keys, view);
    const network = status.rings.find((view) => view.ring === RING_NETWORK);
    const own = status.rings.find((view) => view.ring === ringOfState(state));
    let rekeyed = 0;
    const networkKey = network && ringKeys.get(RING_NETWORK, network.epoch);
    if (network && networkKey && own)
      rekeyed = await rekeyStateListings(api, state, { epoch: network.epoch, key: networkKey }, epochKeys(own.ring));
    return {
      outcome: { networkEpoch: network?.epoch ?? 0, sharedWith, rotated, rekeyed },
      ...(network ? { network } : {}),
      ...(own ? { own } : {}),
    };
  }

  async function listingKeys(): Promise<{ state: string; keys: Keys; stateKeys: Map<number, Uint8Array> }> {
    const { state } = me();
    const { network, own } = await prepareRings();
    return {
      state,
      keys: { network: currentKey(network, RING_NETWORK), state: currentKey(own, ringOfState(state)) },
      stateKeys: epochKeys(ringOfState(state)),
    };
  }

  /** Lists checked documents in calls of at most 1000; `at` says where each came from. */
  async function listChecked(
    rows: ReadonlyArray<{ at: number; listing: NormalisedListing }>,
    kind: InputProblem['kind'],
    problems: InputProblem[],
  ): Promise<ListingOutcome> {
    const outcome: ListingOutcome = { listed: 0, duplicates: [], problems };
    if (rows.length === 0) return outcome;
    const { state, keys } = await listingKeys();
    const seen = new Set<string>();
    const fresh: Array<{ at: number; listing: NormalisedListing }> = [];
    for (const row of rows) {
      if (seen.has(row.listing.identity))
        outcome.duplicates.push({ at: row.at, kind, message: 'the same document appears earlier in this list' });
      else fresh.push(row);
      seen.add(row.listing.identity);
    }
    for (let start = 0; start < fresh.length; start += TRAVEL_DOCUMENT_LIMITS.entriesPerCall) {
      const batch = fresh.slice(start, start + TRAVEL_DOCUMENT_LIMITS.entriesPerCall);
      const entries = await Promise.all(batch.map((row) => sealNewEntry(state, row.listing, keys)));
      const { results } = await api.list({ entries });
      results.forEach((result, i) => {
        const row = batch[i];
        if (!row) return;
        if (result.outcome === 'listed') outcome.listed++;
        else
          outcome.duplicates.push({
            at: row.at,
            kind,
            message: `already listed by ${state} (entry ${result.duplicateOf ?? '?'})`,
          });
      });
    }
    return outcome;
  }

  async function ownPage(status: 'listed' | 'withdrawn' | 'all'): Promise<OwnListing[]> {
    const { state } = me();
    const { own } = await prepareRings();
    const stateKeys = epochKeys(own?.ring ?? ringOfState(state));
    const listings: OwnListing[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await api.mine({ status, limit: 1000, ...(after ? { after } : {}) });
      for (const entry of page.entries) {
        const key = stateKeys.get(entry.own.stateEpoch);
        if (!key) continue;
        // One copy that does not open (changed on the server) must not hide the others.
        const copy = await openOwnCopy(state, entry, key).catch(() => undefined);
        if (copy) listings.push(ownListingOf(entry, copy));
      }
      if (!page.next) return listings;
      after = page.next;
    }
  }

  async function sync() {
    me();
    const known = matcher.cursor === undefined ? [] : matcher.states;
    const bytes = await api.sync(matcher.cursor ?? 0, known);
    const header = matcher.applyStream(bytes);
    syncedAt = new Date(now()).toISOString();
    return { entries: matcher.size, states: matcher.states, full: header.full, bytes: bytes.length };
  }

  async function screenPrepared(documents: Screenable[], problems: InputProblem[]): Promise<ScreeningResult> {
    const { state } = me();
    await prepareRings();
    if (matcher.cursor === undefined) await sync();
    const networkKeys = epochKeys(RING_NETWORK);
    const candidates = await localCandidates(documents, matcher, networkKeys);
    let isCleared: ((entryId: string, version: number) => Promise<boolean>) | undefined;
    const { hits, clearedHits } = await confirmCandidates(
      api,
      candidates,
      matcher,
      networkKeys,
      async (id, version) => {
        isCleared ??= await clearedChecker(api, epochKeys(ringOfState(state)));
        return isCleared(id, version);
      },
    );
    if (documents.length > 0)
      await api.reportScreening({ id: await newEntryId(), screened: documents.length, hits: hits.length });
    return {
      screened: documents.length,
      hits,
      clearedHits,
      problems,
      states: matcher.states,
      syncedAt: syncedAt ?? new Date(now()).toISOString(),
    };
  }

  const prepareScreenable = (
    at: number,
    input: ScreeningInput,
    kind: InputProblem['kind'],
    documents: Screenable[],
    problems: InputProblem[],
  ) => {
    const checked = screeningIdentity(input);
    if (checked.ok) documents.push({ at, input, identity: checked.value.identity, number: checked.value.number });
    else problems.push({ at, kind, message: checked.problem.message });
  };

  return {
    status: () => api.status(),
    prepare: async () => (await prepareRings()).outcome,
    async list(documents) {
      const problems: InputProblem[] = [];
      const rows: Array<{ at: number; listing: NormalisedListing }> = [];
      documents.forEach((document, at) => {
        const checked = checkListing(document, today(now));
        if (checked.ok) rows.push({ at, listing: checked.value });
        else problems.push({ at, kind: 'index', message: checked.problem.message });
      });
      return listChecked(rows, 'index', problems);
    },
    async importCsv(text) {
      const parsed = parseListingCsv(text, today(now));
      const problems = parsed.problems.map((p): InputProblem => ({ at: p.line, kind: 'line', message: p.message }));
      return listChecked(
        parsed.rows.map((row) => ({ at: row.line, listing: row.listing })),
        'line',
        problems,
      );
    },
    mine: (options) => ownPage(options?.status ?? 'listed'),
    async update(id, version, changes) {
      const { state, keys, stateKeys } = await listingKeys();
      return updateListing(api, state, keys, stateKeys, id, version, changes, today(now));
    },
    async withdraw(id, reason) {
      const { state } = me();
      const { own } = await prepareRings();
      const entry = await api.withdraw(id, { reason });
      const key = epochKeys(own?.ring ?? ringOfState(state)).get(entry.own.stateEpoch);
      if (!key) throw new ApiError(409, 'travel-documents.not-holder', "your state's key for this listing is not held");
      return ownListingOf(entry, await openOwnCopy(state, entry, key));
    },
    async sync() {
      await prepareRings();
      return sync();
    },
    async screen(inputs) {
      const documents: Screenable[] = [];
      const problems: InputProblem[] = [];
      inputs.forEach((input, at) => prepareScreenable(at, input, 'index', documents, problems));
      return screenPrepared(documents, problems);
    },
    async screenCsv(text) {
      const parsed = parseManifestCsv(text);
      const documents: Screenable[] = [];
      const problems = parsed.problems.map((p): InputProblem => ({ at: p.line, kind: 'line', message: p.message }));
      for (const row of parsed.rows) prepareScreenable(row.line, row.input, 'line', documents, problems);
      problems.sort((a, b) => a.at - b.at);
      return screenPrepared(documents, problems);
    },
    async clear(hit) {
      const { state } = me();
      const { own } = await prepareRings();
      const { epoch, key } = currentKey(own, ringOfState(state));
      await api.addCleared({ stateEpoch: epoch, marker: await clearedMarker(key, hit.entryId, hit.version) });
    },
    setParticipation: (participating) => api.setParticipation(participating),
  };
}
