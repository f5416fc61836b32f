import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Documents for comment (server/modules/documents): the server keeps their plaintext metadata,
 * and of their content only ciphertext sealed in the secretariat's client. `_id` is the proposal's.
 */
const DocumentSchema = new Schema(
  {
    docId: { type: String, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    metaJson: { type: String, required: true },
    stages: { type: [Schema.Types.Mixed], default: [] },
    libraryItemId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
DocumentSchema.index({ docId: 1 }, { unique: true });
DocumentSchema.index({ createdAt: -1 });

const DocumentVersionSchema = new Schema(
  {
    proposalId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    head: { type: String, required: true },
    body: { type: String, required: true },
    files: { type: [Schema.Types.Mixed], default: [] },
    signature: { type: String, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    circulatedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
  },
  { versionKey: false },
);
DocumentVersionSchema.index({ proposalId: 1, number: 1 }, { unique: true });

const DocumentKeySchema = new Schema(
  {
    proposalId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    keyVersion: { type: Number, required: true },
    sealed: { type: String, required: true },
    sharedBy: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
DocumentKeySchema.index({ proposalId: 1, version: 1, userId: 1, keyVersion: 1 }, { unique: true });

const DocumentCommentSchema = new Schema(
  {
    proposalId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    kind: { type: String, required: true },
    state: { type: String, required: true },
    byUserId: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true },
    signature: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
DocumentCommentSchema.index({ proposalId: 1, at: 1 });

/** An uploaded file's ciphertext; `proposalId` once a circulated version names it. */
const DocumentFileSchema = new Schema(
  {
    uploaderId: { type: Schema.Types.ObjectId, required: true },
    proposalId: { type: Schema.Types.ObjectId, default: null },
    size: { type: Number, required: true },
    pieces: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const DocumentFilePieceSchema = new Schema(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { versionKey: false },
);
DocumentFilePieceSchema.index({ fileId: 1, n: 1 }, { unique: true });

export type DocumentDoc = InferSchemaType<typeof DocumentSchema>;
export type DocumentVersionDoc = InferSchemaType<typeof DocumentVersionSchema>;
export type DocumentKeyDoc = InferSchemaType<typeof DocumentKeySchema>;
export type DocumentCommentDoc = InferSchemaType<typeof DocumentCommentSchema>;
export type DocumentFileDoc = InferSchemaType<typeof DocumentFileSchema>;
export type DocumentFilePieceDoc = InferSchemaType<typeof DocumentFilePieceSchema>;

export interface DocumentModels {
  documents: Model<DocumentDoc>;
  versions: Model<DocumentVersionDoc>;
  keys: Model<DocumentKeyDoc>;
  comments: Model<DocumentCommentDoc>;
  files: Model<DocumentFileDoc>;
  pieces: Model<DocumentFilePieceDoc>;
}

export const documentModels = (c: Connection): DocumentModels => ({
  documents: c.model<DocumentDoc>('DocumentForComment', DocumentSchema, 'documents_for_comment'),
  versions: c.model<DocumentVersionDoc>('DocumentVersion', DocumentVersionSchema, 'document_versions'),
  keys: c.model<DocumentKeyDoc>('DocumentKey', DocumentKeySchema, 'document_keys'),
  comments: c.model<DocumentCommentDoc>('DocumentComment', DocumentCommentSchema, 'document_comments'),
  files: c.model<DocumentFileDoc>('DocumentFile', DocumentFileSchema, 'document_files'),
  pieces: c.model<DocumentFilePieceDoc>('DocumentFilePiece', DocumentFilePieceSchema, 'document_file_pieces'),
});
