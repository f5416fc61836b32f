import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A state's rule for signing its policy versions, as a sequence of changes (`_id`:
 * "<state>:<seq>"), only ever inserted: the highest `seq` is in effect, and of two admins
 * changing it at once the unique `_id` lets one win.
 */
const PolicySigningChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    seq: { type: Number, required: true },
    twoSignatures: { type: Boolean, required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
PolicySigningChangeSchema.index({ state: 1, seq: -1 });

/** A request to turn the two-signature rule off, for another national admin of the state to confirm. */
const PolicySigningRequestSchema = new Schema(
  {
    state: { type: String, required: true },
    forSeq: { type: Number, required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    requestedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
PolicySigningRequestSchema.index({ state: 1, forSeq: 1, requestedAt: -1 });

export type PolicySigningChangeDoc = InferSchemaType<typeof PolicySigningChangeSchema>;
export type PolicySigningChangeModel = Model<PolicySigningChangeDoc>;
export const policySigningChangeModel = (connection: Connection): PolicySigningChangeModel =>
  connection.model<PolicySigningChangeDoc>('PolicySigningChange', PolicySigningChangeSchema, 'policy_signing_changes');

export type PolicySigningRequestDoc = InferSchemaType<typeof PolicySigningRequestSchema>;
export type PolicySigningRequestModel = Model<PolicySigningRequestDoc>;
export const policySigningRequestModel = (connection: Connection): PolicySigningRequestModel =>
  connection.model<PolicySigningRequestDoc>(
    'PolicySigningRequest',
    PolicySigningRequestSchema,
    'policy_signing_requests',
  );
