import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { User } from '../../db/repositories/users.repository.js';
import { toDelivered } from './delivered-view.js';
import type { MessagingDeps } from './messaging-deps.js';

/** Messages the actor sent or received (ciphertext only), newest first, paged by (storedAt, id). */
export async function messageHistory(deps: MessagingDeps, actor: User, query: { threadId?: string | undefined; with?: string | undefined; before?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<DeliveredMessage[]> {
  const messages = await deps.messages.history(actor.id, { threadId: query.threadId, withUserId: query.with, before: query.before ? new Date(query.before) : undefined, beforeId: query.beforeId, limit: query.limit });
  return messages.map(toDelivered);
}
