import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * "Version N of state S is in force", one small document per published version (`_id`:
 * "<state>:<version>"), only ever inserted: the highest version per state is the one in force.
 * Insert-only on purpose: FerretDB 1.24 on SQLite does not apply a conditional update atomically
 * (two writers can both "win" it, and an update can be lost), while a unique `_id` insert has
 * exactly one winner. Enforcement reads these on every decision, so they stay tiny.
 */
const PolicyInForceSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
PolicyInForceSchema.index({ state: 1, version: -1 });

export type PolicyInForceDoc = InferSchemaType<typeof PolicyInForceSchema>;
export type PolicyInForceModel = Model<PolicyInForceDoc>;
export const policyInForceModel = (connection: Connection): PolicyInForceModel =>
  connection.model<PolicyInForceDoc>('PolicyInForce', PolicyInForceSchema, 'policy_in_force');
