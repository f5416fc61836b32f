import { Schema, type Connection, type Model } from 'mongoose';

/** Network-wide settings and counters, one document per key. */
const SettingSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: Schema.Types.Mixed, default: null },
    revision: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export interface SettingDoc {
  _id: string;
  value: unknown;
  revision: number;
  updatedAt: Date;
}
export type SettingModel = Model<SettingDoc>;
export const settingModel = (connection: Connection): SettingModel =>
  connection.model<SettingDoc>('Setting', SettingSchema, 'settings');
