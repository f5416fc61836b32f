import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The final status of a held exchange; `_id` is the approval request's id, so of an approval, a
 * rejection and the expiry sweeper racing (on any server node), exactly one insert wins.
 */
const ApprovalSettlementSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true, enum: ['approved', 'rejected', 'expired'] },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type ApprovalSettlementDoc = InferSchemaType<typeof ApprovalSettlementSchema>;
export type ApprovalSettlementModel = Model<ApprovalSettlementDoc>;
export const approvalSettlementModel = (connection: Connection): ApprovalSettlementModel =>
  connection.model<ApprovalSettlementDoc>('ApprovalSettlement', ApprovalSettlementSchema, 'approval_settlements');
