import { AppError } from '../../../shared/errors.js';
import { confinedState } from '../../../shared/authz/can.js';
import type { UpdateWebhookRequest, WebhookEndpointView } from '../../../shared/schemas/webhooks.js';
import { authorize } from '../accounts/authorize.js';
import type { User } from '../accounts/ports/users.js';
import { endpointFor } from './endpoint-access.js';
import { toEndpointView } from './endpoint-view.js';
import type { WebhooksDeps } from './webhooks-deps.js';

/** A national admin sees their state's endpoints; the secretariat every state's, or one state's. */
export async function listEndpoints(deps: WebhooksDeps, actor: User, state?: string): Promise<WebhookEndpointView[]> {
  const scope = confinedState(actor) ?? state;
  authorize(actor, 'webhook:list', scope ? { state: scope } : { state: actor.state });
  return (await deps.endpoints.list(scope ?? undefined)).map(toEndpointView);
}

/** Turns an endpoint on or off, or changes its events or description. Turning it on clears why it was off. */
export async function updateEndpoint(
  deps: WebhooksDeps,
  actor: User,
  id: string,
  patch: UpdateWebhookRequest,
): Promise<WebhookEndpointView> {
  const endpoint = await endpointFor(deps, actor, id, 'webhook:manage');
  const updated = await deps.endpoints.update(id, {
    ...(patch.enabled !== undefined ? { enabled: patch.enabled, disabledReason: null } : {}),
    ...(patch.events ? { events: patch.events } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  });
  if (!updated) throw new AppError('webhook.not-found', 'no such webhook endpoint of your state');
  await deps.audit.append({
    type: 'webhook.updated',
    actorId: actor.id,
    state: endpoint.state,
    subjectId: id,
    data: { enabled: updated.enabled, events: updated.events },
  });
  return toEndpointView(updated);
}

/** Deletes the endpoint and its delivery log; deliveries still queued for it fail ("endpoint deleted"). */
export async function deleteEndpoint(deps: WebhooksDeps, actor: User, id: string): Promise<{ ok: true }> {
  const endpoint = await endpointFor(deps, actor, id, 'webhook:manage');
  await deps.endpoints.delete(id);
  await deps.attempts.deleteOfEndpoint(id);
  await deps.audit.append({
    type: 'webhook.deleted',
    actorId: actor.id,
    state: endpoint.state,
    subjectId: id,
    data: { url: endpoint.url },
  });
  return { ok: true };
}
