import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A member state: names and the domains it takes part in. Which entry fields it withholds from
 * whom is part of its signed disclosure policy (`directoryFields`); a `visibility` array stored
 * by earlier builds is ignored (pre-production data, not migrated).
 */
const MemberStateSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { en: { type: String, required: true }, ru: { type: String, required: true } },
    domains: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type MemberStateDoc = InferSchemaType<typeof MemberStateSchema>;
export type MemberStateModel = Model<MemberStateDoc>;
export const memberStateModel = (connection: Connection): MemberStateModel =>
  connection.model<MemberStateDoc>('MemberState', MemberStateSchema, 'member_states');
