import { AppError } from '../../../shared/errors.js';
import type {
  NotificationDeliveriesQuery,
  NotificationDeliveryList,
  NotificationDeliveryView,
} from '../../../shared/schemas/notifications.js';
import type { OutboxFilter, OutboxItem } from '../alerts/ports.js';
import { EMAIL_CHANNEL, type NotificationsDeps } from './notifications-deps.js';
import type { NotificationActor } from './preferences.js';
import { QueuedMail } from './queued-mail.js';

const LIMIT = 200;

/** The person's own e-mails, newest first. */
export async function myDeliveries(
  deps: NotificationsDeps,
  actor: NotificationActor,
  query: NotificationDeliveriesQuery,
): Promise<NotificationDeliveryList> {
  const items = await deps.outbox.list(filter({ userId: actor.id }, query), LIMIT);
  return { deliveries: items.map((item) => toView(item)) };
}

/**
 * A national admin's view of their state's e-mails, so a failing address is noticed: status,
 * attempts, last error and the person — never another state's, and never an address.
 */
export async function stateDeliveries(
  deps: NotificationsDeps,
  actor: NotificationActor,
  query: NotificationDeliveriesQuery,
): Promise<NotificationDeliveryList> {
  if (actor.role !== 'national-admin' || !actor.state)
    throw new AppError('auth.forbidden', "only a state's national admins see its notification deliveries");
  const items = await deps.outbox.list(filter({ state: actor.state }, query), LIMIT);
  const names = new Map<string, string>();
  for (const userId of new Set(items.flatMap((item) => (item.userId ? [item.userId] : [])))) {
    const user = await deps.users.findById(userId);
    if (user) names.set(userId, user.displayName);
  }
  return { deliveries: items.map((item) => toView(item, item.userId ? names.get(item.userId) : undefined)) };
}

function filter(owner: OutboxFilter, query: NotificationDeliveriesQuery): OutboxFilter {
  return { channel: EMAIL_CHANNEL, ...owner, ...(query.status ? { status: query.status } : {}) };
}

function toView(item: OutboxItem, displayName?: string): NotificationDeliveryView {
  const parsed = QueuedMail.safeParse(item.payload);
  const kind = parsed.success && parsed.data.type === 'alert' ? parsed.data.alert.kind : 'digest';
  return {
    id: item.id,
    kind,
    userId: item.userId ?? '',
    ...(displayName ? { displayName } : {}),
    status: item.status,
    attempts: item.attempts,
    ...(item.lastError ? { lastError: withoutAddresses(item.lastError) } : {}),
    createdAt: item.createdAt.toISOString(),
    dueAt: item.dueAt.toISOString(),
    ...(item.lastAttemptAt ? { lastAttemptAt: item.lastAttemptAt.toISOString() } : {}),
    ...(item.sentAt ? { sentAt: item.sentAt.toISOString() } : {}),
  };
}

/** SMTP errors may quote the address refused: the lists show that an address failed, not which. */
function withoutAddresses(error: string): string {
  return error.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');
}
