import { z } from 'zod';
import {
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookSecretIssued,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
} from '../../../shared/schemas/webhooks.js';
import type { SessionManager } from '../session-manager.js';

/**
 * A state's webhook endpoints (national admins; the secretariat may list them). To verify a
 * delivery in a national system, see README ("Webhooks: verifying a delivery").
 */
export interface WebhooksApi {
  /** Your state's endpoints; the secretariat: every state's, or `state`'s. */
  list(state?: string): Promise<WebhookEndpointView[]>;
  /** Registers an endpoint; the answer's `secret` is shown this once: hand it to the national system. */
  create(input: CreateWebhookRequest): Promise<WebhookSecretIssued>;
  update(id: string, patch: UpdateWebhookRequest): Promise<WebhookEndpointView>;
  /** A new secret at once (the old one stops signing); shown this once. */
  rotateSecret(id: string): Promise<WebhookSecretIssued>;
  remove(id: string): Promise<void>;
  /** Queues a signed `test` delivery; follow it in `deliveries`. */
  sendTest(id: string): Promise<WebhookDeliveryView>;
  /** The last 50 deliveries, newest first, each with its attempts. */
  deliveries(id: string): Promise<WebhookDeliveryView[]>;
}

export function webhooksApi(session: SessionManager): WebhooksApi {
  const path = (id: string, rest = '') => `/api/webhooks/${encodeURIComponent(id)}${rest}`;
  return {
    list: (state) =>
      session.authed({ method: 'GET', path: '/api/webhooks', query: { state }, schema: z.array(WebhookEndpointView) }),
    create: (input) =>
      session.authed({ method: 'POST', path: '/api/webhooks', body: input, schema: WebhookSecretIssued }),
    update: (id, patch) =>
      session.authed({ method: 'PATCH', path: path(id), body: patch, schema: WebhookEndpointView }),
    rotateSecret: (id) =>
      session.authed({ method: 'POST', path: path(id, '/rotate-secret'), schema: WebhookSecretIssued }),
    async remove(id) {
      await session.authed({ method: 'DELETE', path: path(id), schema: z.object({ ok: z.literal(true) }) });
    },
    sendTest: (id) => session.authed({ method: 'POST', path: path(id, '/test'), schema: WebhookDeliveryView }),
    deliveries: (id) =>
      session.authed({ method: 'GET', path: path(id, '/deliveries'), schema: z.array(WebhookDeliveryView) }),
  };
}
