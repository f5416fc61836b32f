import type { BacklogPage } from '../../../shared/schemas/messaging.js';
import type { User } from '../accounts/ports/users.js';
import { toDelivered } from './delivered-view.js';
import type { MessagingDeps } from './messaging-deps.js';

/**
 * The recipient's oldest unacknowledged messages, one page at a time: the client acks a page
 * before asking for the next, so at most one page is in flight per client.
 */
export async function fetchBacklog(deps: MessagingDeps, actor: User, limit: number): Promise<BacklogPage> {
  const { messageIds, more } = await deps.deliveries.pending(actor.id, limit);
  const messages = await deps.messages.findMany(messageIds);
  deps.metrics.backlogPage(
    actor.id,
    messages.map((message) => message.id),
  );
  return { messages: messages.map(toDelivered), more };
}

/** The recipient's client has the messages: they leave the queue, "delivered" is recorded, and each sender hears it. */
export async function acknowledge(deps: MessagingDeps, actor: User, ids: string[]): Promise<{ acknowledged: number }> {
  const taken = await deps.deliveries.ack(actor.id, ids, deps.clock.now());
  deps.metrics.acknowledged(
    actor.id,
    taken.map((copy) => copy.messageId),
  );
  for (const copy of taken)
    deps.notifier.status(copy.senderId, {
      id: copy.messageId,
      msgId: copy.msgId,
      status: 'delivered',
      userId: actor.id,
      at: copy.at.toISOString(),
    });
  return { acknowledged: taken.length };
}
