import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A recipient's queued copy, until their client acknowledges it (then it is deleted). Its _id is
 * derived from (recipient, message), so acknowledgements find it by primary key.
 */
const DeliverySchema = new Schema(
  {
    recipientId: { type: Schema.Types.ObjectId, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    senderId: { type: Schema.Types.ObjectId, required: true },
    msgId: { type: String, required: true },
    storedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
DeliverySchema.index({ recipientId: 1, messageId: 1 }, { unique: true });
DeliverySchema.index({ recipientId: 1, storedAt: 1 });

/**
 * When a recipient's client first acknowledged a message: "delivered", kept with the message for
 * as long as it is kept. Its _id is the queued copy's (derived from recipient and message), so
 * the first acknowledgement's insert wins and a history page reads them by primary key.
 */
const DeliveryRecordSchema = new Schema(
  {
    messageId: { type: Schema.Types.ObjectId, required: true, index: true },
    recipientId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type DeliveryDoc = InferSchemaType<typeof DeliverySchema>;
export type DeliveryModel = Model<DeliveryDoc>;
export type DeliveryRecordDoc = InferSchemaType<typeof DeliveryRecordSchema>;
export type DeliveryRecordModel = Model<DeliveryRecordDoc>;
export const deliveryModel = (c: Connection): DeliveryModel =>
  c.model<DeliveryDoc>('Delivery', DeliverySchema, 'deliveries');
export const deliveryRecordModel = (c: Connection): DeliveryRecordModel =>
  c.model<DeliveryRecordDoc>('DeliveryRecord', DeliveryRecordSchema, 'delivery_records');
