import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { StoredMessage } from './ports.js';

/** The one shape in which a stored envelope leaves the server. */
export function toDelivered(message: StoredMessage): DeliveredMessage {
  return {
    id: message.id,
    envelope: message.envelope,
    attachmentIds: message.attachmentIds,
    conditions: message.conditions as DeliveredMessage['conditions'],
    storedAt: message.storedAt.toISOString(),
  };
}
