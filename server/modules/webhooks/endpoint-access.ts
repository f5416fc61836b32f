import type { Action } from '../../../shared/authz/can.js';
import { can } from '../../../shared/authz/can.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { WebhookEndpoint } from './ports.js';
import type { WebhooksDeps } from './webhooks-deps.js';

/**
 * The endpoint `id` if the actor may do `action` to it. Another state's endpoint answers as if it
 * did not exist: a state's national systems are its own business.
 */
export async function endpointFor(
  deps: Pick<WebhooksDeps, 'endpoints'>,
  actor: User,
  id: string,
  action: Extract<Action, 'webhook:manage' | 'webhook:list'>,
): Promise<WebhookEndpoint> {
  authorize(actor, action, { state: actor.state });
  const endpoint = await deps.endpoints.find(id);
  if (!endpoint || !can(actor, action, { state: endpoint.state }))
    throw new AppError('webhook.not-found', 'no such webhook endpoint of your state');
  return endpoint;
}
