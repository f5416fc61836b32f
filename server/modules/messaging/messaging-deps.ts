import type { DeliveredMessage, MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import type { AttachmentStore, DeliveryQueueStore, MessageStore } from './ports.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { PolicyEnforcement } from '../policies/enforce-policy.js';
import type { RequestHook } from '../requests/request-hook.js';
import type { MetricsPort } from '../../system/metrics-port.js';

/** Real-time fan-out; best effort: what is not pushed is fetched from the backlog. */
export interface MessageNotifier {
  deliver(recipientId: string, message: DeliveredMessage): void;
  status(senderId: string, event: MessageStatusEvent): void;
}

export interface MessagingDeps {
  messages: MessageStore;
  /** Recipients' queued copies until acknowledged, then when each was delivered. */
  deliveries: DeliveryQueueStore;
  attachments: AttachmentStore;
  /** Largest attachment upload, in bytes. */
  maxAttachmentBytes: number;
  users: UserStore;
  index: DirectoryIndex;
  policy: PolicyEnforcement;
  audit: AuditLog;
  clock: Clock;
  notifier: MessageNotifier;
  /** Accepted difference between the sender's clock (header.ts) and the server's, in ms. */
  maxClockSkewMs: number;
  /** Information-exchange requests: checks request envelopes before they are stored, records them after. */
  requests?: RequestHook;
  /** Exchanges by outcome, relay and live-delivery latency, backlog pages (content-free). */
  metrics: Pick<MetricsPort, 'exchange' | 'relayAcked' | 'acknowledged' | 'backlogPage'>;
}
