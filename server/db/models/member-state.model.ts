import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A member state: names, the domains it takes part in, and which entry fields it withholds from whom. */
const MemberStateSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { en: { type: String, required: true }, ru: { type: String, required: true } },
  domains: { type: [String], default: [] },
  visibility: {
    type: [{ _id: false, field: { type: String, required: true }, visibleTo: { type: [String], default: [] }, secretariat: { type: Boolean, default: false } }],
    default: [],
  },
  updatedAt: { type: Date, required: true },
}, { versionKey: false });

export type MemberStateDoc = InferSchemaType<typeof MemberStateSchema>;
export type MemberStateModel = Model<MemberStateDoc>;
export const memberStateModel = (connection: Connection): MemberStateModel =>
  connection.model<MemberStateDoc>('MemberState', MemberStateSchema, 'member_states');
