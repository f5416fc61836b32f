import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { WebhookEvent, WebhookSecretIssued } from '../../../shared/schemas/webhooks.js';
import { authorize } from '../accounts/authorize.js';
import type { User } from '../accounts/ports/users.js';
import { endpointFor } from './endpoint-access.js';
import { toEndpointView } from './endpoint-view.js';
import { WebhookAddressRefused } from './ports.js';
import { MAX_ENDPOINTS_PER_STATE, type WebhooksDeps } from './webhooks-deps.js';

/** `whsec_` and 32 random bytes (base64url): shown once, kept by the server to sign with. */
function newSecret(): { secret: string; secretHint: string } {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return { secret, secretHint: `${secret.slice(0, 10)}…` };
}

/** Refuses a URL the server would not call: the message names the address and why. */
export async function requireCallable(deps: Pick<WebhooksDeps, 'transport'>, url: string): Promise<void> {
  try {
    await deps.transport.check(url);
  } catch (error) {
    if (!(error instanceof WebhookAddressRefused)) throw error;
    throw new AppError('webhook.address-refused', `endpoint refused: ${error.message}`, [
      { path: ['body', 'url'], message: error.message },
    ]);
  }
}

/** A national admin registers an endpoint for their state; its secret is shown in this answer only. */
export async function registerEndpoint(
  deps: WebhooksDeps,
  actor: User,
  input: { url: string; events: WebhookEvent[]; description: string },
): Promise<WebhookSecretIssued> {
  authorize(actor, 'webhook:manage', { state: actor.state });
  const state = actor.state ?? '';
  if ((await deps.endpoints.countOfState(state)) >= MAX_ENDPOINTS_PER_STATE)
    throw new AppError('webhook.limit-reached', `a state registers at most ${MAX_ENDPOINTS_PER_STATE} endpoints`);
  await requireCallable(deps, input.url);
  const { secret, secretHint } = newSecret();
  const endpoint = await deps.endpoints.create({
    state,
    url: input.url,
    events: input.events,
    description: input.description,
    enabled: true,
    secret,
    secretHint,
    createdAt: deps.clock.now(),
    createdBy: actor.id,
  });
  await deps.audit.append({
    type: 'webhook.created',
    actorId: actor.id,
    state,
    subjectId: endpoint.id,
    data: { url: endpoint.url, events: endpoint.events },
  });
  return { endpoint: toEndpointView(endpoint), secret };
}

/** A new secret at once; the old one stops signing (deliveries still queued are signed with the new one). */
export async function rotateSecret(deps: WebhooksDeps, actor: User, id: string): Promise<WebhookSecretIssued> {
  const endpoint = await endpointFor(deps, actor, id, 'webhook:manage');
  const { secret, secretHint } = newSecret();
  const rotated = await deps.endpoints.replaceSecret(endpoint.id, secret, secretHint, deps.clock.now());
  if (!rotated) throw new AppError('webhook.not-found', 'no such webhook endpoint of your state');
  await deps.audit.append({ type: 'webhook.secret-rotated', actorId: actor.id, state: endpoint.state, subjectId: id });
  return { endpoint: toEndpointView(rotated), secret };
}
