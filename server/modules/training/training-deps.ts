import type { Alert } from '../../../shared/schemas/alerts.js';
import type { Clock } from '../../system/clock.js';
import type { ClaimStore } from '../accounts/ports/claims.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { CentreStore, PlannedEvents, TrainingRequestStore } from './ports.js';

export interface TrainingDeps {
  centres: CentreStore;
  requests: TrainingRequestStore;
  /** A request leaves each status once: a unique claim per (request, status left), since a conditional update is not atomic on FerretDB. */
  claims: ClaimStore;
  /** Domains, states' participation and the freshness period. */
  index: DirectoryIndex;
  audit: AuditLog;
  clock: Clock;
  /** Queues an alert outside the app (never throws). */
  raiseAlert(alert: Alert): Promise<void>;
  /** The events calendar (absent until the lead wires it: planning is then refused). */
  plannedEvents?: PlannedEvents;
}
