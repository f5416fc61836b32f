import type { ReceivedMessage } from '../../../sdk/index';
import type { MessagingState } from './messaging-store';

export type DeliveryStatus = 'sent' | 'held' | 'delivered' | 'read';
export type RecipientStatus = 'sent' | 'delivered' | 'read';

export interface OutgoingProgress {
  /** The furthest any recipient got (held while approval is pending). */
  status: DeliveryStatus;
  readers: number;
  delivered: number;
  recipients: number;
  /** Each recipient's own step, in the message's order. */
  perRecipient: Array<{ userId: string; state: string; status: RecipientStatus }>;
}

/**
 * How far an outgoing message got: from the server's record (the history says whom it was
 * delivered to, so it survives reloads) and what this tab heard since (statuses, signed receipts).
 */
export function deliveryStatus(message: ReceivedMessage, state: MessagingState): OutgoingProgress {
  // Only receipts from this message's recipients count: anyone else's claim is not a read.
  const readBy = new Set(state.read.get(message.msgId) ?? []);
  const deliveredTo = new Set([
    ...(state.delivered.get(message.id) ?? []),
    ...(message.deliveredTo ?? []).map((d) => d.userId),
  ]);
  const perRecipient = message.to.map(({ userId, state: recipientState }) => ({
    userId,
    state: recipientState,
    // A read receipt implies delivery even where the "delivered" event was missed.
    status: (readBy.has(userId) ? 'read' : deliveredTo.has(userId) ? 'delivered' : 'sent') as RecipientStatus,
  }));
  const readers = perRecipient.filter((r) => r.status === 'read').length;
  const delivered = perRecipient.filter((r) => r.status !== 'sent').length;
  const progress = { readers, delivered, recipients: message.to.length, perRecipient };
  if (readers > 0) return { status: 'read', ...progress };
  if (delivered > 0) return { status: 'delivered', ...progress };
  const held =
    (message.held === true || state.sent.get(message.msgId)?.status === 'held') && !state.released.has(message.id);
  return { status: held ? 'held' : 'sent', ...progress };
}
