import { z } from 'zod';
import { base64UrlBytes, base64UrlMax } from '../crypto/encoding.js';
import { PublicKeyBundle, SignatureString } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';

/**
 * Lost and stolen travel documents (architecture: "Lost and stolen travel documents"). The server
 * holds keyed tags and ciphertexts only: every document number is keyed with the network
 * screening key, which only the holders' clients have.
 */

export const DOCUMENT_TYPES = [
  'passport',
  'identity-card',
  'visa',
  'residence-permit',
  'travel-document',
  'other',
] as const;
export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

export const LISTING_STATUSES = ['lost', 'stolen', 'revoked', 'invalidated'] as const;
export const ListingStatus = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatus>;

export const TRAVEL_DOCUMENT_LIMITS = {
  /** Entries per listing call (the SDK splits a CSV import into calls of this size). */
  entriesPerCall: 1000,
  /** Sealed details of one entry (what a screener who knows the number reads), base64url characters. */
  detailsChars: 2000,
  /** The listing state's own copy (number, type, details), base64url characters. */
  ownChars: 2400,
  /** Hex characters of a bucket prefix: at least 2 (1 byte), at most 6, so a bucket stays a crowd. */
  bucketPrefixMin: 2,
  bucketPrefixMax: 6,
  /** Bytes of a tag carried by the sync stream (the full tag is 32 bytes). */
  syncTagBytes: 8,
} as const;

/** Key rings: the network's screening key, and each participating state's own key (its listings' plaintext). */
export const RING_NETWORK = 'network';
export const ringOfState = (state: string): string => `state:${state}`;
export const RingId = z.string().regex(/^(?:network|state:[A-Z]{2})$/, 'a key ring: "network" or "state:XX"');

/** One epoch's ring key, sealed (crypto_box_seal) to one holder and signed by the granter. */
export const RingGrantUpload = z
  .object({
    holderId: Id,
    keyVersion: z.number().int().positive(),
    sealedKey: base64UrlMax(400),
    signature: SignatureString,
  })
  .strict();
export type RingGrantUpload = z.infer<typeof RingGrantUpload>;

export const RotateRingRequest = z
  .object({ epoch: z.number().int().positive(), grants: z.array(RingGrantUpload).max(5000) })
  .strict();
export type RotateRingRequest = z.infer<typeof RotateRingRequest>;

export const AddRingGrantsRequest = z
  .object({ epoch: z.number().int().positive(), grants: z.array(RingGrantUpload).min(1).max(500) })
  .strict();
export type AddRingGrantsRequest = z.infer<typeof AddRingGrantsRequest>;

export const RingHolder = z.object({
  userId: Id,
  state: StateCode,
  keyVersion: z.number().int().positive(),
  keys: PublicKeyBundle,
});
export type RingHolder = z.infer<typeof RingHolder>;

export const RingGrantView = z.object({
  ring: RingId,
  epoch: z.number().int().positive(),
  holderId: Id,
  keyVersion: z.number().int().positive(),
  sealedKey: z.string(),
  signature: z.string(),
  grantedBy: Id,
  granterKeys: PublicKeyBundle.nullable(),
});
export type RingGrantView = z.infer<typeof RingGrantView>;

/** A ring as one holder sees it: the epoch, their grants, whom they can share with, who holds it now. */
export const RingView = z.object({
  ring: RingId,
  /** 0 before the first key. */
  epoch: z.number().int().min(0),
  /** A holder of the current epoch is a holder no more: the next client to use the ring opens a new epoch. */
  rotationNeeded: z.boolean(),
  myGrants: z.array(RingGrantView),
  pending: z.array(z.object({ epoch: z.number().int().positive(), holder: RingHolder })),
  holders: z.array(RingHolder),
});
export type RingView = z.infer<typeof RingView>;

/** What a person may do here and the state of the scheme for them. */
export const TravelDocumentsStatus = z.object({
  /** Their state takes part (set by its national admins). */
  participating: z.boolean(),
  /** A holder: an active border or law-enforcement focal point of a participating state, with verified keys. */
  holder: z.boolean(),
  /** Why not, when not (EN/RU). */
  reason: z.object({ en: z.string(), ru: z.string() }).nullable(),
  /** Network setting by consensus: a state that lists nothing receives no one's listings. */
  reciprocity: z.boolean(),
  rings: z.array(RingView),
});
export type TravelDocumentsStatus = z.infer<typeof TravelDocumentsStatus>;

export const ParticipationRequest = z.object({ participating: z.boolean() }).strict();
export type ParticipationRequest = z.infer<typeof ParticipationRequest>;

const Tag = base64UrlBytes(32);
const EntryId = base64UrlBytes(16);

/** One listing as its state's client uploads it. The id is chosen by the client (a retry is the same entry). */
export const EntryUpload = z
  .object({
    id: EntryId,
    /** The network epoch whose key made the tag and the details key. */
    networkEpoch: z.number().int().positive(),
    tag: Tag,
    details: base64UrlMax(TRAVEL_DOCUMENT_LIMITS.detailsChars),
    own: z
      .object({ stateEpoch: z.number().int().positive(), ciphertext: base64UrlMax(TRAVEL_DOCUMENT_LIMITS.ownChars) })
      .strict(),
  })
  .strict();
export type EntryUpload = z.infer<typeof EntryUpload>;

export const ListEntriesRequest = z
  .object({ entries: z.array(EntryUpload).min(1).max(TRAVEL_DOCUMENT_LIMITS.entriesPerCall) })
  .strict();
export type ListEntriesRequest = z.infer<typeof ListEntriesRequest>;

/** Per entry: listed (now or by an earlier try with the same id), or the same document is already listed by the state. */
export const ListEntriesResponse = z.object({
  results: z.array(
    z.object({ id: z.string(), outcome: z.enum(['listed', 'duplicate']), duplicateOf: z.string().optional() }),
  ),
});
export type ListEntriesResponse = z.infer<typeof ListEntriesResponse>;

export const UpdateEntryRequest = z
  .object({
    /** The version being replaced; the stored one becomes version + 1. */
    version: z.number().int().positive(),
    networkEpoch: z.number().int().positive(),
    details: base64UrlMax(TRAVEL_DOCUMENT_LIMITS.detailsChars),
    own: EntryUpload.shape.own,
  })
  .strict();
export type UpdateEntryRequest = z.infer<typeof UpdateEntryRequest>;

export const WITHDRAW_REASONS = ['recovered', 'listed-in-error', 'expired'] as const;
export const WithdrawEntryRequest = z.object({ reason: z.enum(WITHDRAW_REASONS) }).strict();
export type WithdrawEntryRequest = z.infer<typeof WithdrawEntryRequest>;

/** After a network rotation: the listing state's client re-keys its entries under the new epoch. */
export const RekeyEntriesRequest = z
  .object({
    entries: z
      .array(
        z
          .object({
            id: EntryId,
            version: z.number().int().positive(),
            networkEpoch: z.number().int().positive(),
            tag: Tag,
            details: base64UrlMax(TRAVEL_DOCUMENT_LIMITS.detailsChars),
          })
          .strict(),
      )
      .min(1)
      .max(TRAVEL_DOCUMENT_LIMITS.entriesPerCall),
  })
  .strict();
export type RekeyEntriesRequest = z.infer<typeof RekeyEntriesRequest>;

/** The listing state's own entries, for its holders (the plaintext is in `own`, under the state ring). */
export const OwnEntryView = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  status: z.enum(['listed', 'withdrawn']),
  networkEpoch: z.number().int().positive(),
  own: EntryUpload.shape.own,
  listedAt: z.string(),
  updatedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.enum(WITHDRAW_REASONS).nullable(),
});
export type OwnEntryView = z.infer<typeof OwnEntryView>;

export const OwnEntriesQuery = z
  .object({
    status: z.enum(['listed', 'withdrawn', 'all']).default('listed'),
    /** Only entries keyed under an older network epoch than this (what needs re-keying). */
    epochBelow: z.coerce.number().int().positive().optional(),
    /** Paging: entries after this id (ids sort as strings). */
    after: z.string().max(30).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type OwnEntriesQuery = z.infer<typeof OwnEntriesQuery>;

/** A bucket: every current entry the caller may screen against whose tag starts with the prefix (k-anonymity). */
export const BucketEntry = z.object({
  id: z.string(),
  state: StateCode,
  networkEpoch: z.number().int().positive(),
  tag: z.string(),
  version: z.number().int().positive(),
  details: z.string(),
  /** When the state listed it (metadata the server has anyway): the officer sees how old a listing is. */
  listedAt: z.string(),
});
export type BucketEntry = z.infer<typeof BucketEntry>;

/** Counts a screening client reports (the server never learns which documents). Idempotent per id. */
export const ScreeningReport = z
  .object({
    id: EntryId,
    screened: z.number().int().min(1).max(10_000_000),
    hits: z.number().int().min(0),
  })
  .strict()
  .refine((report) => report.hits <= report.screened, {
    message: 'hits cannot exceed documents screened',
    path: ['hits'],
  });
export type ScreeningReport = z.infer<typeof ScreeningReport>;

/** A cleared hit, as a marker keyed with the screening state's ring key: opaque to the server. */
export const ClearedMarker = z.object({ stateEpoch: z.number().int().positive(), marker: Tag }).strict();
export type ClearedMarker = z.infer<typeof ClearedMarker>;

/** Every member state: whether it takes part and how many current listings it has (review statistics). */
export const StateListings = z.object({ state: StateCode, participating: z.boolean(), listings: z.number().int() });
export type StateListings = z.infer<typeof StateListings>;

export const OwnEntriesPage = z.object({ entries: z.array(OwnEntryView), next: z.string().nullable() });
export type OwnEntriesPage = z.infer<typeof OwnEntriesPage>;

/** Per entry of a re-key call: re-keyed, or why not (the version is the stored one, when there is one). */
export const RekeyEntriesResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['rekeyed', 'conflict', 'withdrawn', 'not-found']),
      version: z.number().int().positive().nullable(),
    }),
  ),
});
export type RekeyEntriesResponse = z.infer<typeof RekeyEntriesResponse>;

export const EntryParams = z.object({ id: EntryId }).strict();
export const RingParams = z.object({ ring: RingId }).strict();

export const SyncQuery = z
  .object({
    /** The cursor of the last sync (0 or absent: a full stream). */
    since: z.coerce.number().int().min(0).default(0),
    /** Listing states the caller holds now, comma-separated. */
    known: z
      .string()
      .max(3 * 300)
      .regex(/^(?:[A-Z]{2}(?:,[A-Z]{2})*)?$/, 'states as comma-separated ISO alpha-2 codes')
      .default(''),
  })
  .strict();
export type SyncQuery = z.infer<typeof SyncQuery>;

export const BucketParams = z
  .object({
    prefix: z
      .string()
      .regex(
        new RegExp(
          `^[0-9a-fA-F]{${TRAVEL_DOCUMENT_LIMITS.bucketPrefixMin},${TRAVEL_DOCUMENT_LIMITS.bucketPrefixMax}}$`,
        ),
        `a bucket prefix is ${TRAVEL_DOCUMENT_LIMITS.bucketPrefixMin} to ${TRAVEL_DOCUMENT_LIMITS.bucketPrefixMax} hex characters`,
      ),
  })
  .strict();
export const BucketResponse = z.object({ entries: z.array(BucketEntry) });
export type BucketResponse = z.infer<typeof BucketResponse>;

/** A state's screening counts of one month ("YYYY-MM", UTC). */
export const MonthlyScreenings = z.object({
  state: StateCode,
  month: z.string(),
  screened: z.number().int(),
  hits: z.number().int(),
  reports: z.number().int(),
});
export type MonthlyScreenings = z.infer<typeof MonthlyScreenings>;

export const ClearedMarkers = z.object({ markers: z.array(ClearedMarker) });
export type ClearedMarkers = z.infer<typeof ClearedMarkers>;

export const StatisticsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

/** Counts only, per state: the server never knows which documents. */
export const TravelDocumentStatistics = z.object({
  year: z.number().int(),
  states: z.array(
    z.object({
      state: StateCode,
      participating: z.boolean(),
      listedInYear: z.number().int(),
      withdrawnInYear: z.number().int(),
      current: z.number().int(),
      months: z.array(MonthlyScreenings.omit({ state: true })),
    }),
  ),
});
export type TravelDocumentStatistics = z.infer<typeof TravelDocumentStatistics>;
