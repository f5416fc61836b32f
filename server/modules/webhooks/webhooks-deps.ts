import type { Clock } from '../../system/clock.js';
import type { OutboxStore } from '../alerts/ports.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { WebhookAttemptStore, WebhookEndpointStore, WebhookTransport } from './ports.js';

export interface WebhooksDeps {
  endpoints: WebhookEndpointStore;
  attempts: WebhookAttemptStore;
  outbox: OutboxStore;
  transport: WebhookTransport;
  audit: AuditLog;
  clock: Clock;
}

/** The outbox channel webhook deliveries are queued on. */
export const WEBHOOK_CHANNEL = 'webhook';

/** A state registers at most this many endpoints (each event is sent to each of them). */
export const MAX_ENDPOINTS_PER_STATE = 10;
