import type { AuditLog } from '../audit/audit-log.js';
import type { ConsensusDeps } from '../consensus/consensus-deps.js';
import type { AudienceSources } from '../directory/audience-members.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { Clock } from '../../system/clock.js';
import type { DocumentFileStore, DocumentStore } from './ports.js';

export interface DocumentsDeps {
  documents: DocumentStore;
  files: DocumentFileStore;
  /** The proposal that decides each document, its deadline and its notices. */
  consensus: ConsensusDeps;
  /** Who the readers are now: every national admin and the secretariat, with verified keys. */
  audience: AudienceSources & { index: DirectoryIndex };
  audit: AuditLog;
  clock: Clock;
}
