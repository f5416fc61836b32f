import { z } from 'zod';
import { ALWAYS_ELIGIBLE, AlertKind } from './alerts.js';

/**
 * A person's e-mail notifications: which alerts reach them outside the app, where, when. The
 * mails carry metadata only (see docs/security.md); the address is used once verified.
 */

/** How one kind of alert is sent: at once (held in quiet hours), at once even in quiet hours, or in the digest. */
export const DELIVERY_MODES = ['immediate', 'always', 'digest'] as const;
export const DeliveryMode = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

export const MAIL_LANGUAGES = ['en', 'ru', 'both'] as const;
export const MailLanguage = z.enum(MAIL_LANGUAGES);
export type MailLanguage = z.infer<typeof MailLanguage>;

/** Local time of day, `HH:MM` (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (00:00–23:59)');

/** True when `zone` is an IANA time zone this runtime knows (`Asia/Almaty`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Almaty or UTC');

export const QuietHours = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

/** When the digest of non-urgent alerts goes out: every full hour, or once a day at `hour` local time. */
export const DigestSchedule = z.discriminatedUnion('every', [
  z.object({ every: z.literal('hour') }).strict(),
  z.object({ every: z.literal('day'), hour: z.number().int().min(0).max(23) }).strict(),
]);
export type DigestSchedule = z.infer<typeof DigestSchedule>;

export const KindChoice = z.object({ kind: AlertKind, mode: DeliveryMode }).strict();
export type KindChoice = z.infer<typeof KindChoice>;

const SettingsFields = z
  .object({
    /** Off: nothing is sent, whatever else is set. */
    enabled: z.boolean(),
    language: MailLanguage,
    /** The zone quiet hours, the daily digest and the dates in mails are read in. */
    timeZone: TimeZone,
    /** The kinds to receive; a kind not listed is not sent. */
    kinds: z.array(KindChoice).max(20),
    quietHours: QuietHours.nullable(),
    digest: DigestSchedule,
  })
  .strict();

export const NotificationSettings = SettingsFields.superRefine((settings, ctx) => {
  const seen = new Set<string>();
  settings.kinds.forEach((choice, index) => {
    if (seen.has(choice.kind))
      ctx.addIssue({ code: 'custom', message: 'each kind may be listed once', path: ['kinds', index, 'kind'] });
    seen.add(choice.kind);
    if (choice.mode === 'always' && !ALWAYS_ELIGIBLE.includes(choice.kind))
      ctx.addIssue({
        code: 'custom',
        message: `only ${ALWAYS_ELIGIBLE.join(', ')} may be sent always (even in quiet hours)`,
        path: ['kinds', index, 'mode'],
      });
  });
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const EmailAddress = z.email('must be an e-mail address').max(254);

export const SetNotificationAddress = z.object({ address: EmailAddress }).strict();
export type SetNotificationAddress = z.infer<typeof SetNotificationAddress>;

export const VerifyNotificationAddress = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from the link (43 characters)') })
  .strict();
export type VerifyNotificationAddress = z.infer<typeof VerifyNotificationAddress>;

export const VerifiedAddress = z.object({ address: z.string(), verified: z.literal(true) });
export type VerifiedAddress = z.infer<typeof VerifiedAddress>;

export const NotificationPreferencesView = SettingsFields.extend({
  /** False while the server has no SMTP server configured: settings are kept, nothing is sent. */
  available: z.boolean(),
  address: z
    .object({
      value: z.string(),
      verified: z.boolean(),
      /** When the last verification link was sent (absent once verified). */
      verificationSentAt: z.iso.datetime().optional(),
    })
    .nullable(),
  /** The kinds `always` is allowed for. */
  alwaysEligible: z.array(AlertKind),
});
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;

export const NOTIFICATION_DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

/** One queued e-mail: what it was about and how sending it went; never the address of another person. */
export const NotificationDeliveryView = z.object({
  id: z.string(),
  /** The alert's kind, or `digest` for a digest of several. */
  kind: z.union([AlertKind, z.literal('digest')]),
  userId: z.string(),
  /** The person's name, for their national admins (absent on one's own list). */
  displayName: z.string().optional(),
  status: z.enum(NOTIFICATION_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().optional(),
  sentAt: z.iso.datetime().optional(),
});
export type NotificationDeliveryView = z.infer<typeof NotificationDeliveryView>;

export const NotificationDeliveriesQuery = z
  .object({ status: z.enum(NOTIFICATION_DELIVERY_STATUSES).optional() })
  .strict();
export type NotificationDeliveriesQuery = z.infer<typeof NotificationDeliveriesQuery>;

export const NotificationDeliveryList = z.object({ deliveries: z.array(NotificationDeliveryView) });
export type NotificationDeliveryList = z.infer<typeof NotificationDeliveryList>;
