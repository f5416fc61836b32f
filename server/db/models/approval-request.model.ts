import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const HoldSchema = new Schema(
  {
    state: { type: String, required: true },
    policyVersion: { type: Number, required: true },
    ruleId: { type: String, required: true },
    direction: { type: String, required: true, enum: ['outbound', 'inbound'] },
  },
  { _id: false },
);

const LabelsSchema = new Schema(
  {
    domain: { type: String, required: true },
    category: { type: String, required: true },
    classification: { type: String, required: true },
    handling: { type: String, required: true },
    evaluation: { type: String, default: null },
  },
  { _id: false },
);

const DecisionSnapshotSchema = new Schema(
  {
    state: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    verdict: { type: String, required: true, enum: ['approved', 'rejected'] },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * An exchange held by an 'approve' decision, waiting for a national admin of every holding
 * state. Metadata only. Written twice: when held, and once by whoever won its settlement
 * (approval-settlement.model.ts), which copies the outcome here for listing. Each state's
 * decision is a document of its own (approval-decision.model.ts): FerretDB 1.24 on SQLite can
 * lose one of two concurrent updates to one document, but never one of two inserts.
 */
const ApprovalRequestSchema = new Schema(
  {
    exchangeRef: { type: String, required: true, unique: true },
    fromUserId: { type: Schema.Types.ObjectId, required: true },
    fromState: { type: String, required: true },
    toStates: { type: [String], required: true },
    labels: { type: LabelsSchema, required: true },
    kind: { type: String, required: true },
    holds: { type: [HoldSchema], required: true },
    holdingStates: { type: [String], required: true },
    status: { type: String, required: true, enum: ['pending', 'approved', 'rejected', 'expired'] },
    // The outcome, copied here once settled so that lists need no further reads.
    decisions: { type: [DecisionSnapshotSchema], default: [] },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    comment: { type: String, default: null },
    settledAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
ApprovalRequestSchema.index({ status: 1, holdingStates: 1, createdAt: 1 });
ApprovalRequestSchema.index({ status: 1, expiresAt: 1 });

export type ApprovalRequestDoc = InferSchemaType<typeof ApprovalRequestSchema>;
export type ApprovalRequestModel = Model<ApprovalRequestDoc>;
export const approvalRequestModel = (connection: Connection): ApprovalRequestModel =>
  connection.model<ApprovalRequestDoc>('ApprovalRequest', ApprovalRequestSchema, 'approval_requests');
