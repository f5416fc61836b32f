import type { Clock } from '../../system/clock.js';
import type { UserStore } from '../accounts/ports/users.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { LibraryFileStore, LibraryItemStore, ShelfStore } from './ports.js';

export interface LibraryDeps {
  shelves: ShelfStore;
  items: LibraryItemStore;
  files: LibraryFileStore;
  users: UserStore;
  index: DirectoryIndex;
  audit: AuditLog;
  clock: Clock;
}

/** An upload not named by a published version within this long is deleted by the sweep. */
export const UNBOUND_FILE_TTL_MS = 24 * 3_600_000;
