import type { Clock } from '../../system/clock.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { SettingStore } from '../directory/ports.js';
import type { PolicyEnforcement } from '../policies/enforce-policy.js';
import type {
  ChangeLog,
  ClearedStore,
  EntryStatisticsSource,
  EntryStore,
  ParticipationStore,
  RingStore,
  ScreeningStore,
} from './ports.js';
import type { ListedSet } from './listed-set.js';

export interface TravelDocumentsDeps {
  participation: ParticipationStore;
  rings: RingStore;
  entries: EntryStore & EntryStatisticsSource;
  changes: ChangeLog;
  /** This node's copy of the listed set, for the sync and buckets. */
  listed: ListedSet;
  screenings: ScreeningStore;
  cleared: ClearedStore;
  settings: Pick<SettingStore, 'get'>;
  users: UserStore;
  index: DirectoryIndex;
  policy: Pick<PolicyEnforcement, 'decideExchange'>;
  audit: AuditLog;
  clock: Clock;
}

/** The change log keeps this long; an older cursor gets a full stream. */
export const CHANGE_LOG_KEEP_MS = 60 * 86_400_000;
