import { ALWAYS_ELIGIBLE } from '../../../shared/schemas/alerts.js';
import type { NotificationPreferencesView, NotificationSettings } from '../../../shared/schemas/notifications.js';
import type { User } from '../accounts/ports/users.js';
import { defaultSettings } from './default-preferences.js';
import type { NotificationsDeps } from './notifications-deps.js';
import type { StoredPreferences } from './ports.js';

export type NotificationActor = Pick<User, 'id' | 'role' | 'state'>;

export async function myNotificationPreferences(
  deps: NotificationsDeps,
  actor: NotificationActor,
): Promise<NotificationPreferencesView> {
  return toView(deps, actor, await deps.preferences.find(actor.id));
}

/** Replaces the person's settings (validated at the boundary: `always` only where allowed); the address stays. */
export async function updateNotificationSettings(
  deps: NotificationsDeps,
  actor: NotificationActor,
  settings: NotificationSettings,
): Promise<NotificationPreferencesView> {
  await deps.preferences.saveSettings(actor.id, settings, deps.clock.now());
  return myNotificationPreferences(deps, actor);
}

export function toView(
  deps: Pick<NotificationsDeps, 'mailer'>,
  actor: NotificationActor,
  stored: StoredPreferences | undefined,
): NotificationPreferencesView {
  const settings = stored?.settings ?? defaultSettings(actor.role);
  const address = stored?.address
    ? {
        value: stored.address,
        verified: stored.addressVerified,
        ...(!stored.addressVerified && stored.verificationSentAt
          ? { verificationSentAt: stored.verificationSentAt.toISOString() }
          : {}),
      }
    : null;
  return { ...settings, available: deps.mailer !== undefined, address, alwaysEligible: [...ALWAYS_ELIGIBLE] };
}
