import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One person's e-mail notification preferences, `_id` = the user's id. The settings are stored as
 * the JSON text the API validated; the verification token only as its SHA-256 (hex).
 */
const NotificationPreferenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    settingsJson: { type: String, required: true },
    address: { type: String, default: null },
    addressVerified: { type: Boolean, default: false },
    tokenHash: { type: String, default: null, select: false },
    tokenExpiresAt: { type: Date, default: null },
    verificationSentAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
NotificationPreferenceSchema.index({ tokenHash: 1 });

export interface NotificationPreferenceDoc {
  _id: string;
  settingsJson: string;
  address: string | null;
  addressVerified: boolean;
  tokenHash?: string | null;
  tokenExpiresAt: Date | null;
  verificationSentAt: Date | null;
  updatedAt: Date;
}
export type NotificationPreferenceModel = Model<NotificationPreferenceDoc>;

const NAME = 'NotificationPreference';

/** The model on `connection`; the e-mail channel and the routes each ask for it, so it is made once. */
export const notificationPreferenceModel = (connection: Connection): NotificationPreferenceModel =>
  (connection.models[NAME] as NotificationPreferenceModel | undefined) ??
  connection.model<NotificationPreferenceDoc>(NAME, NotificationPreferenceSchema, 'notification_preferences');
