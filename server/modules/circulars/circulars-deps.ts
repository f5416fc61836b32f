import type { Alert } from '../../../shared/schemas/alerts.js';
import type { CircularArrivedEvent } from '../../../shared/schemas/circulars.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { PolicyEnforcement } from '../policies/enforce-policy.js';
import type { Clock } from '../../system/clock.js';
import type { CircularStore } from './ports.js';

/** Tells a recipient's open tabs that a circular arrived; best effort (they list from the database). */
export interface CircularNotifier {
  arrived(recipientId: string, event: CircularArrivedEvent): void;
}

export interface CircularsDeps {
  circulars: CircularStore;
  users: UserStore;
  index: DirectoryIndex;
  policy: PolicyEnforcement;
  audit: AuditLog;
  clock: Clock;
  notifier: CircularNotifier;
  /** Alerts outside the app (e-mail, webhooks): one per recipient, metadata only. */
  raiseAlerts(alerts: Alert[]): Promise<void>;
  /** Accepted difference between the sender's clock (header.ts) and the server's, in ms. */
  maxClockSkewMs: number;
}
