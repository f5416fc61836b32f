import type { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../../shared/schemas/requests.js';
import type { ClaimStore } from '../accounts/ports/claims.js';
import type { MessageStore } from '../messaging/ports.js';
import type { RequestCaseStore } from './ports.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { AuditLog } from '../audit/audit-log.js';

/** Real-time notices; best effort (the REST lists are the record). */
export interface RequestNotifier {
  /** `actorId`: who took the step (null: the server itself, e.g. the overdue flag). */
  updated(userId: string, request: RequestCaseView, actorId: string | null): void;
  reminder(userId: string, event: RequestReminderEvent): void;
  overdue(userId: string, event: RequestOverdueEvent): void;
}

export interface RequestsDeps {
  cases: RequestCaseStore;
  claims: ClaimStore;
  /** To take back an envelope whose transition lost a race (it was never delivered). */
  messages: MessageStore;
  users: UserStore;
  audit: AuditLog;
  clock: Clock;
  notifier: RequestNotifier;
  /** The directory, to name the people on a case; without it cases name only states (the CLI). */
  index?: DirectoryIndex;
}
