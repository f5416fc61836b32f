import { isUrgentAlert, type Alert } from '../../../shared/schemas/alerts.js';
import type { DeliveryMode, NotificationSettings } from '../../../shared/schemas/notifications.js';
import { inQuietHours, nextDigestTime, quietHoursEnd } from './local-time.js';

export interface PlannedDelivery {
  /** Not before. */
  dueAt: Date;
  /** Goes out in the digest due at `dueAt` instead of a mail of its own. */
  digest: boolean;
}

/**
 * When a person's mail about `alert` goes out. Urgent alerts never wait for a digest; quiet hours
 * hold everything except kinds the person marked `always` (only ALWAYS_ELIGIBLE kinds can be).
 */
export function planDelivery(
  alert: Pick<Alert, 'kind' | 'urgency'>,
  mode: DeliveryMode,
  settings: Pick<NotificationSettings, 'timeZone' | 'quietHours' | 'digest'>,
  now: Date,
): PlannedDelivery {
  const { timeZone, quietHours } = settings;
  const afterQuiet = (at: Date): Date =>
    quietHours && inQuietHours(at, timeZone, quietHours) ? quietHoursEnd(at, timeZone, quietHours) : at;
  if (mode === 'digest' && !isUrgentAlert(alert))
    return { dueAt: afterQuiet(nextDigestTime(now, timeZone, settings.digest)), digest: true };
  if (mode === 'always') return { dueAt: now, digest: false };
  return { dueAt: afterQuiet(now), digest: false };
}
