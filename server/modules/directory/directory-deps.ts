import type { DirectoryEntryStore, DomainStore, MemberStateStore, SettingStore } from './ports.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { PolicyStore } from '../policies/policy-store.js';

export interface DirectoryDeps {
  users: UserStore;
  entries: DirectoryEntryStore;
  states: MemberStateStore;
  domains: DomainStore;
  settings: SettingStore;
  audit: AuditLog;
  clock: Clock;
  /** The signed disclosure policies in force: their `directoryFields` decide who sees which entry field. */
  policies: Pick<PolicyStore, 'current'>;
}
