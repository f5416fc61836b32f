import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const Bilingual = { en: { type: String }, ru: { type: String } };

/** The editable part of a focal point's directory entry; identity, state, domains and keys live on the user. */
const DirectoryEntrySchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, unique: true },
    kind: { type: String, enum: ['person', 'duty-desk'], default: 'person' },
    name: { type: Bilingual, default: null },
    title: { type: Bilingual, default: null },
    authority: { type: Bilingual, default: null },
    role: { type: String, enum: ['policy', 'operational', null], default: null },
    languages: { type: [String], default: [] },
    timeZone: { type: String, default: null },
    workingHours: { type: { _id: false, days: [Number], from: String, to: String }, default: null },
    available24x7: { type: Boolean, default: false },
    deputyUserId: { type: Schema.Types.ObjectId, default: null },
    contacts: {
      type: [
        { _id: false, type: { type: String, required: true }, value: { type: String, required: true }, note: String },
      ],
      default: [],
    },
    away: {
      type: {
        _id: false,
        from: Date,
        until: Date,
        deputyUserId: Schema.Types.ObjectId,
        note: String,
        setBy: Schema.Types.ObjectId,
        setAt: Date,
      },
      default: null,
    },
    members: { type: [Schema.Types.ObjectId], default: [] },
    lastConfirmedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export type DirectoryEntryDoc = InferSchemaType<typeof DirectoryEntrySchema>;
export type DirectoryEntryModel = Model<DirectoryEntryDoc>;
export const directoryEntryModel = (connection: Connection): DirectoryEntryModel =>
  connection.model<DirectoryEntryDoc>('DirectoryEntry', DirectoryEntrySchema, 'directory_entries');
