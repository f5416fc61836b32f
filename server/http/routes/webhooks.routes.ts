import { z } from 'zod';
import {
  CreateWebhookRequest,
  ListWebhooksQuery,
  UpdateWebhookRequest,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookParams,
  WebhookSecretIssued,
} from '../../../shared/schemas/webhooks.js';
import { listDeliveries } from '../../modules/webhooks/delivery-log.js';
import { deleteEndpoint, listEndpoints, updateEndpoint } from '../../modules/webhooks/manage-endpoints.js';
import { sendTestEvent } from '../../modules/webhooks/queue-deliveries.js';
import { registerEndpoint, rotateSecret } from '../../modules/webhooks/register-endpoint.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function webhookRoutes({ router, registry, webhooks, authn }: RouteContext): void {
  if (!webhooks) return;
  const tag = 'webhooks';

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/webhooks',
    auth: authn,
    tag,
    summary: "Your state's webhook endpoints (national admins); every state's, or one state's, for the secretariat.",
    query: ListWebhooksQuery,
    response: z.array(WebhookEndpointView),
    errors: [401, 403],
    handler: async ({ query, req }) => listEndpoints(webhooks, await authn.actor(req), query.state),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/webhooks',
    auth: authn,
    tag,
    summary:
      'Register an https endpoint of a national system for your state, with the events it receives. The answer carries the signing secret: it is shown this once.',
    body: CreateWebhookRequest,
    response: WebhookSecretIssued,
    status: 201,
    errors: [401, 403, 409],
    handler: async ({ body, req }) => registerEndpoint(webhooks, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'patch',
    path: '/api/webhooks/:id',
    auth: authn,
    tag,
    summary: 'Turn an endpoint on or off, or change its events or description.',
    params: WebhookParams,
    body: UpdateWebhookRequest,
    response: WebhookEndpointView,
    errors: [401, 403, 404],
    handler: async ({ params, body, req }) => updateEndpoint(webhooks, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/webhooks/:id/rotate-secret',
    auth: authn,
    tag,
    summary: 'Replace the signing secret at once; the new one is in the answer, shown this once.',
    params: WebhookParams,
    response: WebhookSecretIssued,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => rotateSecret(webhooks, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/webhooks/:id',
    auth: authn,
    tag,
    summary: 'Delete an endpoint and its delivery log; deliveries still queued for it are not sent.',
    params: WebhookParams,
    response: z.object({ ok: z.literal(true) }),
    errors: [401, 403, 404],
    handler: async ({ params, req }) => deleteEndpoint(webhooks, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/webhooks/:id/test',
    auth: authn,
    tag,
    summary: 'Queue a signed `test` delivery to the endpoint; follow it in the delivery log.',
    params: WebhookParams,
    response: WebhookDeliveryView,
    status: 202,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => sendTestEvent(webhooks, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    auth: authn,
    tag,
    summary:
      "The endpoint's last 50 deliveries, newest first, each with every attempt (time, status or error, duration).",
    params: WebhookParams,
    response: z.array(WebhookDeliveryView),
    errors: [401, 403, 404],
    handler: async ({ params, req }) => listDeliveries(webhooks, await authn.actor(req), params.id),
  });
}
