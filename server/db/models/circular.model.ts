import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One circular: its envelope's JSON text (readable header, ciphertext body, sealed keys), the
 * sender's key bundle that verified it, and the relay's decisions (states left out, conditions).
 * Its _id is derived from (sender, msgId), so a retried send finds it by primary key.
 */
const CircularSchema = new Schema(
  {
    senderId: { type: Schema.Types.ObjectId, required: true },
    senderState: { type: String, default: null },
    senderRole: { type: String, required: true },
    msgId: { type: String, required: true },
    audience: { type: Schema.Types.Mixed, required: true },
    envelope: { type: String, required: true },
    sender: { type: Schema.Types.Mixed, required: true },
    leftOut: { type: Schema.Types.Mixed, default: [] },
    conditions: { type: Schema.Types.Mixed, default: {} },
    storedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
CircularSchema.index({ senderState: 1, storedAt: -1 });
CircularSchema.index({ storedAt: -1 });

/**
 * A recipient's copy of a circular: the database queue is the truth of who must get it. Its _id
 * is derived from (recipient, circular), so queueing twice is a duplicate key, and marking it
 * read is one primary-key update.
 */
const CircularCopySchema = new Schema(
  {
    circularId: { type: Schema.Types.ObjectId, required: true, index: true },
    recipientId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true },
    storedAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { versionKey: false },
);
CircularCopySchema.index({ recipientId: 1, storedAt: -1 });

export type CircularDoc = InferSchemaType<typeof CircularSchema>;
export type CircularModel = Model<CircularDoc>;
export type CircularCopyDoc = InferSchemaType<typeof CircularCopySchema>;
export type CircularCopyModel = Model<CircularCopyDoc>;
export const circularModel = (c: Connection): CircularModel =>
  c.model<CircularDoc>('Circular', CircularSchema, 'circulars');
export const circularCopyModel = (c: Connection): CircularCopyModel =>
  c.model<CircularCopyDoc>('CircularCopy', CircularCopySchema, 'circular_copies');
