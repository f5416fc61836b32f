import { DIRECTORY_REVISION } from './directory-index.js';
import type { DirectoryReadDeps } from './read-directory.js';

/** After a write: every node reloads (the revision counter), this one at once. */
export async function directoryChanged(deps: DirectoryReadDeps): Promise<void> {
  await deps.settings.bump(DIRECTORY_REVISION, deps.clock.now());
  deps.index.invalidate();
}
