import type { DomainsRepository } from '../../db/repositories/domains.repository.js';
import type { DirectoryEntriesRepository } from '../../db/repositories/directory-entries.repository.js';
import type { MemberStatesRepository } from '../../db/repositories/member-states.repository.js';
import type { SettingsRepository } from '../../db/repositories/settings.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { PolicyStore } from '../policies/policy-store.js';

export interface DirectoryDeps {
  users: UsersRepository;
  entries: DirectoryEntriesRepository;
  states: MemberStatesRepository;
  domains: DomainsRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  clock: Clock;
  /** The signed disclosure policies in force: their `directoryFields` decide who sees which entry field. */
  policies: Pick<PolicyStore, 'current'>;
}
