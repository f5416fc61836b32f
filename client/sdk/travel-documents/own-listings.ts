import { toBase64Url } from '../../../shared/crypto/encoding.js';
import {
  TRAVEL_DOCUMENT_LIMITS,
  type OwnEntryView,
  type RekeyEntriesRequest,
} from '../../../shared/schemas/travel-documents.js';
import { checkListing } from '../../../shared/travel-documents/inputs.js';
import { documentTag, sealDetails, sealOwn } from '../../../shared/travel-documents/keyed-crypto.js';
import { ApiError } from '../api-error.js';
import type { TravelDocumentsApi } from '../api/travel-documents-api.js';
import { detailsOf, identityOfCopy, openOwnCopy, ownListingOf, type Keys } from './entry-content.js';
import type { ListingInput, OwnListing } from './types.js';

type RekeyEntry = RekeyEntriesRequest['entries'][number];

/**
 * After the network ring was rotated: the state's listings still under an older network epoch,
 * read from their own copies (state ring) and keyed again under the current epoch, at the same
 * version. An entry changed meanwhile is left for the next run.
 */
export async function rekeyStateListings(
  api: TravelDocumentsApi,
  state: string,
  network: { epoch: number; key: Uint8Array },
  stateKeys: ReadonlyMap<number, Uint8Array>,
): Promise<number> {
  let rekeyed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await api.mine({
      status: 'listed',
      epochBelow: network.epoch,
      limit: TRAVEL_DOCUMENT_LIMITS.entriesPerCall,
      ...(after ? { after } : {}),
    });
    const entries: RekeyEntry[] = [];
    for (const entry of page.entries) {
      const stateKey = stateKeys.get(entry.own.stateEpoch);
      if (!stateKey) continue;
      const copy = await openOwnCopy(state, entry, stateKey);
      const identity = identityOfCopy(copy);
      entries.push({
        id: entry.id,
        version: entry.version,
        networkEpoch: network.epoch,
        tag: toBase64Url(await documentTag(network.key, identity)),
        details: await sealDetails(
          network.key,
          identity,
          { id: entry.id, state, networkEpoch: network.epoch, version: entry.version },
          detailsOf(copy),
        ),
      });
    }
    if (entries.length > 0)
      rekeyed += (await api.rekey({ entries })).results.filter((result) => result.outcome === 'rekeyed').length;
    if (!page.next) return rekeyed;
    after = page.next;
  }
}

/** One own entry by id: ids sort as strings, so the page after the id cut by its last character starts with it. */
async function ownEntry(api: TravelDocumentsApi, id: string): Promise<OwnEntryView> {
  const page = await api.mine({ status: 'all', after: id.slice(0, -1), limit: 5 });
  const entry = page.entries.find((candidate) => candidate.id === id);
  if (!entry) throw new ApiError(404, 'travel-documents.not-found', 'no listing of your state has this id');
  return entry;
}

/** A new version of a listing: status, date or notes changed, sealed again under the current keys. */
export async function updateListing(
  api: TravelDocumentsApi,
  state: string,
  keys: Keys,
  stateKeys: ReadonlyMap<number, Uint8Array>,
  id: string,
  version: number,
  changes: Partial<Pick<ListingInput, 'status' | 'date' | 'notes'>>,
  today: string,
): Promise<OwnListing> {
  const entry = await ownEntry(api, id);
  const stateKey = stateKeys.get(entry.own.stateEpoch);
  if (!stateKey)
    throw new ApiError(409, 'travel-documents.not-holder', "your state's key for this listing is not held");
  const copy = await openOwnCopy(state, entry, stateKey);
  const checked = checkListing(
    {
      issuingState: copy.issuingState,
      documentType: copy.documentType,
      number: copy.number,
      status: changes.status ?? copy.status,
      date: changes.date ?? copy.date,
      ...('notes' in changes
        ? changes.notes === undefined
          ? {}
          : { notes: changes.notes }
        : copy.notes
          ? { notes: copy.notes }
          : {}),
    },
    today,
  );
  if (!checked.ok) throw new ApiError(400, 'validation.failed', checked.problem.message);
  const next = version + 1;
  const listing = checked.value;
  const updated = await api.update(id, {
    version,
    networkEpoch: keys.network.epoch,
    details: await sealDetails(
      keys.network.key,
      listing.identity,
      { id, state, networkEpoch: keys.network.epoch, version: next },
      detailsOf(listing),
    ),
    own: {
      stateEpoch: keys.state.epoch,
      ciphertext: await sealOwn(
        keys.state.key,
        { id, state, version: next },
        { ...detailsOf(listing), number: listing.number },
      ),
    },
  });
  return ownListingOf(updated, await openOwnCopy(state, updated, keys.state.key));
}
