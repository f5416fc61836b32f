import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The decision on a dual-control request; `_id` is the request's id, so of two approvals, a
 * refusal, a cancellation and the expiry sweep racing (on any server node), exactly one insert
 * wins and only its caller carries the action out.
 */
const DualControlSettlementSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true, enum: ['approved', 'refused', 'expired', 'cancelled'] },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type DualControlSettlementDoc = InferSchemaType<typeof DualControlSettlementSchema>;
export type DualControlSettlementModel = Model<DualControlSettlementDoc>;
export const dualControlSettlementModel = (connection: Connection): DualControlSettlementModel =>
  connection.model<DualControlSettlementDoc>(
    'DualControlSettlement',
    DualControlSettlementSchema,
    'dual_control_settlements',
  );
