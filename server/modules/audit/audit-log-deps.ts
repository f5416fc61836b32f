import type { Alert } from '../../../shared/schemas/alerts.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from './audit-log.js';
import type { LogKey } from './log-key.js';
import type { AuditStore, WitnessStore } from './ports.js';
import type { SegmentTree } from './segment-tree.js';
import type { KeyGenerationStore } from '../server-keys/ports.js';

/** What the audit log's heads, proofs, witnesses and discrepancy reports are handed. */
export interface AuditLogDeps {
  store: AuditStore;
  tree: SegmentTree;
  witnesses: WitnessStore;
  key: LogKey;
  /** The generations of the server's signing keys: older heads verify against older log keys. */
  keyGenerations: Pick<KeyGenerationStore, 'all'>;
  audit: AuditLog;
  users: Pick<UserStore, 'findById' | 'list'>;
  /** Queues an alert on the channels outside the app; never throws. */
  raiseAlert(alert: Alert): Promise<void>;
  clock: Clock;
}
