import type { DirectoryEntriesRepository } from '../../db/repositories/directory-entries.repository.js';
import type { MemberStatesRepository } from '../../db/repositories/member-states.repository.js';
import type { SettingsRepository } from '../../db/repositories/settings.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';

export interface DirectoryDeps {
  users: UsersRepository;
  entries: DirectoryEntriesRepository;
  states: MemberStatesRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  clock: Clock;
}
