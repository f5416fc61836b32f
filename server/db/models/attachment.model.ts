import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** An uploaded ciphertext file (secretstream chunks made in the client); opaque to the server. */
const AttachmentSchema = new Schema(
  {
    uploaderId: { type: Schema.Types.ObjectId, required: true },
    size: { type: Number, required: true },
    chunks: { type: Number, required: true },
    complete: { type: Boolean, default: false },
    messageId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
AttachmentSchema.index({ messageId: 1, createdAt: 1 });

/** Stored in ≤ 255 KiB pieces: within every document limit, on MongoDB and FerretDB alike. */
const AttachmentChunkSchema = new Schema(
  {
    attachmentId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { versionKey: false },
);
AttachmentChunkSchema.index({ attachmentId: 1, n: 1 }, { unique: true });

export type AttachmentDoc = InferSchemaType<typeof AttachmentSchema>;
export type AttachmentChunkDoc = InferSchemaType<typeof AttachmentChunkSchema>;
export type AttachmentModel = Model<AttachmentDoc>;
export type AttachmentChunkModel = Model<AttachmentChunkDoc>;
export const attachmentModel = (c: Connection): AttachmentModel =>
  c.model<AttachmentDoc>('Attachment', AttachmentSchema, 'attachments');
export const attachmentChunkModel = (c: Connection): AttachmentChunkModel =>
  c.model<AttachmentChunkDoc>('AttachmentChunk', AttachmentChunkSchema, 'attachment_chunks');
