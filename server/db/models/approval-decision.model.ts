import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** One holding state's decision on a held exchange; `_id` "<approvalId>:<state>", so a state decides once. */
const ApprovalDecisionSchema = new Schema(
  {
    _id: { type: String, required: true },
    approvalId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    verdict: { type: String, required: true, enum: ['approved', 'rejected'] },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type ApprovalDecisionDoc = InferSchemaType<typeof ApprovalDecisionSchema>;
export type ApprovalDecisionModel = Model<ApprovalDecisionDoc>;
export const approvalDecisionModel = (connection: Connection): ApprovalDecisionModel =>
  connection.model<ApprovalDecisionDoc>('ApprovalDecision', ApprovalDecisionSchema, 'approval_decisions');
