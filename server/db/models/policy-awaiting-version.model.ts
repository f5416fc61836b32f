import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A signed policy version waiting for a second national admin's signature, only ever inserted.
 * Not in force: once co-signed it is copied, with both signatures, into policy_versions and put in
 * force there. Several may wait for the same version number: the newest supersedes the others.
 */
const PolicyAwaitingVersionSchema = new Schema(
  {
    state: { type: String, required: true },
    version: { type: Number, required: true },
    /** Canonical JSON of the PolicyBody: exactly the text whose hash was signed. */
    bodyJson: { type: String, required: true },
    defaultEffect: { type: String, required: true },
    ruleCount: { type: Number, required: true },
    publishedRuleCount: { type: Number, required: true },
    signature: { type: String, required: true },
    signedBy: { type: Schema.Types.ObjectId, required: true },
    signerIdentityKey: { type: String, required: true },
    signerKeyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
PolicyAwaitingVersionSchema.index({ state: 1, createdAt: -1 });

export type PolicyAwaitingVersionDoc = InferSchemaType<typeof PolicyAwaitingVersionSchema>;
export type PolicyAwaitingVersionModel = Model<PolicyAwaitingVersionDoc>;
export const policyAwaitingVersionModel = (connection: Connection): PolicyAwaitingVersionModel =>
  connection.model<PolicyAwaitingVersionDoc>(
    'PolicyAwaitingVersion',
    PolicyAwaitingVersionSchema,
    'policy_awaiting_versions',
  );
