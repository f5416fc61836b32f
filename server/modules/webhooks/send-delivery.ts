import { signWebhook } from '../../../shared/webhooks/webhook-signature.js';
import { WEBHOOK_HEADERS } from '../../../shared/schemas/webhooks.js';
import { drainOutbox, PermanentDeliveryError, type DrainResult } from '../alerts/drain-outbox.js';
import type { OutboxItem } from '../alerts/ports.js';
import { WebhookAddressRefused, type WebhookAttempt } from './ports.js';
import { WEBHOOK_CHANNEL, type WebhooksDeps } from './webhooks-deps.js';

/** A receiver that answers 410 Gone says the endpoint is no more: it is turned off, not retried. */
const GONE = 410;

/**
 * One attempt at one delivery: sign the queued payload as it stands (its id is the same on every
 * attempt), POST it, log the attempt. A 2xx answer delivers; anything else throws, for the
 * outbox to retry with backoff or, when no retry can help, to fail at once.
 */
export async function sendDelivery(
  deps: WebhooksDeps,
  item: OutboxItem,
  unreachable: Map<string, string> = new Map(),
): Promise<void> {
  const endpoint = item.target ? await deps.endpoints.findWithSecret(item.target) : undefined;
  if (!endpoint) throw new PermanentDeliveryError('the endpoint was deleted');
  if (!endpoint.enabled) throw new PermanentDeliveryError('the endpoint is turned off');
  const attempt: Omit<WebhookAttempt, 'durationMs'> = {
    deliveryId: item.id,
    endpointId: endpoint.id,
    attempt: item.attempts + 1,
    at: deps.clock.now(),
  };
  const body = JSON.stringify(item.payload);
  const headers = {
    [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, body, deps.clock.now().getTime() / 1000),
    [WEBHOOK_HEADERS.event]: String(item.payload.type),
    [WEBHOOK_HEADERS.delivery]: String(item.payload.id),
    'user-agent': 'FocalNet-Webhooks/1',
  };
  const down = unreachable.get(endpoint.id);
  if (down !== undefined) {
    await deps.attempts.record({ ...attempt, error: `not tried: ${down} a moment ago`, durationMs: 0 });
    throw new Error(`not tried: the endpoint did not answer a moment ago`);
  }
  let answer: { status: number; durationMs: number };
  try {
    answer = await deps.transport.post(endpoint.url, body, headers);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    await deps.attempts.record({ ...attempt, error: message, durationMs: 0 });
    if (error instanceof WebhookAddressRefused) throw new PermanentDeliveryError(`address refused: ${message}`);
    unreachable.set(endpoint.id, message);
    throw error;
  }
  const ok = answer.status >= 200 && answer.status < 300;
  await deps.attempts.record({
    ...attempt,
    statusCode: answer.status,
    ...(ok ? {} : { error: `HTTP ${answer.status}` }),
    durationMs: answer.durationMs,
  });
  if (ok) return;
  if (answer.status === GONE) {
    await deps.endpoints.update(endpoint.id, { enabled: false, disabledReason: 'receiver-gone' });
    await deps.audit.append({
      type: 'webhook.disabled-by-receiver',
      state: endpoint.state,
      subjectId: endpoint.id,
      data: { status: GONE },
    });
    throw new PermanentDeliveryError('HTTP 410: the receiver says the endpoint is gone; it was turned off');
  }
  throw new Error(`HTTP ${answer.status}`);
}

/**
 * Sends every webhook delivery that is due (the outbox sweep calls this on every node). Items go
 * one after another, so an endpoint that does not answer would hold up every state's deliveries
 * for its timeout, item by item: once it failed to answer in a pass, its other items wait for
 * their next attempt without being tried (logged as such).
 */
export function drainWebhooks(deps: WebhooksDeps): Promise<DrainResult> {
  const unreachable = new Map<string, string>();
  return drainOutbox(deps, WEBHOOK_CHANNEL, (item) => sendDelivery(deps, item, unreachable));
}
