import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One stored envelope (its JSON text: readable header, ciphertext body, sealed keys) and relay
 * metadata. The unique (senderId, msgId) index makes a client's retry a no-op.
 */
const MessageSchema = new Schema({
  senderId: { type: Schema.Types.ObjectId, required: true },
  msgId: { type: String, required: true },
  participantIds: { type: [Schema.Types.ObjectId], required: true, index: true },
  threadId: { type: String, default: null },
  /** The envelope's JSON text (see messageDocument in messages.repository.ts). */
  envelope: { type: String },
  /** Messages stored before the envelope was kept as text hold its fields instead. */
  header: { type: Schema.Types.Mixed },
  body: { type: String },
  keys: { type: [{ _id: false, userId: String, sealed: String }], default: undefined },
  sig: { type: String },
  attachmentIds: { type: [Schema.Types.ObjectId], default: [] },
  status: { type: String, required: true, enum: ['held', 'accepted', 'rejected', 'expired'] },
  approvalId: { type: Schema.Types.ObjectId, default: null },
  conditions: { type: Schema.Types.Mixed, default: {} },
  storedAt: { type: Date, required: true },
  retentionUntil: { type: Date, default: null },
}, { versionKey: false, minimize: false });
MessageSchema.index({ senderId: 1, msgId: 1 }, { unique: true });
MessageSchema.index({ status: 1, storedAt: 1 });
MessageSchema.index({ retentionUntil: 1 });

/**
 * A recipient's queued copy, until their client acknowledges it (then it is deleted). Its _id is
 * derived from (recipient, message), so acknowledgements find it by primary key.
 */
const DeliverySchema = new Schema({
  recipientId: { type: Schema.Types.ObjectId, required: true },
  messageId: { type: Schema.Types.ObjectId, required: true },
  senderId: { type: Schema.Types.ObjectId, default: null },
  msgId: { type: String, default: null },
  storedAt: { type: Date, required: true },
  /** Older data only: copies are now deleted when acknowledged. */
  ackedAt: { type: Date, default: null },
}, { versionKey: false });
DeliverySchema.index({ recipientId: 1, messageId: 1 }, { unique: true });
DeliverySchema.index({ recipientId: 1, ackedAt: 1, storedAt: 1 });

export type MessageDoc = InferSchemaType<typeof MessageSchema>;
export type DeliveryDoc = InferSchemaType<typeof DeliverySchema>;
export type MessageModel = Model<MessageDoc>;
export type DeliveryModel = Model<DeliveryDoc>;
export const messageModel = (c: Connection): MessageModel => c.model<MessageDoc>('Message', MessageSchema, 'messages');
export const deliveryModel = (c: Connection): DeliveryModel => c.model<DeliveryDoc>('Delivery', DeliverySchema, 'deliveries');
