import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One signed version of a state's disclosure policy, only ever inserted; it is in force once its
 * marker (policy-in-force.model.ts) is inserted too. `_id` is "<state>:<version>": FerretDB on
 * SQLite answers only `_id` lookups without scanning, and these documents can be large. The
 * unique (state, version) index settles publishing races.
 */
/** The second national admin's signature over the same body, for states that require two. */
const CosignatureSchema = new Schema(
  {
    signature: { type: String, required: true },
    signedBy: { type: Schema.Types.ObjectId, required: true },
    signerIdentityKey: { type: String, required: true },
    signerKeyVersion: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const PolicyVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
    /** Canonical JSON of the PolicyBody: exactly the text whose hash was signed. */
    bodyJson: { type: String, required: true },
    defaultEffect: { type: String, required: true },
    ruleCount: { type: Number, required: true },
    publishedRuleCount: { type: Number, required: true },
    signature: { type: String, required: true },
    signedBy: { type: Schema.Types.ObjectId, required: true },
    /** The signer's identity key when signing, so the signature stays checkable after key rotation. */
    signerIdentityKey: { type: String, required: true },
    signerKeyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    cosignature: { type: CosignatureSchema, required: false },
  },
  { versionKey: false },
);
PolicyVersionSchema.index({ state: 1, version: 1 }, { unique: true });

export type PolicyVersionDoc = InferSchemaType<typeof PolicyVersionSchema>;
export type PolicyVersionModel = Model<PolicyVersionDoc>;
export const policyVersionModel = (connection: Connection): PolicyVersionModel =>
  connection.model<PolicyVersionDoc>('PolicyVersion', PolicyVersionSchema, 'policy_versions');
