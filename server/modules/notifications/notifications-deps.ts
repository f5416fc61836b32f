import type { Logger } from 'pino';
import type { Clock } from '../../system/clock.js';
import type { Mailer } from '../../system/smtp-mailer.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { OutboxStore } from '../alerts/ports.js';
import type { NotificationPreferencesStore } from './ports.js';

/** The outbox channel e-mails are queued on, and the one digest entries wait on (never sent by itself). */
export const EMAIL_CHANNEL = 'email';
export const DIGEST_ENTRY_CHANNEL = 'email-digest-entry';

export interface NotificationsDeps {
  preferences: NotificationPreferencesStore;
  outbox: OutboxStore;
  users: Pick<UserStore, 'findById'>;
  clock: Clock;
  /** Setting and verifying an address are audited (never the address itself). */
  audit: AuditLog;
  /** Absent while no SMTP server is configured: preferences are kept, nothing is sent. */
  mailer: Mailer | undefined;
  /** The web client's origin, for links in mails. */
  publicOrigin: () => string;
  logger: Pick<Logger, 'warn' | 'error'>;
}
