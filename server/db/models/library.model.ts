import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A library shelf (modules/library/ports.ts): `_id` is the audience key, so there is one per audience. */
const ShelfSchema = new Schema(
  {
    _id: { type: String, required: true },
    epoch: { type: Number, required: true },
    epochStartedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** One reader's sealed copy of one epoch's shelf key: `_id` = `<shelf>|<epoch>|<reader>`, so one each. */
const ShelfGrantSchema = new Schema(
  {
    _id: { type: String, required: true },
    audienceKey: { type: String, required: true },
    epoch: { type: Number, required: true },
    readerId: { type: String, required: true },
    keyVersion: { type: Number, required: true },
    sealedKey: { type: String, required: true },
    signature: { type: String, required: true },
    grantedBy: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
ShelfGrantSchema.index({ audienceKey: 1, epoch: 1 });

/** An item's plaintext metadata (kind, domain, language, refs, author, dates); its content is in the versions, sealed. */
const LibraryItemSchema = new Schema(
  {
    _id: { type: String, required: true },
    audienceKey: { type: String, required: true },
    kind: { type: String, required: true },
    domain: { type: String, default: null },
    language: { type: String, required: true },
    refs: { eventId: { type: String, default: null }, proposalId: { type: String, default: null } },
    authorId: { type: String, required: true },
    authorState: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    withdrawn: { type: Boolean, required: true },
    withdrawnAt: { type: Date, default: null },
    latestVersion: { type: Number, required: true },
  },
  { versionKey: false },
);
LibraryItemSchema.index({ audienceKey: 1, withdrawn: 1, updatedAt: -1 });

/** One version: ciphertexts made by the author's client and their signature; `_id` = `<item>|<version>`. */
const LibraryVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    version: { type: Number, required: true },
    epoch: { type: Number, required: true },
    language: { type: String, required: true },
    wrappedKey: { type: String, required: true },
    meta: { type: String, required: true },
    text: { type: String, default: null },
    files: { type: [{ _id: false, id: String, size: Number }], default: [] },
    signature: { type: String, required: true },
    authorId: { type: String, required: true },
    authorKeyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
LibraryVersionSchema.index({ itemId: 1, version: 1 });

/** An uploaded ciphertext file (secretstream made in the client); bound to an item once published. */
const LibraryFileSchema = new Schema(
  {
    uploaderId: { type: String, required: true },
    size: { type: Number, required: true },
    chunks: { type: Number, required: true },
    complete: { type: Boolean, default: false },
    itemId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
LibraryFileSchema.index({ itemId: 1, createdAt: 1 });

const LibraryFileChunkSchema = new Schema(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { versionKey: false },
);
LibraryFileChunkSchema.index({ fileId: 1, n: 1 }, { unique: true });

type ShelfDoc = InferSchemaType<typeof ShelfSchema>;
type ShelfGrantDoc = InferSchemaType<typeof ShelfGrantSchema>;
type LibraryItemDoc = InferSchemaType<typeof LibraryItemSchema>;
type LibraryVersionDoc = InferSchemaType<typeof LibraryVersionSchema>;
type LibraryFileDoc = InferSchemaType<typeof LibraryFileSchema>;
type LibraryFileChunkDoc = InferSchemaType<typeof LibraryFileChunkSchema>;
export type ShelfModel = Model<ShelfDoc>;
export type ShelfGrantModel = Model<ShelfGrantDoc>;
export type LibraryItemModel = Model<LibraryItemDoc>;
export type LibraryVersionModel = Model<LibraryVersionDoc>;
export type LibraryFileModel = Model<LibraryFileDoc>;
export type LibraryFileChunkModel = Model<LibraryFileChunkDoc>;

export const shelfModel = (c: Connection): ShelfModel =>
  c.model<ShelfDoc>('LibraryShelf', ShelfSchema, 'library_shelves');
export const shelfGrantModel = (c: Connection): ShelfGrantModel =>
  c.model<ShelfGrantDoc>('LibraryShelfGrant', ShelfGrantSchema, 'library_grants');
export const libraryItemModel = (c: Connection): LibraryItemModel =>
  c.model<LibraryItemDoc>('LibraryItem', LibraryItemSchema, 'library_items');
export const libraryVersionModel = (c: Connection): LibraryVersionModel =>
  c.model<LibraryVersionDoc>('LibraryVersion', LibraryVersionSchema, 'library_versions');
export const libraryFileModel = (c: Connection): LibraryFileModel =>
  c.model<LibraryFileDoc>('LibraryFile', LibraryFileSchema, 'library_files');
export const libraryFileChunkModel = (c: Connection): LibraryFileChunkModel =>
  c.model<LibraryFileChunkDoc>('LibraryFileChunk', LibraryFileChunkSchema, 'library_file_chunks');
