import { z } from 'zod';
import { base64UrlMax, base64UrlBytes } from '../crypto/encoding.js';
import { PublicKeyBundle, SignatureString } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { Audience, AudienceMember } from './audience.js';
import { LanguageCode } from './directory.js';
import { DomainCode, StateCode } from './labels.js';

export const LIBRARY_KINDS = [
  'best-practice',
  'seminar-material',
  'legislation-summary',
  'adopted-document',
  'other',
] as const;
export const LibraryKind = z.enum(LIBRARY_KINDS);
export type LibraryKind = z.infer<typeof LibraryKind>;

/** Limits on plaintext, checked by the client before sealing and on ciphertext by the server. */
export const LIBRARY_LIMITS = {
  /** The body text (Markdown or plain), UTF-8 bytes. */
  textBytes: 96 * 1024,
  /** Title, summary, tags and the files' names and keys, as sealed JSON. */
  metaBytes: 8 * 1024,
  fileBytes: 20 * 2 ** 20,
  versionBytes: 40 * 2 ** 20,
  filesPerVersion: 10,
} as const;

/** Length of secretbox (24-byte nonce + 16-byte tag) around `bytes`, base64url. */
export const sealedLength = (bytes: number): number => Math.ceil(((bytes + 40) * 4) / 3);

/** The shelf key of one epoch, sealed (crypto_box_seal) to one reader and signed by whoever granted it. */
export const GrantUpload = z
  .object({
    readerId: Id,
    /** The reader's key version it was sealed to. */
    keyVersion: z.number().int().positive(),
    sealedKey: base64UrlMax(400),
    /** Ed25519 by the granter over the canonical grant statement (see client/sdk/library/shelf-keys.ts). */
    signature: SignatureString,
  })
  .strict();
export type GrantUpload = z.infer<typeof GrantUpload>;

export const ShelfParams = z.object({ audience: z.string().max(60) });

export const RotateShelfRequest = z
  .object({
    /** The shelf's current epoch plus one. */
    epoch: z.number().int().positive(),
    grants: z.array(GrantUpload).max(5000),
  })
  .strict();
export type RotateShelfRequest = z.infer<typeof RotateShelfRequest>;

export const AddGrantsRequest = z
  .object({ epoch: z.number().int().positive(), grants: z.array(GrantUpload).min(1).max(500) })
  .strict();
export type AddGrantsRequest = z.infer<typeof AddGrantsRequest>;

/** A grant as its reader receives it, with the granter's verified public keys to check the signature. */
export const GrantView = z.object({
  audience: z.string(),
  epoch: z.number().int().positive(),
  readerId: Id,
  keyVersion: z.number().int().positive(),
  sealedKey: z.string(),
  signature: z.string(),
  grantedBy: Id,
  granterKeys: PublicKeyBundle.nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

/** A reader lacking the key of an epoch: any holder of that epoch may grant it. */
export const PendingGrant = z.object({ epoch: z.number().int().positive(), reader: AudienceMember });
export type PendingGrant = z.infer<typeof PendingGrant>;

export const ShelfView = z.object({
  audience: Audience,
  audienceKey: z.string(),
  /** 0 before anything was published to it. */
  epoch: z.number().int().min(0),
  /** A reader of the current epoch is no longer a reader: the next publisher opens a new epoch. */
  rotationNeeded: z.boolean(),
  /** Whether the caller may publish here. */
  mayPublish: z.boolean(),
  /** The caller's grants, every epoch. */
  myGrants: z.array(GrantView),
  /** Readers lacking an epoch the caller holds (what the caller can share now). */
  pending: z.array(PendingGrant),
  /** Every current reader with verified keys: given to publishers, who seal a new epoch to them. */
  readers: z.array(AudienceMember),
});
export type ShelfView = z.infer<typeof ShelfView>;

export const LibraryRefs = z
  .object({ eventId: z.string().min(1).max(64).optional(), proposalId: Id.optional() })
  .strict();
export type LibraryRefs = z.infer<typeof LibraryRefs>;

export const LibraryFileRef = z.object({ id: Id, size: z.number().int().positive() }).strict();

/** One version as the author's client uploads it: everything revealing is ciphertext. */
export const PublishVersionRequest = z
  .object({
    epoch: z.number().int().positive(),
    language: LanguageCode,
    /** The item key, secretbox-wrapped under the shelf key of `epoch`. */
    wrappedKey: base64UrlBytes(24 + 32 + 16),
    /** Sealed JSON: title, summary, tags, files' names, types and keys. */
    meta: base64UrlMax(400_000),
    /** Sealed body text; absent when the version is files only. Over the limit: `library.too-large`. */
    text: base64UrlMax(400_000).optional(),
    files: z.array(LibraryFileRef).max(LIBRARY_LIMITS.filesPerVersion),
    /** Ed25519 over the canonical version header. */
    signature: SignatureString,
  })
  .strict();
export type PublishVersionRequest = z.infer<typeof PublishVersionRequest>;

export const PublishNewVersionRequest = PublishVersionRequest.extend({
  /** The version number the author signed: the item's latest plus one. */
  version: z.number().int().min(2),
}).strict();
export type PublishNewVersionRequest = z.infer<typeof PublishNewVersionRequest>;

export const PublishItemRequest = PublishVersionRequest.extend({
  /** Made by the author's client (it is in the signed header). */
  itemId: Id,
  audience: Audience,
  kind: LibraryKind,
  domain: DomainCode.optional(),
  refs: LibraryRefs.optional(),
}).strict();
export type PublishItemRequest = z.infer<typeof PublishItemRequest>;

export const LibraryAuthor = z.object({
  userId: Id,
  state: StateCode.nullable(),
  displayName: z.string(),
  keyVersion: z.number().int().positive(),
  /** The author's verified identity key now; null when they have none verified. */
  identityKey: z.string().nullable(),
  currentKeyVersion: z.number().int().positive().nullable(),
});
export type LibraryAuthor = z.infer<typeof LibraryAuthor>;

export const LibraryVersionView = z.object({
  itemId: Id,
  version: z.number().int().positive(),
  epoch: z.number().int().positive(),
  language: LanguageCode,
  wrappedKey: z.string(),
  meta: z.string(),
  text: z.string().nullable(),
  files: z.array(LibraryFileRef),
  signature: z.string(),
  author: LibraryAuthor,
  createdAt: z.string(),
});
export type LibraryVersionView = z.infer<typeof LibraryVersionView>;

export const LibraryItemView = z.object({
  id: Id,
  audience: Audience,
  audienceKey: z.string(),
  kind: LibraryKind,
  domain: DomainCode.nullable(),
  language: LanguageCode,
  refs: LibraryRefs,
  authorId: Id,
  authorState: StateCode.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  withdrawn: z.boolean(),
  /** The newest version, with its ciphertexts (text included). */
  latest: LibraryVersionView,
  versionCount: z.number().int().positive(),
});
export type LibraryItemView = z.infer<typeof LibraryItemView>;

export const ListLibraryQuery = z
  .object({
    audience: z.string().max(60).optional(),
    kind: LibraryKind.optional(),
    domain: DomainCode.optional(),
    language: LanguageCode.optional(),
    eventId: z.string().min(1).max(64).optional(),
    proposalId: Id.optional(),
  })
  .strict();
export type ListLibraryQuery = z.infer<typeof ListLibraryQuery>;

export const LibraryItemParams = z.object({ id: Id });
export const LibraryVersionParams = z.object({ id: Id, version: z.coerce.number().int().positive() });
export const LibraryFileParams = z.object({ id: Id });
export const LibraryFileUploaded = z.object({ id: Id, size: z.number().int() });
export const LibraryItemDetail = LibraryItemView.extend({ versions: z.array(LibraryVersionView) });
export type LibraryItemDetail = z.infer<typeof LibraryItemDetail>;
