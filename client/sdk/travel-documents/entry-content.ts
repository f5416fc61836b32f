import { z } from 'zod';
import { DocumentType, ListingStatus, type OwnEntryView } from '../../../shared/schemas/travel-documents.js';
import type { NormalisedListing } from '../../../shared/travel-documents/inputs.js';
import { documentIdentity } from '../../../shared/travel-documents/normalise.js';
import {
  documentTag,
  newEntryId,
  openOwn,
  sealDetails,
  sealOwn,
} from '../../../shared/travel-documents/keyed-crypto.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { OwnListing } from './types.js';

/** What a screener who knows the number reads of an entry. */
export const EntryDetails = z.object({
  issuingState: z.string(),
  documentType: DocumentType,
  status: ListingStatus,
  date: z.string(),
  notes: z.string().optional(),
});
export type EntryDetails = z.infer<typeof EntryDetails>;

/** The listing state's own copy: the details and the number. */
export const OwnCopy = EntryDetails.extend({ number: z.string() });
export type OwnCopy = z.infer<typeof OwnCopy>;

export const detailsOf = (
  listing: Pick<NormalisedListing, 'issuingState' | 'documentType' | 'status' | 'date'> & {
    notes?: string | undefined;
  },
): EntryDetails => ({
  issuingState: listing.issuingState,
  documentType: listing.documentType,
  status: listing.status,
  date: listing.date,
  ...(listing.notes ? { notes: listing.notes } : {}),
});

export interface Keys {
  network: { epoch: number; key: Uint8Array };
  state: { epoch: number; key: Uint8Array };
}

/** A new entry, keyed and sealed: tag and details under the network key, own copy under the state key. */
export async function sealNewEntry(state: string, listing: NormalisedListing, keys: Keys) {
  const id = await newEntryId();
  const version = 1;
  return {
    id,
    networkEpoch: keys.network.epoch,
    tag: toBase64Url(await documentTag(keys.network.key, listing.identity)),
    details: await sealDetails(
      keys.network.key,
      listing.identity,
      { id, state, networkEpoch: keys.network.epoch, version },
      detailsOf(listing),
    ),
    own: {
      stateEpoch: keys.state.epoch,
      ciphertext: await sealOwn(
        keys.state.key,
        { id, state, version },
        { ...detailsOf(listing), number: listing.number },
      ),
    },
  };
}

export const identityOfCopy = (copy: OwnCopy): string => documentIdentity(copy.issuingState, copy.number);

/** Opens an entry's own copy with the state key of its epoch. */
export async function openOwnCopy(state: string, entry: OwnEntryView, stateKey: Uint8Array): Promise<OwnCopy> {
  return OwnCopy.parse(await openOwn(stateKey, { id: entry.id, state, version: entry.version }, entry.own.ciphertext));
}

export const ownListingOf = (entry: OwnEntryView, copy: OwnCopy): OwnListing => ({
  id: entry.id,
  version: entry.version,
  state: entry.status,
  issuingState: copy.issuingState,
  documentType: copy.documentType,
  number: copy.number,
  status: copy.status,
  date: copy.date,
  ...(copy.notes ? { notes: copy.notes } : {}),
  listedAt: entry.listedAt,
  updatedAt: entry.updatedAt,
  withdrawnAt: entry.withdrawnAt,
  withdrawReason: entry.withdrawReason,
});
