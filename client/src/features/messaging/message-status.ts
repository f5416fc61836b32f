import type { ReceivedMessage } from '../../../sdk/index';
import type { MessagingState } from './messaging-store';

export type DeliveryStatus = 'sent' | 'held' | 'delivered' | 'read';

/** How far an outgoing message got, as far as this tab has heard. */
export function deliveryStatus(message: ReceivedMessage, state: MessagingState): { status: DeliveryStatus; readers: number; recipients: number } {
  const recipients = message.to.length;
  const readers = state.read.get(message.msgId)?.length ?? 0;
  if (readers > 0) return { status: 'read', readers, recipients };
  if ((state.delivered.get(message.id)?.length ?? 0) > 0) return { status: 'delivered', readers, recipients };
  if (state.sent.get(message.msgId)?.status === 'held') return { status: 'held', readers, recipients };
  return { status: 'sent', readers, recipients };
}
