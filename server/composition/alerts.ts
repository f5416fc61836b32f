import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Alert } from '../../shared/schemas/alerts.js';
import type { ClaimsRepository } from '../db/repositories/claims.repository.js';
import { OutboxRepository } from '../db/repositories/outbox.repository.js';
import type { UsersRepository } from '../db/repositories/users.repository.js';
import { outboxModel } from '../db/models/outbox.model.js';
import { notificationPreferenceModel } from '../db/models/notification-preference.model.js';
import { webhookAttemptModel, webhookEndpointModel } from '../db/models/webhook.model.js';
import type { AlertChannel, AlertPeople } from '../modules/alerts/alerts-deps.js';
import type { DrainResult } from '../modules/alerts/drain-outbox.js';
import type { OutboxStore } from '../modules/alerts/ports.js';
import { raiseAlert } from '../modules/alerts/raise-alert.js';
import type { AuditLog } from '../modules/audit/audit-log.js';
import type { Clock } from '../system/clock.js';

/** What a channel is built from: the outbox it queues in and what it needs to address people. */
export interface AlertChannelContext {
  connection: Connection;
  outbox: OutboxStore;
  users: UsersRepository;
  claims: ClaimsRepository;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Where links in alerts point (the web client's origin). */
  publicOrigin: () => string;
}

/** A channel that also sends what it queued, when the sweep asks. */
export interface SendingChannel extends AlertChannel {
  drain(): Promise<DrainResult>;
  ensureIndexes?(): Promise<void>;
}

export type AlertChannelFactory = (context: AlertChannelContext) => SendingChannel;

export interface Alerts {
  outbox: OutboxStore;
  channels: readonly SendingChannel[];
  /** Queues an alert on every channel; never throws (a failure is logged). */
  raise(alert: Alert | undefined): Promise<void>;
  ensureIndexes(): Promise<void>;
}

export function composeAlerts(
  context: Omit<AlertChannelContext, 'outbox'>,
  people: AlertPeople,
  factories: readonly AlertChannelFactory[],
): Alerts {
  const model = outboxModel(context.connection);
  const outbox = new OutboxRepository(model, context.claims);
  const channels = factories.map((factory) => factory({ ...context, outbox }));
  const deps = { channels, people, logger: context.logger };
  return {
    outbox,
    channels,
    async raise(alert) {
      if (!alert) return;
      await raiseAlert(deps, alert).catch((error: unknown) =>
        context.logger.error({ err: error, alert: alert.id }, 'alert not raised'),
      );
    },
    async ensureIndexes() {
      await model.createIndexes();
      // The channels' stored settings exist whether or not a channel is on here (a restore, a node without SMTP).
      for (const stored of [
        notificationPreferenceModel(context.connection),
        webhookEndpointModel(context.connection),
        webhookAttemptModel(context.connection),
      ])
        await stored.createIndexes();
      for (const channel of channels) await channel.ensureIndexes?.();
    },
  };
}
