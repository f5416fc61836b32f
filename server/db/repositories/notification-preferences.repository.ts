import { NotificationSettings } from '../../../shared/schemas/notifications.js';
import type {
  NotificationPreferencesStore,
  PendingVerification,
  StoredPreferences,
} from '../../modules/notifications/ports.js';
import type {
  NotificationPreferenceDoc,
  NotificationPreferenceModel,
} from '../models/notification-preference.model.js';

export class NotificationPreferencesRepository implements NotificationPreferencesStore {
  constructor(private readonly model: NotificationPreferenceModel) {}

  async find(userId: string): Promise<StoredPreferences | undefined> {
    const doc = await this.model.findById(userId).lean();
    return doc ? toStored(doc) : undefined;
  }

  async saveSettings(userId: string, settings: NotificationSettings, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: userId },
      { $set: { settingsJson: JSON.stringify(settings), updatedAt: now } },
      { upsert: true },
    );
  }

  async setPendingAddress(
    userId: string,
    address: string,
    token: { hash: string; expiresAt: Date },
    settings: NotificationSettings,
    now: Date,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: userId },
      {
        $set: {
          address,
          addressVerified: false,
          tokenHash: token.hash,
          tokenExpiresAt: token.expiresAt,
          verificationSentAt: now,
          updatedAt: now,
        },
        $setOnInsert: { settingsJson: JSON.stringify(settings) },
      },
      { upsert: true },
    );
  }

  async findByTokenHash(hash: string): Promise<PendingVerification | undefined> {
    const doc = await this.model.findOne({ tokenHash: hash }).lean();
    if (!doc?.tokenExpiresAt) return undefined;
    return { ...toStored(doc), tokenExpiresAt: doc.tokenExpiresAt };
  }

  async markVerified(userId: string, address: string, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, address },
      { $set: { addressVerified: true, tokenHash: null, tokenExpiresAt: null, updatedAt: now } },
    );
    return result.matchedCount === 1;
  }
}

function toStored(doc: NotificationPreferenceDoc): StoredPreferences {
  return {
    userId: doc._id,
    // Written only by this repository from validated settings; parsed again so a hand edit cannot slip through.
    settings: NotificationSettings.parse(JSON.parse(doc.settingsJson)),
    address: doc.address,
    addressVerified: doc.addressVerified,
    verificationSentAt: doc.verificationSentAt,
  };
}
