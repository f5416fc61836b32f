import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The durable outbox (modules/alerts/ports.ts). `key` is unique: an event queued twice is one
 * item. Attempts are taken through claims (claim.model.ts), never by a conditional update, which
 * FerretDB does not apply atomically. The payload is JSON text: sent as it was queued.
 */
const OutboxSchema = new Schema(
  {
    channel: { type: String, required: true },
    key: { type: String, required: true },
    payloadJson: { type: String, required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, default: null },
    userId: { type: String, default: null },
    target: { type: String, default: null },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    lastAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false },
);
OutboxSchema.index({ key: 1 }, { unique: true });
OutboxSchema.index({ channel: 1, status: 1, dueAt: 1 });
OutboxSchema.index({ state: 1, createdAt: -1 });
OutboxSchema.index({ userId: 1, createdAt: -1 });
OutboxSchema.index({ target: 1, createdAt: -1 });

export type OutboxDoc = InferSchemaType<typeof OutboxSchema>;
export type OutboxModel = Model<OutboxDoc>;
export const outboxModel = (c: Connection): OutboxModel => c.model<OutboxDoc>('OutboxItem', OutboxSchema, 'outbox');
