import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { DeliveredTo } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { toDelivered } from './delivered-view.js';
import type { MessagingDeps } from './messaging-deps.js';

/**
 * Messages the actor sent or received (ciphertext only), newest first, paged by (storedAt, id).
 * The actor's own messages say when each recipient received them, so "delivered" outlasts the
 * live event (a sender offline at the time sees it at the next reload).
 */
export async function messageHistory(
  deps: MessagingDeps,
  actor: User,
  query: {
    threadId?: string | undefined;
    with?: string | undefined;
    before?: string | undefined;
    beforeId?: string | undefined;
    limit: number;
  },
): Promise<DeliveredMessage[]> {
  const messages = await deps.messages.history(actor.id, {
    threadId: query.threadId,
    withUserId: query.with,
    before: query.before ? new Date(query.before) : undefined,
    beforeId: query.beforeId,
    limit: query.limit,
  });
  const sent = messages.filter((m) => m.senderId === actor.id && m.status === 'accepted');
  const delivered = sent.length === 0 ? new Map<string, DeliveredTo>() : await deps.deliveries.deliveredTo(sent);
  return messages.map((message) => {
    const view = toDelivered(message);
    if (message.senderId !== actor.id) return view;
    if (message.status === 'held') return { ...view, held: true as const };
    const to = delivered.get(message.id) ?? [];
    return { ...view, deliveredTo: to.map((d) => ({ userId: d.userId, at: d.at.toISOString() })) };
  });
}
