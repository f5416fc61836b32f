import type { Alert } from '../../../shared/schemas/alerts.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { ClaimStore } from '../accounts/ports/claims.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { Clock } from '../../system/clock.js';
import type { CalendarFeedStore, EventStore, ParticipantStore } from './ports.js';

export interface EventsDeps {
  events: EventStore;
  participants: ParticipantStore;
  feeds: CalendarFeedStore;
  users: UserStore;
  index: DirectoryIndex;
  /** Once-only reminders across nodes. */
  claims: ClaimStore;
  audit: AuditLog;
  clock: Clock;
  /** Queues an alert for e-mail and webhooks (never throws). */
  raise(alert: Alert): Promise<void>;
  /** Where feed URLs point. */
  publicOrigin(): string;
}
