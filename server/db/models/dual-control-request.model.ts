import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const PayloadSchema = new Schema(
  {
    keyVersion: { type: Number, default: null },
    safetyNumberCompared: { type: Boolean, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

/**
 * An action that waits for a second person (server/modules/dual-control). `openKey` is
 * "<kind>:<subjectId>" while pending and "<kind>:<subjectId>:<id>" once decided, so its unique
 * index keeps at most one pending request per kind and subject, even for two first steps at once
 * on two nodes. Written twice: when asked, and once by whoever won its settlement
 * (dual-control-settlement.model.ts): FerretDB may lose one of two concurrent updates to one
 * document, never one of two inserts.
 */
const DualControlRequestSchema = new Schema(
  {
    openKey: { type: String, required: true, unique: true },
    kind: { type: String, required: true },
    subjectId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true },
    payload: { type: PayloadSchema, required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    requestedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ['pending', 'approved', 'refused', 'expired', 'cancelled'] },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    comment: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);
DualControlRequestSchema.index({ status: 1, requestedAt: 1 });

export type DualControlRequestDoc = InferSchemaType<typeof DualControlRequestSchema>;
export type DualControlRequestModel = Model<DualControlRequestDoc>;
export const dualControlRequestModel = (connection: Connection): DualControlRequestModel =>
  connection.model<DualControlRequestDoc>('DualControlRequest', DualControlRequestSchema, 'dual_control_requests');
