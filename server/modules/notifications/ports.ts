import type { NotificationSettings } from '../../../shared/schemas/notifications.js';

/** A person's e-mail notification preferences as stored; the verification token only as its hash. */
export interface StoredPreferences {
  userId: string;
  settings: NotificationSettings;
  /** Where mails go once verified; changing it makes it unverified again. */
  address: string | null;
  addressVerified: boolean;
  verificationSentAt: Date | null;
}

export interface PendingVerification extends StoredPreferences {
  tokenExpiresAt: Date;
}

export interface NotificationPreferencesStore {
  find(userId: string): Promise<StoredPreferences | undefined>;
  /** Creates or replaces the settings, keeping the address. */
  saveSettings(userId: string, settings: NotificationSettings, now: Date): Promise<void>;
  /**
   * Sets the address as unverified with a new verification token (its SHA-256, hex); `settings`
   * are stored only when the person had none yet.
   */
  setPendingAddress(
    userId: string,
    address: string,
    token: { hash: string; expiresAt: Date },
    settings: NotificationSettings,
    now: Date,
  ): Promise<void>;
  findByTokenHash(hash: string): Promise<PendingVerification | undefined>;
  /** Marks `address` verified and the token used; false when the address was changed meanwhile. */
  markVerified(userId: string, address: string, now: Date): Promise<boolean>;
}
