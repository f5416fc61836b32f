import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { notificationPreferenceModel } from '../db/models/notification-preference.model.js';
import { NotificationPreferencesRepository } from '../db/repositories/notification-preferences.repository.js';
import type { UserStore } from '../modules/accounts/ports/users.js';
import type { AuditLog } from '../modules/audit/audit-log.js';
import { DEFAULT_RETRY, drainOutbox, type RetryPolicy } from '../modules/alerts/drain-outbox.js';
import type { OutboxStore } from '../modules/alerts/ports.js';
import { EMAIL_CHANNEL, type NotificationsDeps } from '../modules/notifications/notifications-deps.js';
import { queueEmailAlert } from '../modules/notifications/queue-email-alert.js';
import { sendQueuedMail } from '../modules/notifications/send-queued-mail.js';
import type { Clock } from '../system/clock.js';
import { createSmtpMailer, type SmtpSettings } from '../system/smtp-mailer.js';
import type { AlertChannelFactory } from './alerts.js';

export interface NotificationsContext {
  connection: Connection;
  outbox: OutboxStore;
  users: Pick<UserStore, 'findById'>;
  clock: Clock;
  audit: AuditLog;
  logger: Logger;
  publicOrigin: () => string;
}

/** What the e-mail channel and the notification routes share: preferences, the outbox, the SMTP link (when configured). */
export function notificationsDeps(context: NotificationsContext, smtp: SmtpSettings | undefined): NotificationsDeps {
  return {
    preferences: new NotificationPreferencesRepository(notificationPreferenceModel(context.connection)),
    outbox: context.outbox,
    users: context.users,
    clock: context.clock,
    audit: context.audit,
    mailer: smtp ? createSmtpMailer(smtp) : undefined,
    publicOrigin: context.publicOrigin,
    logger: context.logger,
  };
}

/** The 'email' channel: queues alerts for people who want them, and sends what is due when the sweep asks. */
export function emailChannel(smtp: SmtpSettings, retry: RetryPolicy = DEFAULT_RETRY): AlertChannelFactory {
  return (context) => {
    const deps = notificationsDeps(context, smtp);
    return {
      name: EMAIL_CHANNEL,
      accept: (alert, audience) => queueEmailAlert(deps, alert, audience),
      drain: () => drainOutbox(deps, EMAIL_CHANNEL, (item) => sendQueuedMail(deps, item), retry),
      ensureIndexes: async () => {
        await notificationPreferenceModel(context.connection).createIndexes();
      },
    };
  };
}
