import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** "This waiting version expired" (`_id`: the waiting version's id): inserted once, so audited once. */
const PolicyCosignExpirySchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
PolicyCosignExpirySchema.index({ state: 1 });

export type PolicyCosignExpiryDoc = InferSchemaType<typeof PolicyCosignExpirySchema>;
export type PolicyCosignExpiryModel = Model<PolicyCosignExpiryDoc>;
export const policyCosignExpiryModel = (connection: Connection): PolicyCosignExpiryModel =>
  connection.model<PolicyCosignExpiryDoc>('PolicyCosignExpiry', PolicyCosignExpirySchema, 'policy_cosign_expiries');
