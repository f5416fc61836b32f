import { randomUUID } from 'node:crypto';
import type { Alert } from '../../../shared/schemas/alerts.js';
import {
  WEBHOOK_EVENTS,
  type WebhookDeliveryView,
  type WebhookEvent,
  type WebhookPayload,
} from '../../../shared/schemas/webhooks.js';
import type { User } from '../accounts/ports/users.js';
import { deliveryViews } from './delivery-log.js';
import { endpointFor } from './endpoint-access.js';
import type { WebhookEndpoint } from './ports.js';
import { WEBHOOK_CHANNEL, type WebhooksDeps } from './webhooks-deps.js';

const isWebhookEvent = (kind: string): kind is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(kind);

/**
 * The event an alert stands for, as a state sees it. A request alert is one event for its side
 * (its id names the side, not the person: the focal point, their deputy and their national admins
 * share it) and names the side's focal point; other alerts concern one focal point each: a message
 * to two focal points of a state is two arrivals, each fetched with its own focal point's credentials.
 */
function stateEvent(alert: Alert): { key: string; focalPointId?: string } {
  const focalPointId = alert.refs.focalPointId ?? alert.userId;
  return { key: alert.id, ...(focalPointId ? { focalPointId } : {}) };
}

/** Ids and metadata only: what happened, between which states, how urgent, and ids to fetch the rest with. */
function payloadOf(alert: Alert, event: WebhookEvent, state: string, focalPointId?: string): WebhookPayload {
  const { refs } = alert;
  return {
    id: randomUUID(),
    type: event,
    createdAt: alert.at,
    state,
    data: {
      ...(refs.requestId ? { requestId: refs.requestId } : {}),
      ...(refs.reference ? { reference: refs.reference } : {}),
      ...(refs.messageId ? { messageId: refs.messageId } : {}),
      ...(focalPointId ? { focalPointId } : {}),
      ...(alert.counterpartState ? { counterpartState: alert.counterpartState } : {}),
      ...(alert.domain ? { domain: alert.domain } : {}),
      ...(alert.urgency ? { urgency: alert.urgency } : {}),
      ...(alert.deadline ? { deadline: alert.deadline } : {}),
      ...(refs.approvalId ? { approvalId: refs.approvalId } : {}),
    },
  };
}

async function queue(
  deps: Pick<WebhooksDeps, 'outbox' | 'clock'>,
  endpoint: WebhookEndpoint,
  key: string,
  payload: WebhookPayload,
): Promise<boolean> {
  return deps.outbox.add(
    {
      channel: WEBHOOK_CHANNEL,
      key,
      payload,
      dueAt: deps.clock.now(),
      state: endpoint.state,
      target: endpoint.id,
    },
    deps.clock.now(),
  );
}

/**
 * Queues one delivery per enabled endpoint of the state concerned that chose this event. The
 * outbox key names the event and the endpoint, so an alert raised again (another node, a
 * retried send) is still one delivery.
 */
export async function queueAlertDeliveries(deps: WebhooksDeps, alert: Alert): Promise<void> {
  if (!alert.state || !isWebhookEvent(alert.kind)) return;
  const { state, kind } = alert;
  const event = stateEvent(alert);
  for (const endpoint of await deps.endpoints.subscribed(state, kind))
    await queue(
      deps,
      endpoint,
      `webhook:${event.key}:${endpoint.id}`,
      payloadOf(alert, kind, state, event.focalPointId),
    );
}

/** "Send test event": a `test` delivery with no data, through the same queue, signing and retries. */
export async function sendTestEvent(deps: WebhooksDeps, actor: User, id: string): Promise<WebhookDeliveryView> {
  const endpoint = await endpointFor(deps, actor, id, 'webhook:manage');
  const payload: WebhookPayload = {
    id: randomUUID(),
    type: 'test',
    createdAt: deps.clock.now().toISOString(),
    state: endpoint.state,
    data: {},
  };
  const key = `webhook:test:${payload.id}:${endpoint.id}`;
  await queue(deps, endpoint, key, payload);
  await deps.audit.append({ type: 'webhook.test-queued', actorId: actor.id, state: endpoint.state, subjectId: id });
  const item = await deps.outbox.findByKey(key);
  if (!item) throw new Error('the test delivery was not queued');
  const [view] = await deliveryViews(deps, [item]);
  if (!view) throw new Error('the test delivery was not queued');
  return view;
}
