import type { LivenessPrompt } from '../../../shared/schemas/liveness.js';
import type { LivenessCheckStore } from './ports.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';

/** Real-time delivery of prompts to a person's open sockets (on any node). */
export interface LivenessNotifier {
  prompt(userId: string, prompt: LivenessPrompt): void;
}

export interface LivenessDeps {
  checks: LivenessCheckStore;
  users: UserStore;
  index: DirectoryIndex;
  audit: AuditLog;
  clock: Clock;
  notifier: LivenessNotifier;
}
