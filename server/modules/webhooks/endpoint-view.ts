import type { WebhookEndpointView } from '../../../shared/schemas/webhooks.js';
import type { WebhookEndpoint } from './ports.js';

export function toEndpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    id: endpoint.id,
    state: endpoint.state,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    ...(endpoint.disabledReason ? { disabledReason: endpoint.disabledReason } : {}),
    secretHint: endpoint.secretHint,
    createdAt: endpoint.createdAt.toISOString(),
    createdBy: endpoint.createdBy,
    ...(endpoint.secretRotatedAt ? { secretRotatedAt: endpoint.secretRotatedAt.toISOString() } : {}),
  };
}
