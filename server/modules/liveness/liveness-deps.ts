import type { LivenessPrompt } from '../../../shared/schemas/liveness.js';
import type { LivenessCheckStore, LivenessScheduleStore } from './ports.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { ClaimStore } from '../accounts/ports/claims.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';

/** Real-time delivery of prompts to a person's open sockets (on any node). */
export interface LivenessNotifier {
  prompt(userId: string, prompt: LivenessPrompt): void;
}

export interface LivenessDeps {
  checks: LivenessCheckStore;
  schedules: LivenessScheduleStore;
  /** Once-only work across nodes: a schedule's run per period, a reminder per person. */
  claims: ClaimStore;
  users: UserStore;
  index: DirectoryIndex;
  audit: AuditLog;
  clock: Clock;
  notifier: LivenessNotifier;
}
