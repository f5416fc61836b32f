import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One stored envelope (its JSON text: readable header, ciphertext body, sealed keys) and relay
 * metadata. The unique (senderId, msgId) index makes a client's retry a no-op.
 */
const MessageSchema = new Schema(
  {
    senderId: { type: Schema.Types.ObjectId, required: true },
    msgId: { type: String, required: true },
    participantIds: { type: [Schema.Types.ObjectId], required: true, index: true },
    threadId: { type: String, default: null },
    /** The envelope's JSON text (see messageDocument in messages.repository.ts). */
    envelope: { type: String, required: true },
    attachmentIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, required: true, enum: ['held', 'accepted', 'rejected', 'expired'] },
    approvalId: { type: Schema.Types.ObjectId, default: null },
    conditions: { type: Schema.Types.Mixed, default: {} },
    storedAt: { type: Date, required: true },
    retentionUntil: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
MessageSchema.index({ senderId: 1, msgId: 1 }, { unique: true });
MessageSchema.index({ status: 1, storedAt: 1 });
MessageSchema.index({ retentionUntil: 1 });

export type MessageDoc = InferSchemaType<typeof MessageSchema>;
export type MessageModel = Model<MessageDoc>;
export const messageModel = (c: Connection): MessageModel => c.model<MessageDoc>('Message', MessageSchema, 'messages');
