import { WebhookDeliveryType, type WebhookDeliveryView } from '../../../shared/schemas/webhooks.js';
import type { User } from '../accounts/ports/users.js';
import type { OutboxItem } from '../alerts/ports.js';
import { endpointFor } from './endpoint-access.js';
import { WEBHOOK_CHANNEL, type WebhooksDeps } from './webhooks-deps.js';

/** The log shows this many deliveries, newest first. */
const LOG_LENGTH = 50;

/** Deliveries with each of their attempts (time, status or error, duration). */
export async function deliveryViews(
  deps: Pick<WebhooksDeps, 'attempts'>,
  items: readonly OutboxItem[],
): Promise<WebhookDeliveryView[]> {
  const attempts = await deps.attempts.ofDeliveries(items.map((item) => item.id));
  return items.map((item) => {
    const type = WebhookDeliveryType.safeParse(item.payload.type);
    return {
      id: typeof item.payload.id === 'string' ? item.payload.id : item.id,
      type: type.success ? type.data : 'test',
      status: item.status,
      attempts: item.attempts,
      createdAt: item.createdAt.toISOString(),
      ...(item.status === 'pending' ? { nextAttemptAt: item.dueAt.toISOString() } : {}),
      ...(item.sentAt ? { sentAt: item.sentAt.toISOString() } : {}),
      ...(item.lastError ? { lastError: item.lastError } : {}),
      log: attempts
        .filter((attempt) => attempt.deliveryId === item.id)
        .sort((a, b) => a.attempt - b.attempt)
        .map((attempt) => ({
          attempt: attempt.attempt,
          at: attempt.at.toISOString(),
          ...(attempt.statusCode !== undefined ? { statusCode: attempt.statusCode } : {}),
          ...(attempt.error ? { error: attempt.error } : {}),
          durationMs: attempt.durationMs,
        })),
    };
  });
}

/** The endpoint's recent deliveries, for its state's national admins (and the secretariat). */
export async function listDeliveries(deps: WebhooksDeps, actor: User, id: string): Promise<WebhookDeliveryView[]> {
  const endpoint = await endpointFor(deps, actor, id, 'webhook:list');
  const items = await deps.outbox.list({ channel: WEBHOOK_CHANNEL, target: endpoint.id }, LOG_LENGTH);
  return deliveryViews(deps, items);
}
