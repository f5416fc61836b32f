import { AppError } from '../../../shared/errors.js';
import type { EntryView } from '../../../shared/schemas/directory.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { directoryChanged } from './directory-changed.js';
import { getEntry, type DirectoryReadDeps } from './read-directory.js';

/**
 * A duty desk is a focal-point account whose entry is of kind `duty-desk` (a shared 24/7 post).
 * Its state's national admin names the focal points who staff it; the entry lists them.
 */
export async function setDeskMembers(
  deps: DirectoryReadDeps,
  actor: User,
  deskId: string,
  members: string[],
): Promise<EntryView> {
  const directory = await deps.index.snapshot();
  const desk = directory.byUserId.get(deskId);
  if (!desk) throw new AppError('directory.not-found', 'no active duty desk with that id');
  authorize(actor, 'state:manage-directory', { state: desk.user.state ?? '' });
  if (desk.entry?.kind !== 'duty-desk')
    throw new AppError('validation.failed', 'this entry is not a duty desk: set its kind to duty desk first', [
      { path: ['params', 'userId'], message: 'not a duty desk' },
    ]);
  const unique = [...new Set(members)];
  for (const [i, id] of unique.entries()) {
    const member = directory.byUserId.get(id);
    if (id === deskId || !member || member.user.state !== desk.user.state || member.entry?.kind === 'duty-desk')
      throw new AppError('validation.failed', 'members must be active focal points (people) of the same state', [
        { path: ['body', 'members', i], message: 'not an active focal point of this state' },
      ]);
  }
  const now = deps.clock.now();
  await deps.entries.setMembers(deskId, unique, now);
  await deps.audit.append({
    type: 'directory.desk-members-changed',
    actorId: actor.id,
    state: desk.user.state,
    subjectId: deskId,
    data: { members: unique, formerMembers: desk.entry.members },
  });
  await directoryChanged(deps);
  return getEntry(deps, actor, deskId);
}
